import StepModel
import StepSyntax

/// A docs/code parity rule: compares one procedure with the check suite bound to it.
///
/// Like ``ProcedureRule``, each rule has a stable id users type in `stepdoc.yml` (`rules:`) and in
/// `.. stepdoc: ignore[id]` comments, a default severity, and a one-line statement of what it requires.
public protocol ParityRule: Sendable {
    static var id: RuleID { get }
    static var defaultSeverity: Diagnostic.Severity { get }
    static var summary: String { get }

    init()

    /// The rule's findings for the procedure and suite of `context`.
    func check(_ context: ParityContext) -> [Diagnostic]
}

extension ParityRule {
    func diagnostic(
        _ summary: String, at location: DiagnosticLocation, explanation: String? = nil, notes: [DiagnosticNote] = [],
        fixIts: [FixIt] = []
    ) -> Diagnostic {
        Diagnostic(
            severity: Self.defaultSeverity, id: Self.id, summary: summary, explanation: explanation,
            location: location, notes: notes, fixIts: fixIts)
    }
}
