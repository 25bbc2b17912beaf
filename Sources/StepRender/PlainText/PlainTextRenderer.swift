import StepModel

/// Renders procedures as plain text: "Step N: title" headings with underlines, paragraphs wrapped,
/// code indented, links as their text. Built from the same cmark tree as the other targets.
public struct PlainTextRenderer: Sendable {
    public let options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ procedure: Procedure, title: String) -> String {
        var writer = PlainTextWriter(width: options.textWidth, links: options.textLinks)
        if !options.fragment {
            writer.heading(title, underline: "=")
        }
        let tags = options.tags(for: .text)
        if !procedure.looseContent.isEmpty {
            writer.add(tree(procedure.looseContent, stepLevel: 1, tags: tags))
            writer.addLinkReferences()
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
            writer.addLinkReferences()
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
        var writer = PlainTextWriter(width: options.textWidth, links: options.textLinks)
        writer.add(tree(body, stepLevel: stepLevel, tags: options.tags(for: .text)))
        writer.addLinkReferences()
        return writer.finish()
    }

    private func tree(_ blocks: [Block], stepLevel: Int, tags: Set<String>) -> CommonMarkTree {
        let tree = CommonMarkTree()
        CommonMarkTreeBuilder(tree: tree, flavor: .text, tags: tags, stepLevel: stepLevel).add(blocks)
        return tree
    }
}

/// Lays out walked cmark events as wrapped, indented text, in bytes.
struct PlainTextWriter {
    let width: Int
    let links: TextLinkStyle
    /// The destinations of the links since the last ``addLinkReferences()``, numbered from 1.
    private var linkReferences: [String] = []
    /// For each open link: its destination and where its text starts in ``inline``.
    private var openLinks: [(url: String, start: Int)] = []
    private var output: [UInt8] = []
    private var prefixes: [Prefix] = []
    private var lists: [ListState] = []
    private var inline: [UInt8] = []
    private var needsBlankLine = false
    private var headingLevel: Int? = nil
    /// Where the current image's text starts in ``inline``.
    private var imageStart: Int? = nil

    private struct Prefix {
        var first: [UInt8]
        var rest: [UInt8]
        var used = false
    }

    private struct ListState {
        var ordered: Bool
        var next: Int
        var tight: Bool
        var numbering: ListNumbering
    }

    init(width: Int, links: TextLinkStyle = .none) {
        self.links = links
        self.width = max(20, width)
        output.reserveCapacity(1 << 16)
    }

    /// A heading with its underline; long headings wrap, the underline as long as the longest line.
    mutating func heading(_ text: String, underline: Character) {
        if !output.isEmpty { output.append(0x0A) }
        let lines = Self.wrap(Array(text.utf8), width: width)
        var longest = 0
        for line in lines {
            output.append(contentsOf: line)
            output.append(0x0A)
            longest = max(longest, Self.columns(line[...]))
        }
        output.append(contentsOf: Array(repeating: underline.asciiValue ?? UInt8(ascii: "-"), count: max(3, longest)))
        output.append(0x0A)
        needsBlankLine = true
    }

    mutating func add(_ tree: CommonMarkTree) {
        tree.walk { event in self.handle(event) }
    }

    /// The numbered destinations of the links written since the last call, as "[1] https://…" lines.
    mutating func addLinkReferences() {
        guard !linkReferences.isEmpty else { return }
        startBlock()
        for (index, url) in linkReferences.enumerated() {
            let line = Array("[\(index + 1)] \(url)".utf8)
            emitLine(line[...])
        }
        linkReferences.removeAll()
        needsBlankLine = true
    }

    mutating func finish() -> String {
        while output.count >= 2, output[output.count - 1] == 0x0A, output[output.count - 2] == 0x0A {
            output.removeLast()
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text of inline content, for headings.
    static func inlineText(inlines: [Inline], tags: Set<String>) -> String {
        let tree = CommonMarkTree()
        tree.open(.paragraph)
        CommonMarkTreeBuilder(tree: tree, flavor: .text, tags: tags).add(inlines)
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
        case .enter(let node): enter(node)
        case .exit(let node): exit(node)
        }
    }

    private mutating func enter(_ node: CommonMarkNode) {
        switch node {
        case .paragraph:
            startBlock()
            inline.removeAll(keepingCapacity: true)
        case .heading(let level):
            startBlock()
            inline.removeAll(keepingCapacity: true)
            headingLevel = level
        case .blockQuote:
            startBlock()
            prefixes.append(Prefix(first: Array("    ".utf8), rest: Array("    ".utf8)))
        case .list(let ordered, let start, let tight, let numbering):
            startBlock()
            lists.append(ListState(ordered: ordered, next: start, tight: tight, numbering: numbering))
        case .item:
            guard var list = lists.popLast() else { return }
            if !(list.tight && prefixes.last?.used == true) { startBlock() }
            let marker = Array((list.ordered ? "\(list.numbering.marker(list.next)). " : "- ").utf8)
            list.next += 1
            lists.append(list)
            prefixes.append(Prefix(first: marker, rest: Array(repeating: 0x20, count: marker.count)))
            needsBlankLine = false
        case .codeBlock(_, let literal):
            startBlock()
            var bytes = Array(literal.utf8)
            if bytes.last == 0x0A { bytes.removeLast() }
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if line.isEmpty {
                    emitLine([][...])
                } else {
                    emitLine(([0x20, 0x20, 0x20, 0x20] + line)[...])
                }
            }
            needsBlankLine = true
        case .thematicBreak:
            startBlock()
            emitLine(Array(repeating: UInt8(ascii: "-"), count: 20)[...])
            needsBlankLine = true
        case .text(let text), .code(let text):
            inline.append(contentsOf: text.utf8)
        case .softBreak:
            inline.append(0x20)
        case .lineBreak:
            inline.append(0x0A)
        case .image:
            imageStart = inline.count
            inline.append(contentsOf: Array("[image".utf8))
        case .link(let url):
            openLinks.append((url, inline.count))
        case .htmlBlock, .htmlInline, .customBlock, .customInline, .document, .emphasis, .strong, .other:
            break
        }
    }

    private mutating func exit(_ node: CommonMarkNode) {
        switch node {
        case .link:
            guard let (url, start) = openLinks.popLast() else { return }
            // A link whose text is its URL says it already; anchors within the page go nowhere in text.
            let text = String(decoding: inline[start...], as: UTF8.self)
            guard !url.isEmpty, !url.hasPrefix("#"), text != url, text != "<\(url)>" else { return }
            switch links {
            case .inline:
                inline.append(contentsOf: Array(" <\(url)>".utf8))
            case .references:
                let number: Int
                if let known = linkReferences.firstIndex(of: url) {
                    number = known + 1
                } else {
                    linkReferences.append(url)
                    number = linkReferences.count
                }
                inline.append(contentsOf: Array("[\(number)]".utf8))
            case .none:
                break
            }
        case .paragraph:
            for hardLine in inline.split(separator: 0x0A, omittingEmptySubsequences: false) {
                for line in Self.wrap(Array(hardLine), width: max(20, width - prefixWidth)) { emitLine(line[...]) }
            }
            inline.removeAll(keepingCapacity: true)
            needsBlankLine = true
        case .heading:
            let text = inline.map { $0 == 0x0A ? 0x20 : $0 }
            emitLine(text[...])
            let underline: UInt8 = (headingLevel ?? 3) <= 3 ? UInt8(ascii: "~") : UInt8(ascii: "^")
            emitLine(Array(repeating: underline, count: max(3, Self.columns(text[...])))[...])
            inline.removeAll(keepingCapacity: true)
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
            // "[image: alt]", or "[image]" when there is no alternative text.
            if let start = imageStart, inline.count > start + 6 {
                inline.insert(contentsOf: [UInt8(ascii: ":"), 0x20], at: start + 6)
            }
            imageStart = nil
            inline.append(UInt8(ascii: "]"))
        default:
            break
        }
    }

    private mutating func startBlock() {
        if needsBlankLine {
            emitLine([][...], blank: true)
            needsBlankLine = false
        }
    }

    /// Greedy word wrap; a word longer than the width stands on its own line.
    static func wrap(_ text: [UInt8], width: Int) -> [[UInt8]] {
        // Over the contiguous bytes, counting a word's columns while finding its end, each line
        // reserved once at about the width (a word longer than that grows it).
        text.withUnsafeBufferPointer { text in
            let count = text.count
            let lineCapacity = min(count, max(width, 0) + 8)
            var lines: [[UInt8]] = []
            lines.reserveCapacity(count / max(width, 1) + 1)
            var line: [UInt8] = []
            line.reserveCapacity(lineCapacity)
            var lineColumns = 0
            var index = 0
            while index < count {
                while index < count, text[index] == 0x20 { index += 1 }
                let start = index
                var wordColumns = 0
                while index < count, text[index] != 0x20 {
                    if text[index] & 0xC0 != 0x80 { wordColumns += 1 }
                    index += 1
                }
                guard index > start else { break }
                let word = UnsafeBufferPointer(rebasing: text[start..<index])
                if line.isEmpty {
                    line.append(contentsOf: word)
                    lineColumns = wordColumns
                } else if lineColumns + 1 + wordColumns <= width {
                    line.append(0x20)
                    line.append(contentsOf: word)
                    lineColumns += 1 + wordColumns
                } else {
                    lines.append(line)
                    line = []
                    line.reserveCapacity(lineCapacity)
                    line.append(contentsOf: word)
                    lineColumns = wordColumns
                }
            }
            lines.append(line)
            return lines
        }
    }

    /// Characters in UTF-8 bytes (continuation bytes do not count).
    static func columns(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    private var prefixWidth: Int {
        prefixes.reduce(0) { $0 + ($1.used ? $1.rest.count : $1.first.count) }
    }

    private mutating func emitLine(_ text: ArraySlice<UInt8>, blank: Bool = false) {
        let lineStart = output.count
        for index in prefixes.indices {
            if blank {
                output.append(contentsOf: prefixes[index].rest)
            } else {
                output.append(contentsOf: prefixes[index].used ? prefixes[index].rest : prefixes[index].first)
                prefixes[index].used = true
            }
        }
        output.append(contentsOf: text)
        while output.count > lineStart, output[output.count - 1] == 0x20 { output.removeLast() }
        output.append(0x0A)
    }
}
