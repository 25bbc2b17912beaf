import StepSyntax

/// The HTML copy of each step comes before its other copy, as giza writes them.
///
/// The output does not depend on the order (each builder sees one branch), but a step whose non-HTML
/// copy comes first was edited by hand or pasted into the wrong place, and the next edit is likely to
/// change one copy and miss the other.
public struct BranchesMustBeInOrder: ProcedureRule {
    public static let id: RuleID = .stepsBranchOrder
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "the HTML copy of each step comes before its copy in the other branch"

    public init() {}

    public func check(_ procedure: Procedure, in file: SourceFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in procedure.steps {
            guard let html = step.html, let print = step.print, print.range.lowerBound < html.range.lowerBound else {
                continue
            }
            diagnostics.append(
                diagnostic(
                    "the non-HTML copy of step \(print.numberText) comes before its HTML copy", file: file,
                    range: print.titleRange,
                    explanation: "giza writes each step under `.. only:: html or dirhtml or singlehtml` first, then "
                        + "under the other branch; move this copy after the HTML one.",
                    notes: [note("the HTML copy", file: file, range: html.titleRange)]))
        }
        return diagnostics
    }
}
