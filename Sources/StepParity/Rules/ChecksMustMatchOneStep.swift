import StepDocChecks
import StepModel
import StepSyntax

/// A step is implemented by at most one check, and a check implements at most one step.
///
/// Several checks matching one step: the finding points at the step's title, with a note at each
/// check's declaration. One check matching several steps: it points at the second step's title, with
/// notes at the other steps and at the declaration.
public struct ChecksMustMatchOneStep: ParityRule {
    public static let id: RuleID = .parityAmbiguous
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "each step is implemented by one check, and each check implements one step"

    public init() {}

    public func check(_ context: ParityContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let explanation =
            "Parity pairs each documented step with exactly one check: make the step titles, or the checks' title "
            + "patterns, distinct."
        for stepIndex in context.procedure.steps.indices {
            let matches = context.matching.matches(forStep: stepIndex)
            guard matches.count > 1 else { continue }
            let checks = matches.map { context.suite.checks[$0.check] }
            let names = Self.list(checks.map { "'\($0.id)'" })
            diagnostics.append(
                diagnostic(
                    "\(context.stepLabel(stepIndex)) is implemented by \(checks.count) checks: \(names)",
                    at: context.titleLocation(ofStep: stepIndex), explanation: explanation,
                    notes: checks.map { context.declarationNote("check '\($0.id)' matches it, declared here", of: $0) })
            )
        }
        for (checkIndex, check) in context.suite.checks.enumerated() {
            let matches = context.matching.matches(forCheck: checkIndex)
            guard matches.count > 1 else { continue }
            let labels = matches.map { context.stepLabel($0.step) }
            let numbers = Self.list(labels.map { String($0.dropFirst("step ".count)) })
            var notes = matches.enumerated().filter { $0.offset != 1 }.map { entry in
                DiagnosticNote(
                    message: "it also matches \(labels[entry.offset])",
                    location: context.titleLocation(ofStep: entry.element.step))
            }
            notes.append(context.declarationNote("check '\(check.id)' is declared here", of: check))
            diagnostics.append(
                diagnostic(
                    "check '\(check.id)' matches \(matches.count) steps: \(numbers)",
                    at: context.titleLocation(ofStep: matches[1].step), explanation: explanation, notes: notes))
        }
        return diagnostics
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}
