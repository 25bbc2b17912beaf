import StepDocChecks
import StepModel
import StepSyntax

/// Every documented step is implemented by a check of the procedure's suite.
///
/// The finding points at the step's title. Its explanation is a ready-to-paste Swift declaration of the
/// missing check (``CheckSkeleton``), with a note at the declaration of the check it would follow.
/// When an unmatched check's title (with its enforced values) is close to the step's, a note at that
/// check's declaration asks whether it was meant, and fix-its rewrite the step title to match it.
public struct EveryStepMustHaveACheck: ParityRule {
    public static let id: RuleID = .parityUndefinedStep
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "every documented step is implemented by a check of the procedure's suite"

    public init() {}

    public func check(_ context: ParityContext) -> [Diagnostic] {
        let matching = context.matching
        let unmatchedChecks = matching.unmatchedChecks.map { index in
            (key: index, title: context.expectedTitle(of: context.suite.checks[index]))
        }
        var diagnostics: [Diagnostic] = []
        for stepIndex in matching.unmatchedSteps {
            let step = context.procedure.steps[stepIndex]
            let label = context.stepLabel(stepIndex)
            var notes: [DiagnosticNote] = []
            var fixIts: [FixIt] = []
            var summary = "\(label) has no check in suite '\(context.suite.id)'"
            if let (checkIndex, title) = TitleSuggestion.closest(to: step.titleText, among: unmatchedChecks) {
                let check = context.suite.checks[checkIndex]
                summary += "; did you mean check '\(check.id)'?"
                notes.append(context.declarationNote("check '\(check.id)' expects the title \"\(title)\"", of: check))
                for copy in [step.html, step.print].compactMap({ $0 }) {
                    fixIts.append(
                        FixIt(
                            message: "use the title check '\(check.id)' expects",
                            location: DiagnosticLocation(file: context.file.path, range: copy.titleRange),
                            replacement: title))
                }
            }
            let takenIDs = Set(context.suite.checks.map(\.id))
            let skeleton = CheckSkeleton(step: step, takenIDs: takenIDs)
            if let placement = placement(ofStep: stepIndex, context: context) {
                notes.append(placement)
            }
            let place = context.suiteDeclarationFile.map { " in \($0)" } ?? ""
            let explanation =
                "Add a check for it to suite '\(context.suite.id)'\(place), in step order:\n\n"
                + skeleton.swiftSource.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "    " + $0 }.joined(separator: "\n")
            diagnostics.append(
                diagnostic(
                    summary, at: context.titleLocation(ofStep: stepIndex), explanation: explanation, notes: notes,
                    fixIts: fixIts))
        }
        return diagnostics
    }

    /// A note at the declaration the new check goes next to: after the check of the nearest earlier
    /// step that has one, else before the suite's first check.
    private func placement(ofStep stepIndex: Int, context: ParityContext) -> DiagnosticNote? {
        for earlier in stride(from: stepIndex - 1, through: 0, by: -1) {
            if let match = context.matching.matches(forStep: earlier).last {
                let check = context.suite.checks[match.check]
                return context.declarationNote("add the check after '\(check.id)', declared here", of: check)
            }
        }
        guard let first = context.suite.checks.first else { return nil }
        return context.declarationNote("add the check before '\(first.id)', declared here", of: first)
    }
}
