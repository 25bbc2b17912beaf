import StepDocChecks
import StepModel
import StepSyntax

/// The parity rules, run on every procedure `stepdoc.yml` binds to a check suite.
///
/// A binding to a suite id the registry does not know is not a rule: it is a configuration error
/// reported by the command line at the `checks:` key of `stepdoc.yml` (exit code 2), because no
/// parity can be proven against a suite that does not exist.
public enum ParityRules {
    /// Every parity rule, in the order they run.
    public static let all: [any ParityRule.Type] = [
        EveryStepMustHaveACheck.self,
        EveryCheckMustBeDocumented.self,
        ChecksMustMatchOneStep.self,
        DocumentedValuesMustMatchEnforcedValues.self,
    ]

    /// The id, default severity and summary of each rule, for rule catalogues and configuration checks.
    public static var descriptors: [RuleDescriptor] {
        all.map { RuleDescriptor(id: $0.id, defaultSeverity: $0.defaultSeverity, summary: $0.summary) }
    }

    /// Runs every rule on `procedure`, read from `file`, against `suite`.
    public static func check(
        _ procedure: Procedure, in file: SourceFile, against suite: SuiteDefinition, options: ParityOptions = ParityOptions()
    ) -> [Diagnostic] {
        check(ParityContext(procedure: procedure, file: file, suite: suite, options: options))
    }

    /// Runs every rule on a prepared context.
    public static func check(_ context: ParityContext) -> [Diagnostic] {
        all.flatMap { $0.init().check(context) }
    }
}
