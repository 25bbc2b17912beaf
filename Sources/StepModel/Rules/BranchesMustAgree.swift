import StepSyntax

/// The two copies of a step say the same thing: same title, same body.
///
/// Compared on the lowered structure, so re-wrapped lines and indentation do not count. The finding
/// points at the first word that differs in the HTML copy, with a note at the same place in the other
/// copy, and its explanation shows a short unified diff.
public struct BranchesMustAgree: ProcedureRule {
    public static let id: RuleID = .stepsBranchesAgree
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let summary = "the HTML branch and the other branch of each step have the same title and body"

    public init() {}

    public func check(_ procedure: Procedure, in file: SourceFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for step in procedure.steps {
            guard let html = step.html, let print = step.print else { continue }
            let label = "step \(html.numberText)"
            if !ContentEquivalence.equal(html.title, print.title) || html.isOptional != print.isOptional {
                let htmlTitle = CanonicalText.inline(html.title)
                let printTitle = CanonicalText.inline(print.title)
                let (htmlAt, printAt) = firstDifference(file, html.titleRange, print.titleRange)
                diagnostics.append(
                    diagnostic(
                        "the title of \(label) differs between the branches", file: file, range: htmlAt,
                        explanation: UnifiedDiff.render(
                            [htmlTitle], [printTitle], oldLabel: "HTML branch", newLabel: "other branch"),
                        notes: [note("the other branch's title differs here", file: file, range: printAt)]))
            }
            guard !ContentEquivalence.equal(html.body, print.body) else { continue }
            let htmlLines = CanonicalText.lines(html.body)
            let printLines = CanonicalText.lines(print.body)
            var (htmlAt, printAt) = firstDifference(file, html.bodyRange, print.bodyRange)
            if htmlAt.lowerBound == html.bodyRange.upperBound, printAt.lowerBound == print.bodyRange.upperBound {
                // Same words, different structure (a paragraph split in two, a list that is not one).
                (htmlAt, printAt) = firstDifferingBlock(html.body, print.body, html.bodyRange, print.bodyRange)
            }
            diagnostics.append(
                diagnostic(
                    "the body of \(label) differs between the branches", file: file, range: htmlAt,
                    explanation: UnifiedDiff.render(
                        htmlLines, printLines, oldLabel: "HTML branch", newLabel: "other branch"),
                    notes: [note("the other branch differs here", file: file, range: printAt)]))
        }
        return diagnostics
    }

    /// The first word that differs between two source ranges, as a range in each (an empty range at
    /// the end of a range when one runs out first).
    private func firstDifference(_ file: SourceFile, _ lhs: SourceRange, _ rhs: SourceRange) -> (
        SourceRange, SourceRange
    ) {
        let left = words(file, lhs)
        let right = words(file, rhs)
        var index = 0
        while index < left.count, index < right.count, left[index].text == right[index].text { index += 1 }
        func at(_ list: [Word], _ range: SourceRange) -> SourceRange {
            index < list.count ? list[index].range : range.upperBound..<range.upperBound
        }
        return (at(left, lhs), at(right, rhs))
    }

    private struct Word {
        var text: ArraySlice<UInt8>
        var range: SourceRange
    }

    private func words(_ file: SourceFile, _ range: SourceRange) -> [Word] {
        let start = file.offset(of: range.lowerBound)
        let end = file.offset(of: range.upperBound)
        guard start < end else { return [] }
        var words: [Word] = []
        let bytes = file.bytes
        var index = start
        while index < end {
            while index < end, isSpace(bytes[index]) { index += 1 }
            let wordStart = index
            while index < end, !isSpace(bytes[index]) { index += 1 }
            if index > wordStart {
                words.append(
                    Word(
                        text: bytes[wordStart..<index],
                        range: file.location(ofOffset: wordStart)..<file.location(ofOffset: index)))
            }
        }
        return words
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func firstDifferingBlock(_ lhs: [Block], _ rhs: [Block], _ lhsRange: SourceRange, _ rhsRange: SourceRange)
        -> (SourceRange, SourceRange)
    {
        var index = 0
        while index < lhs.count, index < rhs.count,
            CanonicalText.lines([lhs[index]]) == CanonicalText.lines([rhs[index]])
        {
            index += 1
        }
        let left = index < lhs.count ? lhs[index].range : lhsRange.upperBound..<lhsRange.upperBound
        let right = index < rhs.count ? rhs[index].range : rhsRange.upperBound..<rhsRange.upperBound
        return (left, right)
    }
}
