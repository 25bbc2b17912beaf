import StepSyntax

/// A structural rule over a lowered procedure.
///
/// Each rule has a stable id users type in `stepdoc.yml` and in `.. stepdoc: ignore[id]` comments, a
/// default severity, and a one-line statement of what it requires.
public protocol ProcedureRule: Sendable {
    static var id: RuleID { get }
    static var defaultSeverity: Diagnostic.Severity { get }
    static var summary: String { get }

    init()

    /// The rule's findings for `procedure`, read from `file`.
    func check(_ procedure: Procedure, in file: SourceFile) -> [Diagnostic]
}

/// The structural rules stepdoc runs on every procedure.
public enum ProcedureRules {
    public static let all: [any ProcedureRule.Type] = [
        StepFilesMustHaveSteps.self,
        StepNumbersMustBeSequential.self,
        StepsMustHaveBothBranches.self,
        BranchesMustBeInOrder.self,
        BranchesMustAgree.self,
        HeadingLevelsMustAgree.self,
    ]

    /// Runs every rule and returns the findings in source order.
    public static func check(_ procedure: Procedure, in file: SourceFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in all {
            diagnostics.append(contentsOf: rule.init().check(procedure, in: file))
        }
        return diagnostics
    }
}

extension ProcedureRule {
    func diagnostic(
        _ summary: String, file: SourceFile, range: SourceRange, explanation: String? = nil,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(
            severity: Self.defaultSeverity, id: Self.id, summary: summary, explanation: explanation,
            location: DiagnosticLocation(file: file.path, range: range), notes: notes, fixIts: fixIts)
    }

    func note(_ message: String, file: SourceFile, range: SourceRange) -> DiagnosticNote {
        DiagnosticNote(message: message, location: DiagnosticLocation(file: file.path, range: range))
    }
}
