import StepModel
import StepProject
import StepSyntax

/// A finding as the preview shows it: the diagnostic, and the step it falls in.
package struct PreviewFinding: Sendable, Equatable {
    package var diagnostic: Diagnostic
    /// The position in the procedure's steps of the step whose source (either copy) holds the finding.
    package var stepIndex: Int?

    package init(diagnostic: Diagnostic, stepIndex: Int?) {
        self.diagnostic = diagnostic
        self.stepIndex = stepIndex
    }

    /// The steps `diagnostics` fall in, in the diagnostics' order. Findings in other files (includes)
    /// and outside every step get no step.
    package static func locate(_ diagnostics: [Diagnostic], in procedure: Procedure) -> [PreviewFinding] {
        diagnostics.map { diagnostic in
            guard let location = diagnostic.location, location.file == procedure.file else {
                return PreviewFinding(diagnostic: diagnostic, stepIndex: nil)
            }
            let start = location.range.lowerBound
            let index = procedure.steps.firstIndex { step in
                [step.html, step.print].contains { copy in
                    guard let range = copy?.range else { return false }
                    return range.contains(start) || range.lowerBound == start
                }
            }
            return PreviewFinding(diagnostic: diagnostic, stepIndex: index)
        }
    }

    /// `path:line:col` with the column in UTF-8 bytes, as `stepdoc check` prints it.
    package var position: String? {
        guard let location = diagnostic.location else { return nil }
        return "\(location.file):\(location.range.lowerBound.line):\(location.range.lowerBound.column)"
    }
}
