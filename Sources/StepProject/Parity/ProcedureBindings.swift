import StepDocChecks
import StepModel
import StepSyntax

/// The check suites `stepdoc.yml` binds procedures to (`procedures: {NAME: {checks: SUITE}}`), resolved
/// against the project's ``CheckSuiteRegistry``.
///
/// A suite id the registry does not know is a configuration error (exit code 2) at the `checks:` value,
/// with "did you mean" of the known ids: parity cannot be proven against a suite that does not exist,
/// and a typo must not pass as "no problems".
public struct ProcedureBindings: Sendable {
    /// Procedure name as written in `stepdoc.yml` (with or without `.rst`) → its suite.
    public let suites: [String: RegisteredSuite]

    /// Resolves every binding of `config`, read from `configPath`.
    public init(
        config: StepDocConfig, configPath: String, registry: CheckSuiteRegistry = .builtIn
    ) throws(StepDocFailure) {
        var suites: [String: RegisteredSuite] = [:]
        for (name, settings) in config.procedures.sorted(by: { $0.key < $1.key }) {
            guard let id = settings.checks else { continue }
            guard let suite = registry.suite(id) else {
                let known = registry.ids
                let location = settings.checksLocation ?? SourceLocation(line: 1, column: 1)
                let hint = known.isEmpty ? "" : " (known suites: \(known.joined(separator: ", ")))"
                throw .configuration(
                    path: configPath, line: location.line, column: location.column,
                    message: "procedure '\(name)' is bound to unknown check suite '\(id)'"
                        + DidYouMean.phrase(for: id, among: known) + hint)
            }
            suites[name] = suite
        }
        self.suites = suites
    }

    /// The suite bound to the procedure of `entry`, if any.
    public func suite(for entry: SourceEntry) -> RegisteredSuite? {
        suites[entry.name] ?? suites[entry.name + ".rst"]
    }

    /// The names of the bound procedures, sorted.
    public var procedureNames: [String] {
        suites.keys.sorted()
    }
}
