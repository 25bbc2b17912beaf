import StepSyntax

/// Every step appears in both branches: once for HTML builders and once for the others.
///
/// A step in one branch only vanishes from the other builders' output (the PDF, the man page …).
public struct StepsMustHaveBothBranches: ProcedureRule {
    public static let id: RuleID = .stepsMissingBranch
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "each step has a copy in the HTML branch and in the other branch"

    public init() {}

    public func check(_ procedure: Procedure, in file: SourceFile) -> [Diagnostic] {
        // Procedure directives and YAML write each step once by design.
        guard procedure.format.hasTwoBranches else { return [] }
        // A file with a single branch throughout is not a giza file; nothing to pair.
        let hasHTML = procedure.steps.contains { $0.html != nil }
        let hasPrint = procedure.steps.contains { $0.print != nil }
        guard hasHTML, hasPrint else { return [] }
        var diagnostics: [Diagnostic] = []
        for step in procedure.steps {
            if let html = step.html, step.print == nil {
                diagnostics.append(
                    diagnostic(
                        "step \(html.numberText) '\(html.titleText)' is only in the HTML branch", file: file,
                        range: html.titleRange,
                        explanation:
                            "Add its 'Step \(html.numberText): \(html.titleText)' copy under the other branch's "
                            + "`.. only::` (or run `stepdoc fmt`, which regenerates it)."))
            } else if let print = step.print, step.html == nil {
                diagnostics.append(
                    diagnostic(
                        "step \(print.numberText) '\(print.titleText)' is only in the non-HTML branch", file: file,
                        range: print.titleRange,
                        explanation: "Add its copy under `.. only:: html or dirhtml or singlehtml`, with the "
                            + "sequence-step div (or run `stepdoc fmt --from text`)."))
            }
        }
        return diagnostics
    }
}
