import StepSyntax

/// Step headings share one level (one adornment style) across the file, and action headings sit
/// one level below their step.
public struct HeadingLevelsMustAgree: ProcedureRule {
    public static let id: RuleID = .rstHeadingLevels
    public static let defaultSeverity = Diagnostic.Severity.warning
    public static let summary = "step headings use one level throughout, and action headings are below their step"

    public init() {}

    public func check(_ procedure: Procedure, in file: SourceFile) -> [Diagnostic] {
        // By index, and only the parts needed: copying every StepCopy out of a 6,000-step procedure
        // made this rule a twentieth of `check`.
        let steps = procedure.steps
        func headings(_ index: Int) -> [HeadingAdornment] {
            [steps[index].html?.heading, steps[index].print?.heading].compactMap { $0 }
        }
        var counts: [Int: Int] = [:]
        for index in steps.indices {
            if let level = steps[index].html?.heading.level { counts[level, default: 0] += 1 }
            if let level = steps[index].print?.heading.level { counts[level, default: 0] += 1 }
        }
        // The level most step headings use is the file's; the odd ones out are reported (ties go to
        // the first heading's level), so one wrong underline does not flag every right one.
        guard let most = counts.values.max(),
            let reference = steps.indices.lazy.flatMap(headings).first(where: { counts[$0.level] == most })
        else { return [] }
        var diagnostics: [Diagnostic] = []
        for index in steps.indices {
            for heading in headings(index) where heading.level != reference.level {
                diagnostics.append(
                    diagnostic(
                        "step heading underlined with '\(heading.character)', but the file's steps use "
                            + "'\(reference.character)'",
                        file: file, range: heading.range,
                        notes: [
                            note("a step heading with '\(reference.character)'", file: file, range: reference.range)
                        ]))
            }
        }
        // A shared body is the HTML copy's: its headings were checked there.
        for index in steps.indices {
            if let heading = steps[index].html?.heading, let body = steps[index].html?.body {
                checkActionHeadings(body, heading: heading, file: file, into: &diagnostics)
            }
            if steps[index].print?.sharesBodyWithHTMLCopy == false, let heading = steps[index].print?.heading,
                let body = steps[index].print?.body
            {
                checkActionHeadings(body, heading: heading, file: file, into: &diagnostics)
            }
        }
        return diagnostics
    }

    private func checkActionHeadings(
        _ body: [Block], heading: HeadingAdornment, file: SourceFile, into diagnostics: inout [Diagnostic]
    ) {
        for block in body {
            checkActionHeadings(
                block, stepLevel: heading.level, character: heading.character, file: file, into: &diagnostics)
        }
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
