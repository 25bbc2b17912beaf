import StepSyntax

/// `.. stepdoc: ignore[rule-id, …]` comments: each silences those rules on the next non-blank line.
public struct Suppressions: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var ids: [String]
        /// Where the comment is, for reporting ids no rule has.
        public var range: SourceRange
        /// The 1-based line it silences.
        public var line: Int
    }

    public var file: String
    public var entries: [Entry]

    public init(tree: SyntaxTree) {
        file = tree.file.path
        var entries: [Entry] = []
        Self.collect(tree.blocks, file: tree.file, into: &entries)
        self.entries = entries
    }

    /// No ignore comments yet; ``collect(_:file:)`` adds those of blocks as they are read.
    public init(file: String) {
        self.file = file
        entries = []
    }

    /// Adds the ignore comments in `blocks`.
    public mutating func collect(_ blocks: [BlockNode], file: SourceFile) {
        Self.collect(blocks, file: file, into: &entries)
    }

    /// Whether an ignore comment silences this diagnostic.
    public func suppresses(_ diagnostic: Diagnostic) -> Bool {
        guard let location = diagnostic.location, location.file == file else { return false }
        let line = location.range.lowerBound.line
        return entries.contains { $0.line == line && ($0.ids.contains(diagnostic.id.rawValue) || $0.ids.contains("*")) }
    }

    private static func collect(_ blocks: [BlockNode], file: SourceFile, into entries: inout [Entry]) {
        for block in blocks {
            switch block.kind {
            case .comment(let comment):
                guard let ids = ids(in: comment.text) else { continue }
                var line = block.range.upperBound.line + 1
                while line <= file.lineCount, file.text(ofLine: line).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    line += 1
                }
                entries.append(Entry(ids: ids, range: block.range, line: line))
            case .directive(let directive):
                if case .blocks(let children) = directive.content { collect(children, file: file, into: &entries) }
            case .bulletList(let list):
                for item in list.items { collect(item.blocks, file: file, into: &entries) }
            case .enumeratedList(let list):
                for item in list.items { collect(item.blocks, file: file, into: &entries) }
            case .blockQuote(let children):
                collect(children, file: file, into: &entries)
            case .definitionList(let items):
                for item in items { collect(item.definition, file: file, into: &entries) }
            case .fieldList(let fields):
                for field in fields { collect(field.body, file: file, into: &entries) }
            case .footnote(let footnote):
                collect(footnote.blocks, file: file, into: &entries)
            case .paragraph, .sectionTitle, .literalBlock, .lineBlock, .hyperlinkTarget, .substitutionDefinition,
                .transition:
                break
            }
        }
    }

    /// The ids of `stepdoc: ignore[a, b]`, or `nil` when the comment is not one.
    static func ids(in text: String) -> [String]? {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix("stepdoc:") else { return nil }
        let rest = trimmed.dropFirst("stepdoc:".count).drop { $0 == " " }
        guard rest.hasPrefix("ignore["), let close = rest.firstIndex(of: "]") else { return nil }
        let inside = rest[rest.index(rest.startIndex, offsetBy: "ignore[".count)..<close]
        let ids = inside.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        return ids.isEmpty ? nil : ids
    }
}
