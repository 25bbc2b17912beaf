import StepSyntax

extension ProcedureText {
    /// The steps of a file holding a `.. procedure::` directive, as text: each step's title as written
    /// and its body moved to giza's indentation; a `.. stepdoc: giza …` comment gives the era, heading
    /// character and numbers to write giza with (without one: today's giza, numbered 1…n).
    ///
    /// Lines before the directive come before the first step; lines inside it that are not steps come
    /// before the step that follows them (moved out to the top level), and lines after it at the end.
    public init(procedureDirective file: SourceFile, procedure: Procedure) {
        let lines = (0..<file.lineCount).map { file.text(ofLine: $0 + 1) }
        var comment: GizaLayoutComment? = nil
        var commentLine: Int? = nil
        var directiveLine: Int? = nil
        for (index, line) in lines.enumerated() where line.hasPrefix("..") {
            if comment == nil, let found = GizaLayoutComment(commentText: String(line.dropFirst(2))) {
                comment = found
                commentLine = index
            }
            if directiveLine == nil, GizaSourceReader.trimmed(line).hasPrefix(".. procedure::") {
                directiveLine = index
            }
        }
        let layout = GizaLayout(of: file, era: comment?.era ?? .notHTMLDoubledUnderline)
        let copies = procedure.steps.map(\.primary)
        guard let directiveLine, !copies.isEmpty else {
            self.init(layout: layout, steps: [], epilogue: lines)
            return
        }
        var procedureEnd = directiveLine + 1
        while procedureEnd < lines.count, !Self.startsTopLevel(lines[procedureEnd]) { procedureEnd += 1 }
        var prologue: [String] = []
        var skip = Set<Int>()
        if let commentLine {
            skip.insert(commentLine)
            if commentLine + 1 < lines.count, GizaSourceReader.isBlank(lines[commentLine + 1]) {
                skip.insert(commentLine + 1)
            }
        }
        for index in 0..<directiveLine where !skip.contains(index) { prologue.append(lines[index]) }
        var steps: [StepText] = []
        var pending: [String] = []
        var cursor = directiveLine + 1
        // The directive's options and the blank line after them.
        while cursor < procedureEnd, GizaSourceReader.trimmed(lines[cursor]).hasPrefix(":") { cursor += 1 }
        if cursor < procedureEnd, GizaSourceReader.isBlank(lines[cursor]) { cursor += 1 }
        for (index, copy) in copies.enumerated() {
            let start = copy.range.lowerBound.line - 1
            guard start >= cursor, start < procedureEnd else { continue }
            pending += Self.dedented(lines[cursor..<start], by: 3)
            let stepIndent = Self.indent(lines[start])
            let headerEnd = copy.heading.range.upperBound.line - 1
            var end = headerEnd + 1
            while end < procedureEnd, GizaSourceReader.isBlank(lines[end]) || Self.indent(lines[end]) > stepIndent {
                end += 1
            }
            var bodyStart = headerEnd + 1
            while bodyStart < end, GizaSourceReader.trimmed(lines[bodyStart]).hasPrefix(":") { bodyStart += 1 }
            if bodyStart < end, GizaSourceReader.isBlank(lines[bodyStart]) { bodyStart += 1 }
            if copy.label != nil, bodyStart < end, GizaSourceReader.trimmed(lines[bodyStart]).hasPrefix(".. _") {
                bodyStart += 1
                if bodyStart < end, GizaSourceReader.isBlank(lines[bodyStart]) { bodyStart += 1 }
            }
            let region = bodyStart < end ? Array(lines[bodyStart..<end]) : []
            let contentIndent = max(
                stepIndent + 1, region.filter { !GizaSourceReader.isBlank($0) }.map(Self.indent).min() ?? stepIndent + 3
            )
            let body = region.map { line -> String in
                let leading = line.prefix { $0 == " " }.count
                if leading >= contentIndent { return "   " + line.dropFirst(contentIndent) }
                return GizaSourceReader.isBlank(line) ? "" : "   " + line.drop { $0 == " " }
            }
            let number = comment?.numbers.flatMap { index < $0.count ? $0[index] : nil } ?? copy.number ?? index + 1
            var step = StepText(
                number: number, title: Self.title(lines[start...headerEnd]), headingCharacter: copy.heading.character,
                label: copy.label, body: body)
            if steps.isEmpty {
                step.leading = prologue + pending
            } else {
                step.leading = pending
            }
            pending = []
            steps.append(step)
            cursor = end
        }
        let epilogue = Self.dedented(lines[min(cursor, procedureEnd)..<procedureEnd], by: 3) + lines[procedureEnd...]
        self.init(layout: layout, steps: steps, epilogue: pending + epilogue)
    }

    /// A `.. step::` directive's argument, its lines joined with single spaces.
    private static func title(_ header: ArraySlice<String>) -> String {
        var parts: [String] = []
        for (offset, line) in header.enumerated() {
            var text = GizaSourceReader.trimmed(line)
            if offset == 0 {
                let bytes = Array(text.utf8)
                if let marker = bytes.indices.dropLast().first(where: { bytes[$0] == 0x3A && bytes[$0 + 1] == 0x3A }) {
                    text = GizaSourceReader.trimmed(String(decoding: bytes[(marker + 2)...], as: UTF8.self))
                }
            }
            if !text.isEmpty { parts.append(text) }
        }
        return parts.joined(separator: " ")
    }

    private static func startsTopLevel(_ line: String) -> Bool {
        guard let first = line.utf8.first else { return false }
        return first != 0x20 && first != 0x09
    }

    private static func indent(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// Lines moved `count` columns left, blank lines emptied, trailing blank lines dropped.
    private static func dedented(_ lines: ArraySlice<String>, by count: Int) -> [String] {
        var result = lines.map { line -> String in
            GizaSourceReader.isBlank(line) ? "" : String(line.dropFirst(min(count, indent(line))))
        }
        while result.last == "" { result.removeLast() }
        if !result.isEmpty { result.append("") }
        return result
    }
}
