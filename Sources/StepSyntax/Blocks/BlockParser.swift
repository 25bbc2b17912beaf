/// Reads the block structure of a file, as docutils' body state machine does.
///
/// The parser works on regions: a run of lines with an indentation to strip (and, for a list item or a
/// directive, a first line that starts mid-line). Nested constructs are parsed by recursing into a
/// sub-region of the same line table, so no text is copied until a node needs it.
struct BlockParser {
    struct Result {
        var blocks: [BlockNode]
        var diagnostics: [Diagnostic]
        var titleStyles: [TitleStyle]
    }

    /// Lines `lower..<upper`, with `indent` columns stripped; the first line starts at `firstStart`
    /// when given (a byte offset inside the line).
    struct Region {
        var lower: Int
        var upper: Int
        var indent: Int
        var firstStart: Int?
    }

    let file: SourceFile
    let bytes: UnsafeBufferPointer<UInt8>
    let lines: UnsafeBufferPointer<SourceLine>
    let options: ParseOptions
    var diagnostics: [Diagnostic] = []
    var titleStyles: [TitleStyle]
    /// Scratch space for a paragraph's joined text, reused from one paragraph to the next.
    var scratch: [UInt8] = []
    /// Storage for paragraphs' source maps, reused from one paragraph to the next.
    var mapStorage: [InlineSourceMap.Segment] = []
    /// Receives top-level blocks as they are read, when the caller streams.
    var topLevelSink: ((BlockNode, [TitleStyle]) -> Void)? = nil
    /// Added to each 0-based line index to make the 1-based line reported (``ParseOptions/firstLine``).
    var lineBase: Int { options.firstLine }

    static func parse(_ file: SourceFile, options: ParseOptions) -> Result {
        file.bytes.withUnsafeBufferPointer { bytes in
            file.lines.withUnsafeBufferPointer { lines in
                var parser = BlockParser(file: file, bytes: bytes, lines: lines, options: options)
                let blocks = parser.parseBody(
                    Region(lower: 0, upper: lines.count, indent: 0, firstStart: nil), depth: options.startingDepth)
                return Result(blocks: blocks, diagnostics: parser.diagnostics, titleStyles: parser.titleStyles)
            }
        }
    }

    /// Parses `file`, handing each top-level block to `topLevel` as soon as it is read, so a caller
    /// can lower and drop it before the next is built.
    static func parse(
        _ file: SourceFile, options: ParseOptions, topLevel: (BlockNode, [TitleStyle]) -> Void
    ) -> (diagnostics: [Diagnostic], titleStyles: [TitleStyle]) {
        withoutActuallyEscaping(topLevel) { sink in
            file.bytes.withUnsafeBufferPointer { bytes in
                file.lines.withUnsafeBufferPointer { lines in
                    var parser = BlockParser(file: file, bytes: bytes, lines: lines, options: options)
                    parser.topLevelSink = sink
                    _ = parser.parseBody(
                        Region(lower: 0, upper: lines.count, indent: 0, firstStart: nil), depth: options.startingDepth)
                    return (parser.diagnostics, parser.titleStyles)
                }
            }
        }
    }

    /// The hyperlink targets and substitution definitions of a file, found by a scan of its lines for
    /// `.. _`, `.. __:`, `__ ` and `.. |` rather than a full parse, so references can be resolved
    /// while the file is read in one pass. (A target written inside a literal block is found too.)
    static func definitions(_ file: SourceFile, options: ParseOptions) -> [BlockNode] {
        file.bytes.withUnsafeBufferPointer { bytes in
            file.lines.withUnsafeBufferPointer { lines in
                var parser = BlockParser(file: file, bytes: bytes, lines: lines, options: options)
                var found: [BlockNode] = []
                var scratch: [BlockNode] = []
                for index in 0..<lines.count {
                    let line = lines[index]
                    guard !line.isBlank else { continue }
                    let start = Int(line.contentStart)
                    let end = Int(line.end)
                    let isExplicit =
                        end - start >= 4 && bytes[start] == UInt8(ascii: ".") && bytes[start + 1] == UInt8(ascii: ".")
                        && bytes[start + 2] == 0x20
                        && (bytes[start + 3] == UInt8(ascii: "_") || bytes[start + 3] == UInt8(ascii: "|"))
                    let isShortAnonymous =
                        end - start >= 3 && bytes[start] == UInt8(ascii: "_")
                        && bytes[start + 1] == UInt8(ascii: "_") && bytes[start + 2] == 0x20
                    guard isExplicit || isShortAnonymous else { continue }
                    let region = Region(lower: index, upper: lines.count, indent: Int(line.indent), firstStart: nil)
                    scratch.removeAll(keepingCapacity: true)
                    if isExplicit {
                        _ = parser.parseExplicitMarkup(index, region, depth: 1, into: &scratch)
                    } else {
                        _ = parser.parseAnonymousTargetShorthand(index, region, into: &scratch)
                    }
                    for block in scratch {
                        switch block.kind {
                        case .hyperlinkTarget, .substitutionDefinition: found.append(block)
                        default: break
                        }
                    }
                }
                return found
            }
        }
    }

    private init(
        file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, lines: UnsafeBufferPointer<SourceLine>,
        options: ParseOptions
    ) {
        self.file = file
        self.bytes = bytes
        self.lines = lines
        self.options = options
        self.titleStyles = options.titleStyles
        self.scratch.reserveCapacity(1024)
    }

    // MARK: - The body loop

    mutating func parseBody(_ region: Region, depth: Int) -> [BlockNode] {
        guard region.lower < region.upper else { return [] }
        if depth > options.maximumNestingDepth {
            return tooDeep(region)
        }
        var blocks: [BlockNode] = []
        var index = region.lower
        while index < region.upper {
            if isBlank(index, region) {
                index += 1
                continue
            }
            if relativeIndent(index, region) > 0 {
                index = parseBlockQuote(index, region, depth: depth, into: &blocks)
                if depth == 0, let sink = topLevelSink {
                    for block in blocks { sink(block, titleStyles) }
                    blocks.removeAll(keepingCapacity: true)
                }
                continue
            }
            let start = textStart(index, region)
            let end = trimmedEnd(index)
            let first = bytes[start]
            var next: Int? = nil
            switch first {
            case UInt8(ascii: "."):
                if start + 1 < end, bytes[start + 1] == UInt8(ascii: "."),
                    start + 2 == end || isSpace(bytes[start + 2])
                {
                    next = parseExplicitMarkup(index, region, depth: depth, into: &blocks)
                }
            case UInt8(ascii: "_"):
                if start + 2 < end, bytes[start + 1] == UInt8(ascii: "_"), isSpace(bytes[start + 2]) {
                    next = parseAnonymousTargetShorthand(index, region, into: &blocks)
                }
            case UInt8(ascii: ":"):
                if fieldMarkerEnd(start, end) != nil {
                    next = parseFieldList(index, region, depth: depth, into: &blocks)
                }
            case UInt8(ascii: "|"):
                if start + 1 == end || bytes[start + 1] == 0x20 {
                    next = parseLineBlock(index, region, into: &blocks)
                }
            default:
                break
            }
            if next == nil, bulletMarker(start, end) != nil {
                next = parseBulletList(index, region, depth: depth, into: &blocks)
            }
            if next == nil, let enumerator = enumerator(start, end, continuing: nil),
                enumeratedItemIsValid(index, region, enumerator)
            {
                next = parseEnumeratedList(index, region, depth: depth, into: &blocks)
            }
            index = next ?? parseTextBlock(index, region, depth: depth, into: &blocks)
            if depth == 0, let sink = topLevelSink {
                for block in blocks { sink(block, titleStyles) }
                blocks.removeAll(keepingCapacity: true)
            }
        }
        return blocks
    }

    private mutating func parseBlockQuote(_ index: Int, _ region: Region, depth: Int, into blocks: inout [BlockNode])
        -> Int
    {
        let end = indentedEnd(from: index, region)
        let sub = subregion(index, trimBlankEnd(index, end), region, firstStart: nil)
        let children = parseBody(sub, depth: depth + 1)
        blocks.append(BlockNode(kind: .blockQuote(children), range: range(of: sub)))
        return end
    }

    private mutating func tooDeep(_ region: Region) -> [BlockNode] {
        let first = region.lower
        diagnostics.append(
            Diagnostic(
                severity: .error, id: .limitsNestingDepth,
                summary: "content is nested more than \(options.maximumNestingDepth) levels deep",
                explanation: "The content from here on is kept as literal text instead of being read.",
                location: DiagnosticLocation(file: file.path, range: lineRange(first, region))))
        let text = literalText(region.lower, trimBlankEnd(region.lower, region.upper), region)
        return [BlockNode(kind: .literalBlock(LiteralBlock(text: text)), range: range(of: region))]
    }

    // MARK: - Paragraphs, titles, transitions, definition lists

    private mutating func parseTextBlock(_ index: Int, _ region: Region, depth: Int, into blocks: inout [BlockNode])
        -> Int
    {
        let next = index + 1
        if let adornment = adornmentCharacter(index, region) {
            if next < region.upper, !isBlank(next, region), next + 1 < region.upper,
                adornmentCharacter(next + 1, region) == adornment, adornmentCharacter(next, region) == nil
            {
                return parseSectionTitle(titleLine: next, overline: index, underline: next + 1, region, into: &blocks)
            }
            let length = trimmedEnd(index) - textStart(index, region)
            let isolated = next >= region.upper || isBlank(next, region)
            if isolated, length >= 4 {
                blocks.append(BlockNode(kind: .transition, range: lineRange(index, region)))
                return next
            }
            if length >= 4, next < region.upper, !isBlank(next, region), adornmentCharacter(next, region) == nil {
                warn(
                    .rstTitleUnderline, "section title overline without a matching underline",
                    lineRange(index, region))
            }
        }
        if next < region.upper, !isBlank(next, region), relativeIndent(next, region) == 0,
            adornmentCharacter(index, region) == nil,
            let character = adornmentCharacter(next, region)
        {
            let underlineLength = scalarCount(textStart(next, region), trimmedEnd(next))
            let titleWidth = scalarCount(textStart(index, region), trimmedEnd(index))
            if underlineLength >= titleWidth || underlineLength >= 4 {
                _ = character
                return parseSectionTitle(titleLine: index, overline: nil, underline: next, region, into: &blocks)
            }
        }
        // A paragraph runs to a blank line or a change of indentation.
        var end = next
        while end < region.upper, !isBlank(end, region), relativeIndent(end, region) == 0 { end += 1 }
        if end < region.upper, !isBlank(end, region), relativeIndent(end, region) > 0 {
            if end == next {
                return parseDefinitionList(index, region, depth: depth, into: &blocks)
            }
            warn(
                .rstMarkup, "unexpected indentation", lineRange(end, region),
                explanation: "An indented line must follow a blank line (it then starts a block quote).")
        }
        return parseParagraph(index, end, region, depth: depth, into: &blocks)
    }

    private mutating func parseParagraph(
        _ lower: Int, _ upper: Int, _ region: Region, depth: Int, into blocks: inout [BlockNode]
    ) -> Int {
        var map = InlineSourceMap()
        swap(&map.segments, &mapStorage)
        map.segments.removeAll(keepingCapacity: true)
        defer { swap(&map.segments, &mapStorage) }
        scratch.removeAll(keepingCapacity: true)
        for line in lower..<upper {
            let start = line == lower ? textStart(line, region) : Int(lines[line].contentStart)
            let end = trimmedEnd(line)
            if line > lower { scratch.append(0x0A) }
            map.append(textOffset: scratch.count, line: line + lineBase, column: start - Int(lines[line].start) + 1)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)]))
        }
        // A paragraph ending in "::" introduces a literal block; the marker itself is mostly dropped.
        var expectsLiteral = false
        let count = scratch.count
        if count >= 2, scratch[count - 1] == UInt8(ascii: ":"), scratch[count - 2] == UInt8(ascii: ":"),
            count < 3 || scratch[count - 3] != UInt8(ascii: "\\")
        {
            expectsLiteral = true
            if count == 2 {
                scratch.removeAll(keepingCapacity: true)
            } else if scratch[count - 3] == 0x20 || scratch[count - 3] == 0x0A {
                var cut = count - 2
                while cut > 0, scratch[cut - 1] == 0x20 || scratch[cut - 1] == 0x0A { cut -= 1 }
                scratch.removeSubrange(cut...)
            } else {
                scratch.removeLast()
            }
        }
        let paragraphRange = range(lower, upper, region)
        if !scratch.isEmpty {
            let inlines = InlineParser.parse(scratch, map: map, file: file.path, diagnostics: &diagnostics)
            blocks.append(BlockNode(kind: .paragraph(Paragraph(inlines: inlines)), range: paragraphRange))
        }
        guard expectsLiteral else { return upper }
        return parseLiteralBlock(after: upper, region, marker: paragraphRange, into: &blocks)
    }

    /// The block after a `::` paragraph: indented, or quoted with a punctuation character.
    private mutating func parseLiteralBlock(
        after paragraphEnd: Int, _ region: Region, marker: SourceRange, into blocks: inout [BlockNode]
    ) -> Int {
        var index = paragraphEnd
        while index < region.upper, isBlank(index, region) { index += 1 }
        if index < region.upper, relativeIndent(index, region) > 0 {
            let end = indentedEnd(from: index, region)
            let sub = subregion(index, trimBlankEnd(index, end), region, firstStart: nil)
            let text = literalText(sub.lower, sub.upper, sub)
            blocks.append(BlockNode(kind: .literalBlock(LiteralBlock(text: text)), range: range(of: sub)))
            return end
        }
        if index < region.upper, index > paragraphEnd {
            let start = textStart(index, region)
            let quote = bytes[start]
            if isPunctuation(quote) {
                var end = index
                while end < region.upper, !isBlank(end, region), relativeIndent(end, region) == 0,
                    bytes[textStart(end, region)] == quote
                {
                    end += 1
                }
                let text = literalText(index, end, region)
                blocks.append(
                    BlockNode(kind: .literalBlock(LiteralBlock(text: text)), range: range(index, end, region)))
                return end
            }
        }
        warn(
            .rstMarkup, "literal block expected; none found", marker,
            explanation: "A paragraph ending in '::' must be followed by a blank line and an indented block.")
        return paragraphEnd
    }

    private mutating func parseSectionTitle(
        titleLine: Int, overline: Int?, underline: Int, _ region: Region, into blocks: inout [BlockNode]
    ) -> Int {
        let titleStart =
            Int(lines[titleLine].contentStart) > textStart(titleLine, region)
            ? Int(lines[titleLine].contentStart) : textStart(titleLine, region)
        let titleEnd = trimmedEnd(titleLine)
        let underlineStart = textStart(underline, region)
        let underlineEnd = trimmedEnd(underline)
        let character = adornmentCharacter(underline, region) ?? "-"
        let style = TitleStyle(character: character, hasOverline: overline != nil)
        let level: Int
        if let existing = titleStyles.firstIndex(of: style) {
            level = existing + 1
        } else {
            titleStyles.append(style)
            level = titleStyles.count
        }
        let titleRange = location(titleLine, titleStart)..<location(titleLine, titleEnd)
        let underlineRange = location(underline, underlineStart)..<location(underline, underlineEnd)
        var overlineRange: SourceRange? = nil
        if let overline {
            overlineRange = location(overline, textStart(overline, region))..<location(overline, trimmedEnd(overline))
        }
        let textWidth = scalarCount(titleStart, titleEnd)
        let underlineLength = scalarCount(underlineStart, underlineEnd)
        if underlineLength < textWidth {
            let fixed = String(repeating: String(character), count: textWidth)
            var fixIts = [
                FixIt(
                    message: "make the underline as long as the title",
                    location: DiagnosticLocation(file: file.path, range: underlineRange), replacement: fixed)
            ]
            if let overlineRange {
                fixIts.append(
                    FixIt(
                        message: "make the overline as long as the title",
                        location: DiagnosticLocation(file: file.path, range: overlineRange), replacement: fixed))
            }
            diagnostics.append(
                Diagnostic(
                    severity: .warning, id: .rstTitleUnderline,
                    summary: "title \(overline == nil ? "underline" : "overline and underline") too short: "
                        + "\(underlineLength) characters for a title of \(textWidth)",
                    location: DiagnosticLocation(file: file.path, range: underlineRange),
                    notes: [
                        DiagnosticNote(
                            message: "the title", location: DiagnosticLocation(file: file.path, range: titleRange))
                    ],
                    fixIts: fixIts))
        }
        let map = InlineSourceMap(line: titleLine + lineBase, column: titleStart - Int(lines[titleLine].start) + 1)
        let titleBytes = UnsafeBufferPointer(rebasing: bytes[titleStart..<titleEnd])
        let inlines = InlineParser.parse(titleBytes, map: map, file: file.path, diagnostics: &diagnostics)
        let title = SectionTitle(
            inlines: inlines, text: String(decoding: titleBytes, as: UTF8.self), textRange: titleRange,
            style: style, level: level, underlineRange: underlineRange, overlineRange: overlineRange,
            textWidth: textWidth, underlineLength: underlineLength)
        let lower = overlineRange?.lowerBound ?? titleRange.lowerBound
        blocks.append(BlockNode(kind: .sectionTitle(title), range: lower..<underlineRange.upperBound))
        return underline + 1
    }

    private mutating func parseDefinitionList(
        _ index: Int, _ region: Region, depth: Int, into blocks: inout [BlockNode]
    )
        -> Int
    {
        var items: [DefinitionListItem] = []
        var term = index
        var lastEnd = index
        while term < region.upper {
            let definitionEnd = indentedEnd(from: term + 1, region)
            let sub = subregion(term + 1, trimBlankEnd(term + 1, definitionEnd), region, firstStart: nil)
            let (inlines, classifiers) = parseTerm(term, region)
            let definition = parseBody(sub, depth: depth + 1)
            let itemRange = location(term, textStart(term, region))..<range(of: sub).upperBound
            items.append(
                DefinitionListItem(term: inlines, classifiers: classifiers, definition: definition, range: itemRange))
            lastEnd = definitionEnd
            // Another item: a term line followed directly by an indented definition.
            var next = definitionEnd
            while next < region.upper, isBlank(next, region) { next += 1 }
            guard next + 1 < region.upper, relativeIndent(next, region) == 0, !isBlank(next + 1, region),
                relativeIndent(next + 1, region) > 0, isPlainTextLine(next, region)
            else { break }
            term = next
        }
        let lower = items.first?.range.lowerBound ?? location(index, textStart(index, region))
        let upper = items.last?.range.upperBound ?? lower
        blocks.append(BlockNode(kind: .definitionList(items), range: lower..<upper))
        return lastEnd
    }

    private mutating func parseTerm(_ index: Int, _ region: Region) -> ([InlineNode], [String]) {
        let start = textStart(index, region)
        let end = trimmedEnd(index)
        var termEnd = end
        var classifiers: [String] = []
        // "term : classifier : classifier"
        var position = start
        while position + 2 < end {
            if bytes[position] == 0x20, bytes[position + 1] == UInt8(ascii: ":"), bytes[position + 2] == 0x20 {
                if termEnd == end { termEnd = position }
                let classifierStart = position + 3
                var classifierEnd = classifierStart
                while classifierEnd < end,
                    !(classifierEnd + 2 < end && bytes[classifierEnd] == 0x20
                        && bytes[classifierEnd + 1] == UInt8(ascii: ":") && bytes[classifierEnd + 2] == 0x20)
                {
                    classifierEnd += 1
                }
                classifiers.append(file.text(from: classifierStart, to: classifierEnd).trimmingWhitespace())
                position = classifierEnd
                continue
            }
            position += 1
        }
        let map = InlineSourceMap(line: index + lineBase, column: start - Int(lines[index].start) + 1)
        let inlines = InlineParser.parse(
            UnsafeBufferPointer(rebasing: bytes[start..<termEnd]), map: map, file: file.path,
            diagnostics: &diagnostics)
        return (inlines, classifiers)
    }

    /// A line that starts no other construct (so it may be a definition list term).
    private func isPlainTextLine(_ index: Int, _ region: Region) -> Bool {
        let start = textStart(index, region)
        let end = trimmedEnd(index)
        if bytes[start] == UInt8(ascii: "."), start + 1 < end, bytes[start + 1] == UInt8(ascii: ".") { return false }
        if bulletMarker(start, end) != nil || enumerator(start, end, continuing: nil) != nil { return false }
        if fieldMarkerEnd(start, end) != nil { return false }
        return adornmentCharacter(index, region) == nil
    }

    // MARK: - Line geometry

    func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0B
    }

    func isBlank(_ index: Int, _ region: Region) -> Bool {
        if index == region.lower, let firstStart = region.firstStart {
            var position = firstStart
            let end = Int(lines[index].end)
            while position < end, isSpace(bytes[position]) { position += 1 }
            return position >= end
        }
        return lines[index].isBlank
    }

    /// Columns of indentation beyond the region's; 0 for a first line that starts mid-line.
    func relativeIndent(_ index: Int, _ region: Region) -> Int {
        if index == region.lower, region.firstStart != nil { return 0 }
        return Int(lines[index].indent) - region.indent
    }

    /// The byte offset where the region's text of a line begins (its indentation stripped).
    func textStart(_ index: Int, _ region: Region) -> Int {
        if index == region.lower, let firstStart = region.firstStart {
            var position = firstStart
            let end = Int(lines[index].end)
            while position < end, isSpace(bytes[position]) { position += 1 }
            return position
        }
        let line = lines[index]
        let indent = Int(line.indent)
        if indent <= region.indent { return Int(line.contentStart) }
        if !line.hasTab { return Int(line.contentStart) - (indent - region.indent) }
        var position = Int(line.start)
        var column = 0
        while position < Int(line.contentStart), column < region.indent {
            column = bytes[position] == 0x09 ? (column / 8 + 1) * 8 : column + 1
            position += 1
        }
        return position
    }

    /// One past the last byte of a line that is not trailing whitespace.
    func trimmedEnd(_ index: Int) -> Int {
        let line = lines[index]
        var end = Int(line.end)
        let floor = Int(line.contentStart)
        while end > floor, isSpace(bytes[end - 1]) { end -= 1 }
        return end
    }

    /// The end (exclusive) of the indented block starting at `from`: lines indented beyond the region
    /// or blank.
    func indentedEnd(from: Int, _ region: Region) -> Int {
        var index = from
        while index < region.upper {
            if !lines[index].isBlank, relativeIndent(index, region) <= 0,
                index != region.lower || region.firstStart == nil
            {
                break
            }
            index += 1
        }
        return index
    }

    /// `upper` moved back over trailing blank lines, but not before `lower`.
    func trimBlankEnd(_ lower: Int, _ upper: Int) -> Int {
        var end = upper
        while end > lower, lines[end - 1].isBlank { end -= 1 }
        return end
    }

    /// The region of lines `lower..<upper`, stripped of their common indentation.
    func subregion(_ lower: Int, _ upper: Int, _ region: Region, firstStart: Int?) -> Region {
        var indent = Int.max
        let from = firstStart == nil ? lower : lower + 1
        if from < upper {
            for index in from..<upper where !lines[index].isBlank {
                indent = min(indent, Int(lines[index].indent))
            }
        }
        if indent == Int.max { indent = region.indent + 1 }
        return Region(lower: lower, upper: upper, indent: indent, firstStart: firstStart)
    }

    func location(_ index: Int, _ offset: Int) -> SourceLocation {
        SourceLocation(line: index + lineBase, column: offset - Int(lines[index].start) + 1)
    }

    /// The range of one line's text in a region.
    func lineRange(_ index: Int, _ region: Region) -> SourceRange {
        guard index < lines.count else {
            let end = location(lines.count - 1, Int(lines[lines.count - 1].end))
            return end..<end
        }
        let start = location(index, textStart(index, region))
        return start..<max(start, location(index, trimmedEnd(index)))
    }

    /// The range from the start of line `lower` to the end of line `upper - 1`.
    func range(_ lower: Int, _ upper: Int, _ region: Region) -> SourceRange {
        let last = max(lower, upper - 1)
        let start = location(lower, textStart(lower, region))
        return start..<max(start, location(last, trimmedEnd(last)))
    }

    func range(of region: Region) -> SourceRange {
        guard region.lower < region.upper else {
            let line = min(region.lower, lines.count - 1)
            let start = location(line, Int(lines[line].start))
            return start..<start
        }
        return range(region.lower, region.upper, region)
    }

    /// The character of a line made of one repeated punctuation character, if it is one.
    func adornmentCharacter(_ index: Int, _ region: Region) -> Unicode.Scalar? {
        let start = textStart(index, region)
        let end = trimmedEnd(index)
        guard end > start else { return nil }
        let first = bytes[start]
        guard isPunctuation(first) else { return nil }
        var position = start + 1
        while position < end {
            if bytes[position] != first { return nil }
            position += 1
        }
        return Unicode.Scalar(first)
    }

    func isPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
            || (byte >= 0x7B && byte <= 0x7E)
    }

    /// Characters (Unicode scalars) between two offsets, as docutils measures titles.
    func scalarCount(_ start: Int, _ end: Int) -> Int {
        var count = 0
        var position = start
        while position < end {
            if bytes[position] & 0xC0 != 0x80 { count += 1 }
            position += 1
        }
        return count
    }

    /// The text of lines `lower..<upper` exactly as written, the region's indentation removed, tabs
    /// expanded to 8-column stops and trailing whitespace dropped (as docutils reads literal text).
    func literalText(_ lower: Int, _ upper: Int, _ region: Region) -> String {
        guard lower < upper else { return "" }
        var output: [UInt8] = []
        for index in lower..<upper {
            if index > lower { output.append(0x0A) }
            let line = lines[index]
            if line.isBlank { continue }
            if index == region.lower, region.firstStart != nil {
                // Past the trailing whitespace when the rest of the first line is blank (`..   `).
                let start = textStart(index, region)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<max(start, trimmedEnd(index))]))
                continue
            }
            if !line.hasTab {
                let start = textStart(index, region)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<trimmedEnd(index)]))
                continue
            }
            var column = 0
            var position = Int(line.start)
            let end = trimmedEnd(index)
            while position < end {
                let byte = bytes[position]
                if byte == 0x09 {
                    let next = (column / 8 + 1) * 8
                    while column < next {
                        if column >= region.indent { output.append(0x20) }
                        column += 1
                    }
                } else {
                    if column >= region.indent { output.append(byte) }
                    if byte & 0xC0 != 0x80 { column += 1 }
                }
                position += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    mutating func warn(_ id: RuleID, _ summary: String, _ range: SourceRange, explanation: String? = nil) {
        diagnostics.append(
            Diagnostic(
                severity: .warning, id: id, summary: summary, explanation: explanation,
                location: DiagnosticLocation(file: file.path, range: range)))
    }
}
