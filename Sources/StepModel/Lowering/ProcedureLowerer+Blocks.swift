import StepSyntax

extension ProcedureLowerer {
    /// Directives lowered to a block of their own (other known directives are handled by name below).
    static let admonitionNames: Set<String> = [
        "note", "tip", "warning", "important", "caution", "danger", "attention", "hint", "error", "seealso", "todo",
        "example", "optional", "admonition", "topic", "sidebar", "versionadded", "versionchanged", "deprecated",
    ]

    /// Directives that produce no output in a step (navigation, metadata, settings).
    static let silentDirectives: Set<String> = [
        "index", "meta", "toctree", "contents", "sectnum", "default-domain", "default-role", "title", "highlight",
        "card-group-placeholder", "program",
    ]

    /// Directives read as a container of their content.
    static let containerDirectives: Set<String> = [
        "container", "cssclass", "rst-class", "class", "compound", "epigraph", "highlights", "pull-quote", "hlist",
        "glossary", "centered", "line-block", "collapsible", "dropdown", "extract", "cond", "ifconfig", "card",
        "card-group", "tab-set", "describe", "object", "method", "dbcommand", "setting", "binary", "program-option",
        "option", "authrole", "query", "operator", "expression", "pipeline", "data", "function", "staticmethod",
        "attribute", "procedure", "step", "tab", "tab-item", "list-table", "table",
    ]

    static let tabsDirectives: Set<String> = [
        "tabs", "tabs-drivers", "tabs-platforms", "tabs-selector", "tabs-pillstrip",
    ]

    static let codeDirectives: Set<String> = ["code-block", "sourcecode", "code", "io-code-block", "input", "output"]

    /// Every directive name lowering understands (for unknown-directive suggestions).
    static var knownDirectiveNames: Set<String> {
        admonitionNames.union(silentDirectives).union(containerDirectives).union(tabsDirectives).union(codeDirectives)
            .union([
                "raw", "only", "figure", "image", "include", "literalinclude", "rubric", "math", "parsed-literal",
                "sharedinclude", "replace", "unicode", "date", "csv-table", "productionlist",
            ])
    }

    mutating func lowerBlocks(_ blocks: [BlockNode]) -> [Block] {
        nesting += 1
        defer { nesting -= 1 }
        var output: [Block] = []
        output.reserveCapacity(blocks.count)
        var pendingClasses: [String]? = nil
        var pendingClassRange: SourceRange? = nil
        for block in blocks {
            // giza's `.. cssclass:: name` without content styles the block after it.
            if case .directive(let directive) = block.kind,
                directive.name == "cssclass" || directive.name == "rst-class",
                directive.content == .none
            {
                pendingClasses = directive.argument.split(separator: " ").map(String.init)
                pendingClassRange = block.range
                continue
            }
            guard let lowered = lowerBlock(block) else { continue }
            if let classes = pendingClasses, let start = pendingClassRange?.lowerBound {
                output.append(
                    Block(
                        .container(Container(classes: classes, body: [lowered])),
                        range: start..<lowered.range.upperBound))
                pendingClasses = nil
                pendingClassRange = nil
            } else {
                output.append(lowered)
            }
        }
        if let pendingClassRange {
            diagnose(.warning, .rstMarkup, "'cssclass' has no block after it to style", pendingClassRange)
        }
        return output
    }

    mutating func lowerBlock(_ block: BlockNode) -> Block? {
        let range = block.range
        switch block.kind {
        case .paragraph(let paragraph):
            return Block(.paragraph(lowerInlines(paragraph.inlines)), range: range)
        case .sectionTitle(let title):
            let inlines = lowerInlines(title.inlines)
            return Block(.heading(Heading(level: title.level, inlines: inlines, text: inlines.plainText)), range: range)
        case .bulletList(let list):
            return Block(
                .list(ListBlock(style: .bullet, start: 1, items: list.items.map { lowerBlocks($0.blocks) })),
                range: range)
        case .enumeratedList(let list):
            return Block(
                .list(
                    ListBlock(
                        style: .ordered(list.sequence), start: list.start,
                        items: list.items.map { lowerBlocks($0.blocks) })), range: range)
        case .definitionList(let items):
            return Block(
                .definitionList(
                    items.map {
                        DefinitionItem(term: lowerInlines($0.term), definition: lowerBlocks($0.definition))
                    }), range: range)
        case .fieldList(let fields):
            return Block(
                .definitionList(
                    fields.map {
                        DefinitionItem(
                            term: [Inline(.text($0.name), range: $0.nameRange)], definition: lowerBlocks($0.body))
                    }), range: range)
        case .literalBlock(let literal):
            return Block(.codeBlock(CodeBlock(language: highlightLanguage, code: literal.text)), range: range)
        case .lineBlock(let lines):
            return Block(.lineBlock(lines.map { lowerInlines($0.inlines) }), range: range)
        case .blockQuote(let children):
            return Block(.blockQuote(lowerBlocks(children)), range: range)
        case .comment, .substitutionDefinition:
            return nil
        case .hyperlinkTarget:
            return nil
        case .footnote(let footnote):
            return Block(.footnote(Footnote(label: footnote.label, body: lowerBlocks(footnote.blocks))), range: range)
        case .transition:
            return Block(.transition, range: range)
        case .directive(let directive):
            return lowerDirective(directive, range: range)
        }
    }

    private mutating func contentBlocks(_ directive: Directive) -> [Block] {
        switch directive.content {
        case .blocks(let blocks): return lowerBlocks(blocks)
        case .literal(let literal):
            return [
                Block(
                    .codeBlock(CodeBlock(language: nil, code: literal.text)),
                    range: directive.contentRange ?? directive.nameRange)
            ]
        case .none: return []
        }
    }

    private mutating func lowerDirective(_ directive: Directive, range: SourceRange) -> Block? {
        let name = directive.name
        if Self.codeDirectives.contains(name) {
            guard case .literal(let literal) = directive.content else {
                if name == "io-code-block" {
                    return Block(.container(Container(classes: [name], body: contentBlocks(directive))), range: range)
                }
                diagnose(
                    .warning, .rstDirective, "'\(name)' has no code", directive.nameRange,
                    explanation: "The code goes after a blank line, indented under the directive.")
                return Block(.codeBlock(CodeBlock(language: nonEmpty(directive.argument), code: "")), range: range)
            }
            return Block(
                .codeBlock(codeBlock(directive, code: literal.text, language: nonEmpty(directive.argument))),
                range: range)
        }
        if Self.admonitionNames.contains(name) {
            return Block(.admonition(admonition(directive)), range: range)
        }
        if Self.tabsDirectives.contains(name) {
            return Block(.tabs(tabs(directive)), range: range)
        }
        switch name {
        case "raw":
            let text: String
            if case .literal(let literal) = directive.content { text = literal.text } else { text = "" }
            let raw = Raw(format: directive.argument.trimmingWhitespace(), text: text)
            if raw.isHTML, options.rawHTML == .omit {
                diagnose(
                    .warning, .rstRawHTML, "raw HTML is left out of the output", directive.nameRange,
                    explanation:
                        "giza's sequence-block divs are read as structure; any other HTML a source writes itself "
                        + "could run script in the page and the preview, so it is not written to HTML or "
                        + "CommonMark. " + RawHTMLPolicy.optIn)
            }
            return Block(.raw(raw), range: range)
        case "only":
            let expression = onlyExpression(directive)
            return Block(
                .conditional(
                    Conditional(
                        expression: expression, expressionText: directive.argument, body: contentBlocks(directive))),
                range: range)
        case "figure", "image":
            return Block(.figure(figure(directive)), range: range)
        case "include", "sharedinclude":
            return Block(.include(include(directive)), range: range)
        case "literalinclude":
            return Block(.literalInclude(literalInclude(directive)), range: range)
        case "rubric":
            return Block(
                .paragraph([
                    Inline(
                        .strong([Inline(.text(directive.argument), range: directive.argumentRange ?? range)]),
                        range: directive.argumentRange ?? range)
                ]), range: range)
        case "math", "parsed-literal", "csv-table", "productionlist":
            let text: String
            if case .literal(let literal) = directive.content { text = literal.text } else { text = directive.argument }
            return Block(.codeBlock(CodeBlock(language: name == "math" ? "math" : nil, code: text)), range: range)
        case "replace", "unicode", "date":
            return nil
        default:
            break
        }
        if Self.silentDirectives.contains(name) {
            if name == "highlight" { highlightLanguage = nonEmpty(directive.argument) }
            return nil
        }
        if Self.containerDirectives.contains(name) {
            var body = contentBlocks(directive)
            var classes = [name]
            if ["container", "cssclass", "rst-class", "class"].contains(name) {
                classes = directive.argument.split(separator: " ").map(String.init)
            } else if !directive.argument.isEmpty, name != "list-table", name != "table" {
                // Object descriptions and titled containers show their argument first.
                let argumentRange = directive.argumentRange ?? range
                let lead: Inline =
                    name == "step" || name == "tab" || name == "tab-item" || name == "card"
                    ? Inline(.strong([Inline(.text(directive.argument), range: argumentRange)]), range: argumentRange)
                    : Inline(
                        .code(Code(text: directive.argument, role: name, target: directive.argument)),
                        range: argumentRange)
                body.insert(Block(.paragraph([lead]), range: argumentRange), at: 0)
            }
            return Block(.container(Container(classes: classes, body: body)), range: range)
        }
        let suggestions =
            spendSuggestion()
            ? DidYouMean.suggestions(
                for: name, among: Self.knownDirectiveNames.union(options.parseOptions.directives.specs.keys)) : []
        diagnose(
            .warning, .rstUnknownDirective, "unknown directive '\(name)'" + DidYouMean.phrase(suggestions),
            directive.nameRange, explanation: "Its content is kept and rendered as ordinary text.",
            fixIts: suggestionFixIts(suggestions, range: directive.nameRange) { $0 })
        var optionValues: [String: String] = [:]
        for option in directive.options { optionValues[option.name] = option.value }
        return Block(
            .unknownDirective(
                UnknownDirective(
                    name: name, argument: directive.argument, options: optionValues, body: contentBlocks(directive))),
            range: range)
    }

    private func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    private mutating func codeBlock(_ directive: Directive, code: String, language: String?) -> CodeBlock {
        var emphasized: [Int] = []
        if let value = directive.option("emphasize-lines") {
            if let lines = LineSelection.parse(value) {
                emphasized = lines.expanded(upTo: code.split(separator: "\n", omittingEmptySubsequences: false).count)
            } else {
                diagnose(
                    .warning, .rstDirective, "':emphasize-lines:' value '\(value)' is not a list of line numbers",
                    directive.options.first { $0.name == "emphasize-lines" }?.range ?? directive.nameRange)
            }
        }
        return CodeBlock(
            language: language ?? highlightLanguage, code: code,
            isCopyable: directive.option("copyable")?.lowercased() != "false",
            emphasizedLines: emphasized,
            showsLineNumbers: directive.option("linenos") != nil,
            caption: directive.option("caption"))
    }

    private mutating func admonition(_ directive: Directive) -> Admonition {
        var title: [Inline]? = nil
        var body = contentBlocks(directive)
        let argumentRange = directive.argumentRange ?? directive.nameRange
        switch directive.name {
        case "admonition", "topic", "sidebar":
            if !directive.argument.isEmpty { title = [Inline(.text(directive.argument), range: argumentRange)] }
        case "versionadded", "versionchanged", "deprecated":
            // The first word is the version; the rest of the argument is the first paragraph.
            let words = directive.argument.split(separator: " ", maxSplits: 1)
            if let version = words.first { title = [Inline(.text(String(version)), range: argumentRange)] }
            if words.count > 1 {
                body.insert(
                    Block(.paragraph([Inline(.text(String(words[1])), range: argumentRange)]), range: argumentRange),
                    at: 0)
            }
        default:
            break
        }
        return Admonition(kind: directive.name, title: title, body: body)
    }

    private mutating func tabs(_ directive: Directive) -> [Tab] {
        if case .literal(let literal) = directive.content, let contentRange = directive.contentRange {
            return yamlTabs(literal.text, at: contentRange.lowerBound)
        }
        guard case .blocks(let blocks) = directive.content else { return [] }
        var tabs: [Tab] = []
        for block in blocks {
            if case .directive(let tab) = block.kind, tab.name == "tab" || tab.name == "tab-item" {
                let id = tab.option("tabid") ?? tab.option("id") ?? tab.argument
                let titleText = tab.argument.isEmpty ? (tab.option("title") ?? TabNames.title(forID: id)) : tab.argument
                let titleRange = tab.argumentRange ?? tab.nameRange
                tabs.append(Tab(id: id, title: [Inline(.text(titleText), range: titleRange)], body: contentBlocks(tab)))
            } else if let lowered = lowerBlock(block) {
                // Content that is not a tab (the YAML form of old giza tabs, stray text) stays visible.
                if tabs.isEmpty {
                    diagnose(
                        .warning, .rstDirective, "'\(directive.name)' content is not a list of '.. tab::' directives",
                        block.range, explanation: "It is shown as it is, under one tab.")
                    tabs.append(Tab(id: "content", title: [], body: [lowered]))
                } else {
                    tabs[tabs.count - 1].body.append(lowered)
                }
            }
        }
        return tabs
    }
}

/// `1,3-5`: line numbers and ranges, as `:emphasize-lines:` and `:lines:` take them.
struct LineSelection: Equatable {
    /// Inclusive ranges; an upper bound of `nil` means "to the end".
    var ranges: [(Int, Int?)]

    static func == (lhs: LineSelection, rhs: LineSelection) -> Bool {
        lhs.ranges.elementsEqual(rhs.ranges) { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    static func parse(_ text: String) -> LineSelection? {
        var ranges: [(Int, Int?)] = []
        for part in text.split(separator: ",") {
            let piece = part.trimmingCharacters()
            if piece.isEmpty { continue }
            if let dash = piece.firstIndex(of: "-") {
                let lower = piece[..<dash].trimmingCharacters()
                let upper = piece[piece.index(after: dash)...].trimmingCharacters()
                guard let start = lower.isEmpty ? 1 : Int(lower), start >= 1 else { return nil }
                if upper.isEmpty {
                    ranges.append((start, nil))
                } else {
                    guard let end = Int(upper), end >= start else { return nil }
                    ranges.append((start, end))
                }
            } else {
                guard let line = Int(piece), line >= 1 else { return nil }
                ranges.append((line, line))
            }
        }
        return ranges.isEmpty ? nil : LineSelection(ranges: ranges)
    }

    /// The selected line numbers in order, none above `count`.
    func expanded(upTo count: Int) -> [Int] {
        var lines: [Int] = []
        for (start, end) in ranges where start <= count {
            lines.append(contentsOf: start...min(end ?? count, count))
        }
        return lines
    }
}

extension StringProtocol {
    /// The text without surrounding spaces and tabs.
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
