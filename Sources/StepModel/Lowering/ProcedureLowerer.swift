import StepSyntax

/// Turns a syntax tree into a ``Procedure``: finds step copies, pairs them, lowers their content.
struct ProcedureLowerer {
    /// The file being lowered.
    let filePath: String
    let options: LoweringOptions
    /// Title styles as known so far (an include continues the includer's levels).
    var titleStyles: [TitleStyle] = []
    var diagnostics: [Diagnostic] = []
    /// The file whose blocks are being lowered (changes inside includes).
    var currentFile: String
    var targets = TargetTable()
    /// Anonymous targets in document order, and how many references have used one.
    var anonymousTargets: [String] = []
    var anonymousReferencesSeen = 0
    var substitutions: [String: [InlineNode]] = [:]
    /// The file each substitution is defined in: findings inside its text point there.
    var substitutionFiles: [String: String] = [:]
    /// Resolved paths of the includes being read, innermost last (for cycle detection).
    var includeStack: [String] = []
    /// The highlight language set by `.. highlight::`, used by literal blocks.
    var highlightLanguage: String? = nil
    /// The `only` expressions read so far, by their text.
    var onlyExpressions: [String: OnlyExpression] = [:]
    /// How many ``lowerBlocks(_:)`` calls are under way: the nesting depth of the blocks being lowered,
    /// which an included file's content continues (so includes cannot multiply the nesting limit).
    var nesting = 0
    /// Bytes handed to the reST reader for YAML fields and tabs: the work of reading a giza YAML file,
    /// which must grow with the file, not with the file times its steps.
    var bytesParsed = 0
    /// Included bytes read so far for this file, each include counted every time it is read.
    var includedBytes = 0
    /// Whether ``includedBytes`` went over the limit (reported once; later includes are not read).
    var includeBudgetSpent = false
    /// Includes resolved while lowering this file, by including file and path as written: a file
    /// included many times is found and read once per top-level file (the resolver caches across files).
    var resolvedIncludes: [String: IncludeResult] = [:]
    /// How many more "did you mean" searches this file may make. Each compares a name with every
    /// candidate, so a file with thousands of unknown references against thousands of targets would
    /// otherwise take minutes; past the first ones a suggestion adds little anyway.
    var suggestionsLeft = 100
    /// The substitutions being expanded, outermost first (to find ones that refer to themselves).
    var expandingSubstitutions: [String] = []
    /// How many more substitution references the file may expand (-1 once that was reported).
    var substitutionExpansionsLeft = maximumSubstitutionExpansions
    static let maximumSubstitutionExpansions = 10_000
    /// HTML copies waiting for their other copy, by number and title: their syntax and lowered body,
    /// so an equivalent other copy shares the lowered blocks instead of being lowered again.
    var unpairedHTMLBodies: [String: UnpairedHTMLCopy] = [:]
    /// Step copies and loose content found so far, in document order.
    private var items: [Item] = []
    /// Top-level blocks outside any `only`, waiting for the next `only` to be read as a run.
    private var run: [BlockNode] = []
    /// The `.. stepdoc: giza …` comment of a file converted to a `.. procedure::`, when there is one.
    var layoutComment: GizaLayoutComment? = nil
    /// Steps read from `.. procedure::` directives so far (their numbers continue a layout comment's).
    var procedureStepCount = 0
    /// Positions in ``items`` of the copies read from `.. procedure::` directives.
    private var procedureCopyPositions: [Int] = []

    init(filePath: String, options: LoweringOptions) {
        self.filePath = filePath
        self.options = options
        self.currentFile = filePath
    }

    /// An item found while scanning a branch: a step copy or content that belongs to no step.
    enum Item {
        case copy(StepCopy)
        case loose(Block)
    }

    /// Takes the next top-level block of the file.
    mutating func consume(_ block: BlockNode) {
        if case .comment(let comment) = block.kind, let layout = GizaLayoutComment(commentText: comment.text) {
            layoutComment = layout
        }
        if case .directive(let directive) = block.kind, directive.name == "procedure" {
            flushRun()
            for item in procedureItems(directive) {
                if case .copy = item { procedureCopyPositions.append(items.count) }
                items.append(item)
            }
            return
        }
        guard case .directive(let directive) = block.kind, directive.name == "only",
            case .blocks(let children) = directive.content
        else {
            run.append(block)
            return
        }
        flushRun()
        let expression = onlyExpression(directive)
        let found = extractCopies(children, expression: expression)
        if found.contains(where: { if case .copy = $0 { true } else { false } }) {
            items.append(contentsOf: found)
        } else {
            let body = found.compactMap { if case .loose(let block) = $0 { block } else { nil } }
            items.append(
                .loose(
                    Block(
                        .conditional(
                            Conditional(expression: expression, expressionText: directive.argument, body: body)),
                        range: block.range)))
        }
    }

    /// Adds a step copy read from another source format (giza YAML).
    mutating func add(_ copy: StepCopy) {
        items.append(.copy(copy))
    }

    private mutating func flushRun() {
        guard !run.isEmpty else { return }
        let blocks = run
        run.removeAll()
        items.append(contentsOf: extractCopies(blocks, expression: nil))
    }

    /// Pairs the copies read and builds the procedure.
    mutating func finish() -> Procedure {
        flushRun()
        let fromProcedureDirectives = !procedureCopyPositions.isEmpty
        if fromProcedureDirectives {
            let copies = procedureCopyPositions.compactMap { position -> StepCopy? in
                if case .copy(let copy) = items[position] { copy } else { nil }
            }
            let level = Self.procedureStepLevel(copies)
            for position in procedureCopyPositions {
                if case .copy(var copy) = items[position] {
                    copy.heading.level = level
                    items[position] = .copy(copy)
                }
            }
        }
        // The copies move from `items` to one array per branch, and `items` goes before the steps are
        // made: a 10 MiB file has 13,000 copies of 220 bytes, and the lists need not all live at once.
        var all = items
        items = []
        var htmlCount = 0
        for item in all { if case .copy(let copy) = item, copy.branch == .html { htmlCount += 1 } }
        var htmlCopies: [StepCopy] = []
        var printCopies: [StepCopy] = []
        htmlCopies.reserveCapacity(htmlCount)
        printCopies.reserveCapacity(all.count - htmlCount)
        var loose: [Block] = []
        for item in all {
            switch item {
            case .copy(let copy) where copy.branch == .html: htmlCopies.append(copy)
            case .copy(let copy): printCopies.append(copy)
            case .loose(let block): loose.append(block)
            }
        }
        all = []
        let era = Self.era(html: htmlCopies, print: printCopies)
        let gizaCopies = htmlCopies.count + printCopies.count - procedureCopyPositions.count
        let steps = StepPairing.pair(html: htmlCopies, print: printCopies)
        var named: [String: LinkTarget] = [:]
        for (name, entry) in targets.entries {
            if let destination = targets.destination(of: name) {
                named[name] = LinkTarget(name: entry.name, destination: destination, range: entry.range)
            }
        }
        var procedure = Procedure(
            file: filePath, era: era, steps: steps,
            looseContent: loose, targets: named)
        if fromProcedureDirectives, gizaCopies == 0 {
            procedure.format = .procedureDirective
            procedure.era = layoutComment?.era ?? .unknown
        }
        return procedure
    }

    // MARK: - Finding copies

    /// Splits a branch's blocks into step copies (HTML copies open with a `sequence-step` raw block,
    /// other copies with a "Step N:" title) and loose content.
    mutating func extractCopies(_ blocks: [BlockNode], expression: OnlyExpression?) -> [Item] {
        var items: [Item] = []
        var index = 0
        var printStepLevel: Int? = nil
        while index < blocks.count {
            let block = blocks[index]
            if let opener = sequenceOpener(block) {
                var end = index + 1
                while end < blocks.count, !isSequenceCloser(blocks[end]), sequenceOpener(blocks[end]) == nil {
                    end += 1
                }
                let closed = end < blocks.count && isSequenceCloser(blocks[end])
                if !closed {
                    diagnose(
                        .warning, .stepsStructure, "the sequence-block div of step \(opener.text) is never closed",
                        opener.range, explanation: "giza closes each HTML step with a raw '</div>' block.")
                }
                let content = Array(blocks[(index + 1)..<end])
                let upper =
                    closed ? blocks[end].range.upperBound : (content.last?.range.upperBound ?? block.range.upperBound)
                if let copy = htmlCopy(
                    opener: opener, content: content, expression: expression,
                    range: block.range.lowerBound..<upper)
                {
                    items.append(.copy(copy))
                }
                index = closed ? end + 1 : end
                continue
            }
            if case .sectionTitle(let title) = block.kind, let parsed = StepHeading(title.text),
                printStepLevel == nil || printStepLevel == title.level
            {
                printStepLevel = title.level
                var end = index + 1
                while end < blocks.count {
                    if case .sectionTitle(let next) = blocks[end].kind, next.level <= title.level,
                        StepHeading(next.text) != nil || next.level < title.level
                    {
                        break
                    }
                    end += 1
                }
                let content = Array(blocks[(index + 1)..<end])
                let upper = content.last?.range.upperBound ?? block.range.upperBound
                items.append(
                    .copy(
                        printCopy(
                            heading: parsed, title: title, titleBlock: block, content: content, expression: expression,
                            range: block.range.lowerBound..<upper)))
                index = end
                continue
            }
            items.append(contentsOf: lowerBlocks([block]).map { .loose($0) })
            index += 1
        }
        return items
    }

    struct SequenceOpener {
        var text: String
        var range: SourceRange
    }

    /// The number text of a `raw:: html` block that opens a giza sequence step, with its range.
    func sequenceOpener(_ block: BlockNode) -> SequenceOpener? {
        guard case .directive(let directive) = block.kind, directive.name == "raw",
            directive.argument.trimmingWhitespace() == "html", case .literal(let literal) = directive.content
        else { return nil }
        let bytes = Array(literal.text.utf8)
        let marker = Array("sequence-step".utf8)
        guard let found = Self.firstIndex(of: marker, in: bytes),
            let close = bytes[(found + marker.count)...].firstIndex(of: UInt8(ascii: ">"))
        else { return nil }
        let numberStart = close + 1
        let numberEnd = bytes[numberStart...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
        let number = String(decoding: bytes[numberStart..<numberEnd], as: UTF8.self)
        // Locate the number in the source: the content starts at contentRange's start.
        var range = directive.contentRange ?? block.range
        if let start = directive.contentRange?.lowerBound, !bytes[..<numberStart].contains(0x0A) {
            let column = start.column + numberStart
            range =
                SourceLocation(
                    line: start.line, column: column)..<SourceLocation(
                    line: start.line, column: column + (numberEnd - numberStart))
        }
        return SequenceOpener(text: number.trimmingWhitespace(), range: range)
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    func isSequenceCloser(_ block: BlockNode) -> Bool {
        guard case .directive(let directive) = block.kind, directive.name == "raw",
            case .literal(let literal) = directive.content
        else { return false }
        return literal.text.trimmingWhitespace() == "</div>"
    }

    mutating func onlyExpression(_ directive: Directive) -> OnlyExpression? {
        if let known = onlyExpressions[directive.argument] { return known }
        switch OnlyExpression.parse(directive.argument) {
        case .success(let expression):
            // Every step's two copies sit under the same two expressions: one tree each, shared.
            if onlyExpressions.count < 64 { onlyExpressions[directive.argument] = expression }
            return expression
        case .failure(let error):
            var range = directive.argumentRange ?? directive.nameRange
            var notes: [DiagnosticNote] = []
            if let start = directive.argumentRange?.lowerBound, !directive.argument.contains("\n") {
                let column = start.column + error.offset
                range =
                    SourceLocation(
                        line: start.line, column: column)..<SourceLocation(line: start.line, column: column + 1)
                if let opening = error.openingOffset {
                    let open = SourceLocation(line: start.line, column: start.column + opening)
                    notes.append(
                        DiagnosticNote(
                            message: "the '(' that is not closed",
                            location: DiagnosticLocation(
                                file: currentFile,
                                range:
                                    open..<SourceLocation(
                                        line: open.line, column: open.column + 1))))
                }
            } else if directive.argument.isEmpty {
                range = directive.nameRange
            }
            // An error, not a warning as in Sphinx: the content is then kept for every builder, so a
            // branch meant for some builders shows in all of them (every step twice).
            diagnose(
                .error, .rstOnlyExpression, "malformed 'only' expression: \(error.message)", range,
                explanation: "The content is kept for every builder, as Sphinx does. Expressions combine tag names "
                    + "with 'and', 'or', 'not' and parentheses, e.g. 'not (html or dirhtml or singlehtml)'.",
                notes: notes)
            return nil
        }
    }

    // MARK: - Building copies

    private mutating func htmlCopy(
        opener: SequenceOpener, content: [BlockNode], expression: OnlyExpression?, range: SourceRange
    ) -> StepCopy? {
        var label: String? = nil
        var index = 0
        var before: [BlockNode] = []
        var titleNode: SectionTitle? = nil
        var titleBlockRange: SourceRange? = nil
        while index < content.count {
            let block = content[index]
            index += 1
            if case .sectionTitle(let title) = block.kind {
                titleNode = title
                titleBlockRange = block.range
                break
            }
            if case .hyperlinkTarget(let target) = block.kind, case .label = target.destination, label == nil {
                label = target.name
                continue
            }
            before.append(block)
        }
        let number = Int(opener.text)
        if number == nil {
            diagnose(
                .error, .stepsNumbering, "step number '\(opener.text)' is not a number", opener.range,
                explanation: "giza numbers steps 1, 2, 3 …; the sequence-step div must hold a whole number.")
        }
        guard let titleNode, let titleBlockRange else {
            diagnose(
                .error, .stepsStructure, "step \(opener.text) has no title", opener.range,
                explanation: "Each step is a raw 'sequence-step' block, then a title with its underline, then the body."
            )
            return nil
        }
        if !before.isEmpty, let first = before.first {
            diagnose(
                .warning, .stepsStructure, "content before the title of step \(opener.text)", first.range,
                explanation: "It is kept at the start of the step's body.")
        }
        let bodyBlocks = before + content[index...]
        return makeCopy(
            branch: .html, expression: expression, numberText: opener.text, numberRange: opener.range, number: number,
            title: titleNode, titleBlockRange: titleBlockRange, titlePrefixLength: 0, label: label,
            body: Array(bodyBlocks), range: range)
    }

    private mutating func printCopy(
        heading: StepHeading, title: SectionTitle, titleBlock: BlockNode, content: [BlockNode],
        expression: OnlyExpression?, range: SourceRange
    ) -> StepCopy {
        let start = title.textRange.lowerBound
        let numberRange =
            SourceLocation(
                line: start.line, column: start.column + heading.numberOffset)..<SourceLocation(
                line: start.line, column: start.column + heading.numberOffset + heading.numberText.utf8.count)
        let number = Int(heading.numberText)
        if number == nil {
            diagnose(
                .error, .stepsNumbering, "step number '\(heading.numberText)' is not a number", numberRange,
                explanation: "giza writes print headings as 'Step N: title' with N a whole number.")
        }
        var label: String? = nil
        var body = content
        if let first = body.first, case .hyperlinkTarget(let target) = first.kind, case .label = target.destination {
            label = target.name
            body.removeFirst()
        }
        return makeCopy(
            branch: .print, expression: expression, numberText: heading.numberText, numberRange: numberRange,
            number: number, title: title, titleBlockRange: titleBlock.range, titlePrefixLength: heading.titleOffset,
            label: label, body: body, range: range)
    }

    private mutating func makeCopy(
        branch: Branch, expression: OnlyExpression?, numberText: String, numberRange: SourceRange, number: Int?,
        title: SectionTitle, titleBlockRange: SourceRange, titlePrefixLength: Int, label: String?, body: [BlockNode],
        range: SourceRange
    ) -> StepCopy {
        var titleInlines = lowerInlines(title.inlines)
        var prefix = titlePrefixLength
        var titleText = String(decoding: title.text.utf8.dropFirst(prefix), as: UTF8.self)
        var isOptional = false
        if titleText.hasPrefix("Optional: ") {
            isOptional = true
            prefix += "Optional: ".utf8.count
            titleText = String(decoding: titleText.utf8.dropFirst("Optional: ".utf8.count), as: UTF8.self)
        }
        Self.dropPrefix(&titleInlines, byteCount: prefix)
        let titleStart = title.textRange.lowerBound
        // Decoded text can be longer than its source (an invalid byte becomes a 3-byte U+FFFD).
        let titleRange =
            min(
                SourceLocation(line: titleStart.line, column: titleStart.column + prefix), title.textRange.upperBound)..<title
            .textRange.upperBound
        let pairingKey = numberText + "\u{0}" + titleText
        var loweredBody: [Block]
        var shared = false
        var plainTitle = titleInlines.plainText
        if branch == .print, let html = unpairedHTMLBodies.removeValue(forKey: pairingKey) {
            if SyntaxEquivalence.equivalent(html.syntax, body) {
                loweredBody = html.lowered
                shared = true
            } else {
                loweredBody = lowerBlocks(body)
            }
            // The same text in both copies: one string, not two (a 10 MiB file has 6,000 titles).
            if plainTitle == html.titleText { plainTitle = html.titleText }
            html.shareTexts(with: &titleInlines)
        } else {
            loweredBody = lowerBlocks(body)
        }
        if branch == .html {
            unpairedHTMLBodies[pairingKey] = UnpairedHTMLCopy(
                syntax: body, lowered: loweredBody, title: titleInlines, titleText: plainTitle)
        }
        let bodyRange: SourceRange
        if let first = body.first, let last = body.last {
            bodyRange = first.range.lowerBound..<last.range.upperBound
        } else {
            bodyRange = titleBlockRange.upperBound..<titleBlockRange.upperBound
        }
        let heading = HeadingAdornment(
            level: title.level, character: title.style.character, textWidth: title.textWidth,
            underlineLength: title.underlineLength, range: titleBlockRange)
        var copy = StepCopy(
            branch: branch, expression: expression, numberText: numberText, numberRange: numberRange, number: number,
            title: titleInlines, titleText: plainTitle, titleRange: titleRange,
            isOptional: isOptional, heading: heading, label: label, body: loweredBody, bodyRange: bodyRange,
            range: range)
        copy.sharesBodyWithHTMLCopy = shared
        return copy
    }

    /// An HTML copy waiting for its other copy: its body's syntax and lowered blocks (an equivalent other
    /// copy shares the blocks instead of being lowered again), and its title.
    struct UnpairedHTMLCopy {
        var syntax: [BlockNode]
        var lowered: [Block]
        var title: [Inline]
        var titleText: String

        /// Gives `title`'s top-level texts that equal this title's the same strings, sharing storage.
        func shareTexts(with other: inout [Inline]) {
            for index in other.indices where index < title.count {
                if case .text(let mine) = title[index].kind, case .text(let theirs) = other[index].kind, mine == theirs
                {
                    other[index].kind = .text(mine)
                }
            }
        }
    }

    /// Removes the first `byteCount` bytes of text ("Step 3: ", "Optional: ") from inline content.
    static func dropPrefix(_ inlines: inout [Inline], byteCount: Int) {
        var remaining = byteCount
        while remaining > 0, let first = inlines.first, case .text(let text) = first.kind {
            let length = text.utf8.count
            if length <= remaining {
                inlines.removeFirst()
                remaining -= length
            } else {
                let rest = String(decoding: text.utf8.dropFirst(remaining), as: UTF8.self)
                let start = first.range.lowerBound
                // Decoded text can be longer than its source (an invalid byte becomes a 3-byte U+FFFD).
                let lower = min(
                    SourceLocation(line: start.line, column: start.column + remaining), first.range.upperBound)
                inlines[0] = Inline(.text(rest), range: lower..<first.range.upperBound)
                remaining = 0
            }
        }
    }

    // MARK: - Era

    static func era(html: [StepCopy], print: [StepCopy]) -> TemplateEra {
        let printExpression = print.first?.expression?.description
        let htmlExpression = html.first?.expression?.description
        if printExpression == "latex" || htmlExpression == "not latex" { return .legacy2013 }
        if printExpression == "latex or epub" { return .latexOrEpub }
        let notHTML = "not (html or dirhtml or singlehtml)"
        if printExpression == notHTML || (print.isEmpty && htmlExpression == "html or dirhtml or singlehtml") {
            let sample = print.first?.heading ?? html.first?.heading
            if let sample, sample.textWidth > 0, sample.underlineLength >= 2 * sample.textWidth {
                return .notHTMLDoubledUnderline
            }
            return .notHTML
        }
        return .unknown
    }

    // MARK: - Diagnostics

    /// Whether the file's budget allows another "did you mean" search (see ``suggestionsLeft``).
    mutating func spendSuggestion() -> Bool {
        guard suggestionsLeft > 0 else { return false }
        suggestionsLeft -= 1
        return true
    }

    mutating func diagnose(
        _ severity: Diagnostic.Severity, _ id: RuleID, _ summary: String, _ range: SourceRange,
        explanation: String? = nil, notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        diagnostics.append(
            Diagnostic(
                severity: severity, id: id, summary: summary, explanation: explanation,
                location: DiagnosticLocation(file: currentFile, range: range), notes: notes, fixIts: fixIts))
    }

    /// "Did you mean" fix-its: one per suggestion, each replacing `range` with `replacement(suggestion)`.
    func suggestionFixIts(_ suggestions: [String], range: SourceRange, replacement: (String) -> String) -> [FixIt] {
        suggestions.map { suggestion in
            FixIt(
                message: "replace with '\(replacement(suggestion))'",
                location: DiagnosticLocation(file: currentFile, range: range), replacement: replacement(suggestion))
        }
    }
}

/// "Step 3: Title": the number text and where the number and the title start.
struct StepHeading {
    var numberText: String
    /// Byte offset of the number in the heading text.
    var numberOffset: Int
    /// Byte offset of the title after "Step N: ".
    var titleOffset: Int

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        let prefix = Array("Step ".utf8)
        guard bytes.count > prefix.count, Array(bytes[0..<prefix.count]) == prefix else { return nil }
        var end = prefix.count
        while end < bytes.count, bytes[end] != UInt8(ascii: ":"), bytes[end] != 0x20 { end += 1 }
        guard end < bytes.count, end > prefix.count, bytes[end] == UInt8(ascii: ":"),
            end + 1 == bytes.count || bytes[end + 1] == 0x20
        else { return nil }
        numberText = String(decoding: bytes[prefix.count..<end], as: UTF8.self)
        numberOffset = prefix.count
        var title = end + 1
        while title < bytes.count, bytes[title] == 0x20 { title += 1 }
        titleOffset = title
    }
}
