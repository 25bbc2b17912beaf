import StepSyntax

/// Reads a giza step file's lines into a ``ProcedureText``, guided by its lowered ``Procedure``.
///
/// The file is cut into top-level segments (a line at column 1 starts one, blank lines belong to
/// the segment before). Segments holding step copies are regenerated; the others are kept as they
/// are, before the step that follows them. Every non-blank line of a step segment must belong to a
/// copy (its `only` line, div, label, heading, body or closing div) — otherwise regenerating would
/// drop it, and the file is refused.
struct GizaSourceReader {
    let file: SourceFile
    let procedure: Procedure
    let lines: [String]
    private(set) var problems: [Diagnostic] = []
    private var covered: [Bool]
    private let segmentOf: [Int]
    private let segments: [Range<Int>]

    init(file: SourceFile, procedure: Procedure) {
        self.file = file
        self.procedure = procedure
        let lines = (0..<file.lineCount).map { file.text(ofLine: $0 + 1) }
        self.lines = lines
        covered = [Bool](repeating: false, count: lines.count)
        var starts: [Int] = []
        for (index, line) in lines.enumerated() where !Self.isBlank(line) {
            if let first = line.utf8.first, first != 0x20, first != 0x09 { starts.append(index) }
        }
        if starts.first != 0 { starts.insert(0, at: 0) }
        var segments: [Range<Int>] = []
        var segmentOf = [Int](repeating: 0, count: lines.count)
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : lines.count
            for line in start..<end { segmentOf[line] = segments.count }
            segments.append(start..<end)
        }
        self.segments = lines.isEmpty ? [] : segments
        self.segmentOf = segmentOf
    }

    static func isBlank(_ line: String) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    static func trimmed(_ line: String) -> String {
        String(line.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// The procedure as text, each step's body taken from `branch` (from the other copy when a step
    /// has only that one); `nil` when the file cannot be regenerated (see ``problems``).
    mutating func read(branch: Branch) -> ProcedureText? {
        let era = procedure.era
        let layout = GizaLayout(of: file, era: era)
        guard !procedure.steps.isEmpty else {
            return ProcedureText(layout: layout, steps: [], epilogue: lines)
        }
        // A `.. step::` directive in a giza file has no heading of its own to regenerate.
        if let directive = procedure.steps.flatMap({ [$0.html, $0.print].compactMap { $0 } })
            .first(where: { $0.heading.underlineLength == 0 })
        {
            problem(
                directive.heading.range, "step \(directive.numberText) is a '.. step::' directive, not a giza step",
                explanation:
                    "A file holds either giza's two branches or a '.. procedure::'; convert one into the other.")
            return nil
        }
        guard era != .unknown else {
            let start = procedure.steps[0].range.lowerBound
            problem(
                start..<start, "no giza template era recognised; the steps are not under giza's `.. only::` branches",
                explanation:
                    "fmt rewrites files in the layout of one of giza's template eras; this file has none to keep.")
            return nil
        }
        // Headings (and HTML openers) of the copies in each segment, in order: a copy's body ends at
        // the next copy of its segment.
        var copyStarts: [Int: [Int]] = [:]
        for step in procedure.steps {
            for copy in [step.html, step.print].compactMap({ $0 }) {
                let start = copy.range.lowerBound.line - 1
                copyStarts[segmentOf[start], default: []].append(start)
            }
        }
        for key in copyStarts.keys { copyStarts[key]?.sort() }
        var texts: [StepText] = []
        for (index, step) in procedure.steps.enumerated() {
            var htmlBody: [String]? = nil
            var printBody: [String]? = nil
            if let html = step.html { htmlBody = body(of: html, copyStarts: copyStarts, era: era) }
            if let print = step.print { printBody = body(of: print, copyStarts: copyStarts, era: era) }
            let useHTML = step.html != nil && (branch == .html || step.print == nil)
            guard let copy = useHTML ? step.html : step.print else { continue }
            var chosen = (useHTML ? htmlBody : printBody) ?? []
            if !useHTML, era == .legacy2013 {
                // The 2013 block's blank lines hold spaces: keep the HTML copy when it reads the same.
                if let htmlBody, GizaWriter.legacyPrintBody(htmlBody) == chosen {
                    chosen = htmlBody
                } else {
                    chosen = GizaWriter.legacyHTMLBody(chosen)
                }
            }
            texts.append(
                StepText(
                    number: copy.number ?? index + 1, title: title(of: copy), headingCharacter: copy.heading.character,
                    label: step.html?.label ?? copy.label, body: chosen))
        }
        for (position, segment) in segments.enumerated() where copyStarts[position] != nil {
            if let only = onlyLine(segment) { covered[only] = true }
            for line in segment where !covered[line] && !Self.isBlank(lines[line]) {
                let range = file.range(ofLine: line + 1)
                problem(range, "line \(line + 1) belongs to no step; regenerating the file would drop it")
                break
            }
        }
        guard problems.isEmpty else { return nil }
        // Loose segments stay before the step whose first copy follows them.
        var firstSegment: [Int: Int] = [:]
        for (index, step) in procedure.steps.enumerated() {
            let copies = era == .legacy2013 && step.html != nil ? [step.html] : [step.html, step.print]
            let first = copies.compactMap { $0 }.map { segmentOf[$0.range.lowerBound.line - 1] }.min()
            if let first, firstSegment[first] == nil { firstSegment[first] = index }
        }
        var pending: [String] = []
        for (position, segment) in segments.enumerated() {
            if copyStarts[position] == nil {
                pending += lines[segment]
            } else if let index = firstSegment[position], index < texts.count {
                texts[index].leading = pending
                pending = []
            }
        }
        return ProcedureText(layout: layout, steps: texts, epilogue: pending)
    }

    /// The `.. only::` line a segment starts with, if it does.
    private func onlyLine(_ segment: Range<Int>) -> Int? {
        Self.trimmed(lines[segment.lowerBound]).hasPrefix(".. only::") ? segment.lowerBound : nil
    }

    /// The title's source text, without "Step N: " in the other branch.
    private func title(of copy: StepCopy) -> String {
        let text = Self.trimmed(lines[copy.heading.range.upperBound.line - 2])
        guard copy.branch == .print, let heading = StepHeading(text) else { return text }
        return String(decoding: text.utf8.dropFirst(heading.titleOffset), as: UTF8.self)
    }

    /// The lines of a copy's body, marking every line of the copy as covered.
    private mutating func body(of copy: StepCopy, copyStarts: [Int: [Int]], era: TemplateEra) -> [String] {
        let start = copy.range.lowerBound.line - 1
        let segment = segments[segmentOf[start]]
        let nextCopy = copyStarts[segmentOf[start]]?.first { $0 > start }
        let underline = copy.heading.range.upperBound.line - 1
        let titleLine = copy.heading.range.lowerBound.line - 1
        var end = nextCopy ?? segment.upperBound
        if copy.branch == .html {
            // Opener, blank lines and a label up to the title; anything else would be lost.
            for line in start..<titleLine {
                let text = Self.trimmed(lines[line])
                let isOpener = line < start + 3 && (text.hasPrefix(".. raw::") || text.contains("sequence-step"))
                if isOpener || text.isEmpty || (text.hasPrefix(".. _") && text.hasSuffix(":")) { covered[line] = true }
            }
            let last = copy.range.upperBound.line - 1
            if last < lines.count, Self.trimmed(lines[last]) == "</div>",
                let closer = (max(start, last - 3)..<last).last(where: { Self.trimmed(lines[$0]).hasPrefix(".. raw::") }
                )
            {
                end = closer
                for line in closer...last { covered[line] = true }
            }
        }
        for line in titleLine...underline { covered[line] = true }
        var bodyStart = underline + 1
        let skipsGap = copy.branch == .html || era != .legacy2013
        if skipsGap, bodyStart < end, Self.isBlank(lines[bodyStart]) { bodyStart += 1 }
        if copy.branch == .print, era == .legacy2013, nextCopy != nil, end > bodyStart, Self.isBlank(lines[end - 1]) {
            end -= 1
        }
        guard bodyStart < end else { return [] }
        for line in bodyStart..<end { covered[line] = true }
        return Self.reindented(Array(lines[bodyStart..<end]), from: Self.columns(lines[titleLine]))
    }

    /// The indentation giza writes bodies at, under the branch's `.. only::`.
    static let bodyIndent = 3

    /// Body lines moved from a copy indented `indent` columns to giza's three: as docutils reads them,
    /// tabs advancing to the next multiple of 8. A line already at three spaces without a leading tab
    /// is kept byte for byte; any other has its tabs expanded (which is what docutils does on input,
    /// so the text reads the same) and its indentation moved by the difference. Without this a file
    /// indented with tabs kept its tab-indented bodies under re-indented titles: block quotes.
    static func reindented(_ body: [String], from indent: Int) -> [String] {
        let shift = bodyIndent - indent
        return body.map { line in
            let leading = line.utf8.prefix { $0 == 0x20 || $0 == 0x09 }
            guard shift != 0 || leading.contains(0x09) else { return line }
            let expanded = expandingTabs(line)
            guard expanded.utf8.contains(where: { $0 != 0x20 }) else { return "" }
            let spaces = expanded.utf8.prefix { $0 == 0x20 }.count
            return String(repeating: " ", count: max(0, spaces + shift))
                + String(decoding: expanded.utf8.dropFirst(spaces), as: UTF8.self)
        }
    }

    /// The display columns of a line's leading whitespace, tabs to the next multiple of 8.
    static func columns(_ line: String) -> Int {
        var column = 0
        for byte in line.utf8 {
            if byte == 0x20 {
                column += 1
            } else if byte == 0x09 {
                column = (column / 8 + 1) * 8
            } else {
                break
            }
        }
        return column
    }

    /// The line with every tab replaced by spaces up to the next multiple of 8 columns (counted in
    /// Unicode scalars, as docutils counts characters).
    static func expandingTabs(_ line: String) -> String {
        guard line.utf8.contains(0x09) else { return line }
        var output = ""
        var column = 0
        for scalar in line.unicodeScalars {
            if scalar == "\t" {
                let next = (column / 8 + 1) * 8
                output += String(repeating: " ", count: next - column)
                column = next
            } else {
                output.unicodeScalars.append(scalar)
                column += 1
            }
        }
        return output
    }

    private mutating func problem(
        _ range: SourceRange, _ summary: String,
        explanation: String = "Move the content into a step's body (in both branches), or remove it, and run fmt again."
    ) {
        problems.append(
            Diagnostic(
                severity: .error, id: .stepsStructure, summary: summary, explanation: explanation,
                location: DiagnosticLocation(file: file.path, range: range)))
    }
}
