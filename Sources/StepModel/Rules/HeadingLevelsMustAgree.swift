import StepSyntax

/// Step headings share one level (one adornment style) across the file, and action headings sit
/// one level below their step.
public struct HeadingLevelsMustAgree: ProcedureRule {
    public static let id = "rst.heading-levels"
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "step headings use one level throughout, and action headings are below their step"

    public init() {}

    public func check(_ procedure: Procedure, in file: SourceFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Lazily: copied out, the copies of a 10 MiB file would be 3 MiB more at the run's peak.
        let copies = procedure.steps.lazy.flatMap { [$0.html, $0.print].lazy.compactMap { $0 } }
        guard copies.first(where: { _ in true }) != nil else { return [] }
        // The level most step headings use is the file's; the odd ones out are reported (ties go to
        // the first heading's level), so one wrong underline does not flag every right one.
        var counts: [Int: Int] = [:]
        for copy in copies { counts[copy.heading.level, default: 0] += 1 }
        let most = counts.values.max() ?? 0
        guard let reference = copies.first(where: { counts[$0.heading.level] == most }) else { return [] }
        let level = reference.heading.level
        for copy in copies where copy.heading.level != level {
            diagnostics.append(
                diagnostic(
                    "step heading underlined with '\(copy.heading.character)', but the file's steps use "
                        + "'\(reference.heading.character)'",
                    file: file, range: copy.heading.range,
                    notes: [
                        note(
                            "a step heading with '\(reference.heading.character)'", file: file,
                            range: reference.heading.range)
                    ]))
        }
        // A shared body is the HTML copy's: its headings were checked there.
        for copy in copies where !copy.sharesBodyWithHTMLCopy {
            for block in copy.body {
                checkActionHeadings(
                    block, stepLevel: copy.heading.level, character: copy.heading.character,
                    file: file, into: &diagnostics)
            }
        }
        return diagnostics
    }

    private func checkActionHeadings(
        _ block: Block, stepLevel: Int, character: Unicode.Scalar, file: SourceFile,
        into diagnostics: inout [Diagnostic]
    ) {
        switch block.kind {
        case .heading(let heading) where heading.level <= stepLevel:
            diagnostics.append(
                diagnostic(
                    "heading '\(heading.text)' is not below its step's heading",
                    file: file, range: block.range,
                    explanation: "An action heading inside a step needs a title style one level below the step's "
                        + "('\(character)'); giza uses the next character of = - ~ ` ^ '."))
        case .container(let container):
            for child in container.body {
                checkActionHeadings(child, stepLevel: stepLevel, character: character, file: file, into: &diagnostics)
            }
        case .conditional(let conditional):
            for child in conditional.body {
                checkActionHeadings(child, stepLevel: stepLevel, character: character, file: file, into: &diagnostics)
            }
        default:
            break
        }
    }
}
