import StepDocChecks
import StepModel
import StepSyntax

/// Every check of the suite implements a documented step.
///
/// The finding points at the check's Swift declaration. A note in the procedure file shows the step
/// without a check whose title is closest ("did you mean step 4 …?"), or else where the step would go:
/// after the step the previous check of the suite implements.
public struct EveryCheckMustBeDocumented: ParityRule {
    public static let id: RuleID = .parityUndocumentedCheck
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "every check of the procedure's suite implements a documented step"

    public init() {}

    public func check(_ context: ParityContext) -> [Diagnostic] {
        let matching = context.matching
        let steps = context.procedure.steps
        let unmatchedSteps = matching.unmatchedSteps.map { (key: $0, title: steps[$0].titleText) }
        var diagnostics: [Diagnostic] = []
        for checkIndex in matching.unmatchedChecks {
            let check = context.suite.checks[checkIndex]
            let expected = context.expectedTitle(of: check)
            var summary = "no step of \(context.file.path) documents check '\(check.id)'"
            let note: DiagnosticNote
            if let (stepIndex, _) = TitleSuggestion.closest(to: expected, among: unmatchedSteps) {
                let label = context.stepLabel(stepIndex)
                summary += "; did you mean \(label)?"
                note = DiagnosticNote(
                    message: "did you mean \(label), \"\(steps[stepIndex].titleText)\"?",
                    location: context.titleLocation(ofStep: stepIndex))
            } else {
                note = placement(ofCheck: checkIndex, context: context)
            }
            diagnostics.append(
                diagnostic(
                    summary, at: context.declarationLocation(of: check),
                    explanation:
                        "The check implements the step titled \"\(expected)\" (pattern \"\(check.title.raw)\"). "
                        + "Document the step, or remove the check from suite '\(context.suite.id)'.",
                    notes: [note]))
        }
        return diagnostics
    }

    /// A note at the step the missing one would follow (the one the previous check implements).
    private func placement(ofCheck checkIndex: Int, context: ParityContext) -> DiagnosticNote {
        let steps = context.procedure.steps
        for earlier in stride(from: checkIndex - 1, through: 0, by: -1) {
            if let match = context.matching.matches(forCheck: earlier).last {
                return DiagnosticNote(
                    message: "the step would follow \(context.stepLabel(match.step)), which check "
                        + "'\(context.suite.checks[earlier].id)' implements",
                    location: context.titleLocation(ofStep: match.step))
            }
        }
        if !steps.isEmpty {
            return DiagnosticNote(
                message: "the step would come before \(context.stepLabel(0))",
                location: context.titleLocation(ofStep: 0))
        }
        let start = SourceLocation(line: 1, column: 1)
        return DiagnosticNote(
            message: "\(context.file.path) has no steps",
            location: DiagnosticLocation(file: context.file.path, range: start..<start))
    }
}
