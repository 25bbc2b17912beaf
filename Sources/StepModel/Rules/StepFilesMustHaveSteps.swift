import StepSyntax

/// A step file holds at least one step.
///
/// An empty file, one of only whitespace or a byte-order mark, or a page with no giza step in it
/// renders as a page without a procedure: most likely the wrong file, or a generator that wrote
/// nothing. It is a warning (a file may be a work in progress), an error with `--strict`.
public struct StepFilesMustHaveSteps: ProcedureRule {
    public static let id: RuleID = .stepsStructure
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = RuleCatalogue.stepStructureSummary

    public init() {}

    static let yamlExplanation =
        "A giza steps file holds one YAML document per step (title, ref, content …), separated by '---'."

    public func check(_ procedure: Procedure, in file: SourceFile) -> [Diagnostic] {
        guard procedure.steps.isEmpty else { return [] }
        let start = SourceLocation(line: 1, column: 1)
        let isBlank = file.bytes.dropFirst(file.hasByteOrderMark ? 3 : 0).allSatisfy {
            $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C || $0 == 0x0B
        }
        // A steps YAML file that holds text but no step was reported by its reader, in YAML's terms
        // (not valid YAML, or documents that are not steps).
        if procedure.format == .gizaYAML, !isBlank { return [] }
        let what: String
        if file.bytes.count == (file.hasByteOrderMark ? 3 : 0) {
            what = "the file is empty"
        } else if isBlank {
            what = "the file holds only whitespace"
        } else {
            what = "no 'sequence-step' block or 'Step N:' heading"
        }
        let explanation =
            procedure.format == .gizaYAML
            ? Self.yamlExplanation
            : "A step file holds giza steps: each under `.. only:: html or dirhtml or singlehtml` "
                + "with a raw 'sequence-step' div, and again as 'Step N: title' under the other branch."
        return [diagnostic("no steps found: \(what)", file: file, range: start..<start, explanation: explanation)]
    }
}
