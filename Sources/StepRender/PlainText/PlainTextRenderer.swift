import StepModel

/// Renders procedures as plain text: "Step N: title" headings with underlines, paragraphs wrapped,
/// code indented, links as their text. Built from the same cmark tree as the other targets.
public struct PlainTextRenderer: Sendable {
    public let options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ procedure: Procedure, title: String) -> String {
        var writer = PlainTextWriter(width: options.textWidth)
        if !options.fragment {
            writer.heading(title, underline: "=")
        }
        let tags = options.tags(for: .text)
        if !procedure.looseContent.isEmpty {
            writer.add(tree(procedure.looseContent, stepLevel: 1, tags: tags))
        }
        for (index, step) in procedure.steps.enumerated() {
            let copy = step.primary
            let number = copy.numberText.isEmpty ? String(index + 1) : copy.numberText
            var heading = "Step \(number): "
            if copy.isOptional { heading += "Optional: " }
            heading += PlainTextWriter.inlineText(inlines: copy.title, tags: tags)
            writer.heading(heading, underline: "-")
            if !copy.body.isEmpty {
                writer.add(tree(copy.body, stepLevel: copy.heading.level, tags: tags))
            }
        }
        return writer.finish()
    }

    /// One step body as plain text, wrapped at ``RenderOptions/textWidth``, for reports that quote the
    /// documentation (the remedies of `stepdoc preflight`). Empty for an empty body.
    ///
    /// - Parameter stepLevel: the level of the step's heading (``HeadingAdornment/level``), so action
    ///   sub-headings inside the body keep their depth.
    public func render(body: [Block], stepLevel: Int) -> String {
        guard !body.isEmpty else { return "" }
        var writer = PlainTextWriter(width: options.textWidth)
        writer.add(tree(body, stepLevel: stepLevel, tags: options.tags(for: .text)))
        return writer.finish()
    }

    private func tree(_ blocks: [Block], stepLevel: Int, tags: Set<String>) -> CommonMarkTree {
        let tree = CommonMarkTree()
        CommonMarkTreeBuilder(tree: tree, flavor: .portable, tags: tags, stepLevel: stepLevel).add(blocks)
        return tree
    }
}

/// Lays out walked cmark events as wrapped, indented text.
struct PlainTextWriter {
    let width: Int
    private var output = ""
    private var prefixes: [Prefix] = []
    private var lists: [ListState] = []
    private var inline = ""
    private var inlineDepth = 0
    private var needsBlankLine = false
    private var headingLevel: Int? = nil

    private struct Prefix {
        var first: String
        var rest: String
        var used = false
    }

    private struct ListState {
        var ordered: Bool
        var next: Int
        var tight: Bool
    }

    init(width: Int) {
        self.width = max(20, width)
    }

    mutating func heading(_ text: String, underline: Character) {
        separate()
        output += text + "\n" + String(repeating: underline, count: max(3, text.count)) + "\n"
        needsBlankLine = true
    }

    mutating func add(_ tree: CommonMarkTree) {
        tree.walk { event in self.handle(event) }
    }

    mutating func finish() -> String {
        while output.hasSuffix("\n\n") { output.removeLast() }
        return output
    }

    /// The text of inline content, for headings.
    static func inlineText(inlines: [Inline], tags: Set<String>) -> String {
        let tree = CommonMarkTree()
        tree.open(.paragraph)
        CommonMarkTreeBuilder(tree: tree, flavor: .portable, tags: tags).add(inlines)
        tree.close()
        var text = ""
        tree.walk { event in
            switch event {
            case .enter(.text(let value)), .enter(.code(let value)): text += value
            case .enter(.softBreak), .enter(.lineBreak): text += " "
            default: break
            }
        }
        return text
    }

    private mutating func handle(_ event: CommonMarkEvent) {
        switch event {
        case .enter(let node):
            enter(node)
        case .exit(let node):
            exit(node)
        }
    }

    private mutating func enter(_ node: CommonMarkNode) {
        switch node {
        case .paragraph:
            startBlock()
            inline = ""
            inlineDepth += 1
        case .heading(let level):
            startBlock()
            inline = ""
            inlineDepth += 1
            headingLevel = level
        case .blockQuote:
            startBlock()
            prefixes.append(Prefix(first: "    ", rest: "    "))
        case .list(let ordered, let start, let tight):
            startBlock()
            lists.append(ListState(ordered: ordered, next: start, tight: tight))
        case .item:
            guard var list = lists.popLast() else { return }
            if !(list.tight && prefixes.last.map { $0.used } == true) { startBlock() }
            let marker = list.ordered ? "\(list.next). " : "- "
            list.next += 1
            lists.append(list)
            prefixes.append(Prefix(first: marker, rest: String(repeating: " ", count: marker.count)))
            needsBlankLine = false
        case .codeBlock(_, let literal):
            startBlock()
            var lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            for line in lines {
                emitLine(line.isEmpty ? "" : "    " + line)
            }
            needsBlankLine = true
        case .thematicBreak:
            startBlock()
            emitLine(String(repeating: "-", count: 20))
            needsBlankLine = true
        case .text(let text), .code(let text):
            inline += text
        case .softBreak:
            inline += " "
        case .lineBreak:
            inline += "\n"
        case .image:
            inline += "["
        case .htmlBlock, .htmlInline, .customBlock, .customInline, .document, .emphasis, .strong, .link, .other:
            break
        }
    }

    private mutating func exit(_ node: CommonMarkNode) {
        switch node {
        case .paragraph:
            inlineDepth -= 1
            emitWrapped(inline)
            inline = ""
            needsBlankLine = true
        case .heading:
            inlineDepth -= 1
            let text = inline.split(separator: "\n").joined(separator: " ")
            emitLine(text)
            emitLine(String(repeating: headingLevel ?? 3 <= 3 ? "~" : "^", count: max(3, text.count)))
            inline = ""
            headingLevel = nil
            needsBlankLine = true
        case .blockQuote:
            prefixes.removeLast()
            needsBlankLine = true
        case .list:
            lists.removeLast()
            needsBlankLine = true
        case .item:
            prefixes.removeLast()
            needsBlankLine = !(lists.last?.tight ?? false)
        case .image:
            inline += "]"
        default:
            break
        }
    }

    private mutating func startBlock() {
        if needsBlankLine {
            emitLine("", blank: true)
            needsBlankLine = false
        }
    }

    private mutating func separate() {
        if !output.isEmpty { output += "\n" }
    }

    private mutating func emitWrapped(_ text: String) {
        let available = max(20, width - prefixWidth)
        for hardLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in hardLine.split(separator: " ", omittingEmptySubsequences: true) {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= available {
                    line += " " + word
                } else {
                    emitLine(line)
                    line = String(word)
                }
            }
            emitLine(line)
        }
    }

    private var prefixWidth: Int {
        prefixes.reduce(0) { $0 + ($1.used ? $1.rest.count : $1.first.count) }
    }

    private mutating func emitLine(_ text: String, blank: Bool = false) {
        var prefix = ""
        for index in prefixes.indices {
            if blank {
                prefix += prefixes[index].rest
            } else {
                prefix += prefixes[index].used ? prefixes[index].rest : prefixes[index].first
                prefixes[index].used = true
            }
        }
        var line = prefix + text
        while line.hasSuffix(" ") { line.removeLast() }
        output += line + "\n"
    }
}
