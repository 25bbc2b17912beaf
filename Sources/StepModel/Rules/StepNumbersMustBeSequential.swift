import StepSyntax

/// Step numbers start at 1 and go up by one, and both copies of a step carry the same number.
///
/// giza never checked its numbers, so real files have gaps (1, 2, 3, 6) and repeats (3, 3). Every
/// location involved is reported: the step out of sequence, and the step before it in a note.
public struct StepNumbersMustBeSequential: ProcedureRule {
    public static let id: RuleID = .stepsNumbering
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "step numbers start at 1, increase by one, and agree between the two branches"

    public init() {}

    public func check(_ procedure: Procedure, in file: SourceFile) -> [Diagnostic] {
        // A `.. procedure::` numbers its steps by position: there is nothing written to get wrong.
        guard procedure.format != .procedureDirective else { return [] }
        var diagnostics: [Diagnostic] = []
        var previous: (number: Int, copy: StepCopy)? = nil
        // Where each number is first used (the range only: 6,000 copies would be megabytes).
        var firstUse: [Int: SourceRange] = [:]
        for (index, step) in procedure.steps.enumerated() {
            // The number a fix-it gives a step is its place, as fmt numbers it: after 1, 2, 1 the
            // fourth step is 4 whatever the third was written as.
            let place = index + 1
            if let html = step.html, let print = step.print, let htmlNumber = html.number,
                let printNumber = print.number,
                htmlNumber != printNumber
            {
                diagnostics.append(
                    diagnostic(
                        "step is numbered \(htmlNumber) in the HTML branch but 'Step \(printNumber)' in the other branch",
                        file: file, range: print.numberRange,
                        notes: [
                            note("the HTML branch numbers it \(htmlNumber) here", file: file, range: html.numberRange)
                        ],
                        fixIts: [
                            FixIt(
                                message: "use the HTML branch's number",
                                location: DiagnosticLocation(file: file.path, range: print.numberRange),
                                replacement: String(htmlNumber))
                        ]))
            }
            let copy = step.primary
            guard let number = copy.number else { continue }
            if let earlier = firstUse[number] {
                diagnostics.append(
                    diagnostic(
                        "step number \(number) is used twice", file: file, range: copy.numberRange,
                        explanation: "Number the steps 1, 2, 3 … in order; `stepdoc fmt` renumbers them.",
                        notes: [note("step \(number) is first used here", file: file, range: earlier)],
                        fixIts: [renumber(copy, to: place, file: file)]))
            } else if let previous, number != previous.number + 1 {
                let summary =
                    number > previous.number
                    ? "step numbers skip from \(previous.number) to \(number)"
                    : "step number goes back from \(previous.number) to \(number)"
                diagnostics.append(
                    diagnostic(
                        summary, file: file, range: copy.numberRange,
                        explanation: "Number the steps 1, 2, 3 … in order; `stepdoc fmt` renumbers them.",
                        notes: [
                            note("the step before is \(previous.number)", file: file, range: previous.copy.numberRange)
                        ],
                        fixIts: [renumber(copy, to: place, file: file)]))
            } else if previous == nil, number != 1 {
                diagnostics.append(
                    diagnostic(
                        "step numbers start at \(number), not 1", file: file, range: copy.numberRange,
                        fixIts: [renumber(copy, to: place, file: file)]))
            }
            if firstUse[number] == nil { firstUse[number] = copy.numberRange }
            previous = (number, copy)
        }
        return diagnostics
    }

    private func renumber(_ copy: StepCopy, to number: Int, file: SourceFile) -> FixIt {
        FixIt(
            message: "renumber to \(number)", location: DiagnosticLocation(file: file.path, range: copy.numberRange),
            replacement: String(number))
    }
}
