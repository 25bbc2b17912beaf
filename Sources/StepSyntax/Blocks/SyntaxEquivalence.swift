/// Whether two pieces of reStructuredText read the same: equal structure and text, source ranges
/// ignored, and runs of whitespace in running text equal to one space (so re-wrapped or re-indented
/// copies are equivalent, while code and literal text must match exactly).
public enum SyntaxEquivalence {
    public static func equivalent(_ lhs: [BlockNode], _ rhs: [BlockNode]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for index in lhs.indices where !equivalent(lhs[index], rhs[index]) { return false }
        return true
    }

    public static func equivalent(_ lhs: BlockNode, _ rhs: BlockNode) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.paragraph(let a), .paragraph(let b)):
            return equivalent(a.inlines, b.inlines)
        case (.sectionTitle(let a), .sectionTitle(let b)):
            return a.style == b.style && equivalent(a.inlines, b.inlines)
        case (.bulletList(let a), .bulletList(let b)):
            return a.bullet == b.bullet && equivalent(a.items, b.items)
        case (.enumeratedList(let a), .enumeratedList(let b)):
            return a.sequence == b.sequence && a.format == b.format && a.start == b.start
                && equivalent(a.items, b.items)
        case (.definitionList(let a), .definitionList(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy {
                    $0.classifiers == $1.classifiers && equivalent($0.term, $1.term)
                        && equivalent($0.definition, $1.definition)
                }
        case (.fieldList(let a), .fieldList(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && equivalent($0.body, $1.body) }
        case (.literalBlock(let a), .literalBlock(let b)):
            return a == b
        case (.lineBlock(let a), .lineBlock(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { $0.indent == $1.indent && equivalent($0.inlines, $1.inlines) }
        case (.blockQuote(let a), .blockQuote(let b)):
            return equivalent(a, b)
        case (.directive(let a), .directive(let b)):
            return equivalent(a, b)
        case (.comment(let a), .comment(let b)):
            return a == b
        case (.hyperlinkTarget(let a), .hyperlinkTarget(let b)):
            return a.name == b.name && a.isAnonymous == b.isAnonymous && a.destination.text == b.destination.text
        case (.substitutionDefinition(let a), .substitutionDefinition(let b)):
            return a.name == b.name && equivalent(a.directive, b.directive)
        case (.footnote(let a), .footnote(let b)):
            return a.label == b.label && equivalent(a.blocks, b.blocks)
        case (.transition, .transition):
            return true
        default:
            return false
        }
    }

    private static func equivalent(_ lhs: [ListItem], _ rhs: [ListItem]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { equivalent($0.blocks, $1.blocks) }
    }

    private static func equivalent(_ lhs: Directive, _ rhs: Directive) -> Bool {
        guard lhs.name == rhs.name, lhs.argument == rhs.argument, lhs.options.count == rhs.options.count else {
            return false
        }
        for (a, b) in zip(lhs.options, rhs.options) where a.name != b.name || a.value != b.value { return false }
        switch (lhs.content, rhs.content) {
        case (.none, .none): return true
        case (.blocks(let a), .blocks(let b)): return equivalent(a, b)
        case (.literal(let a), .literal(let b)): return a == b
        default: return false
        }
    }

    public static func equivalent(_ lhs: [InlineNode], _ rhs: [InlineNode]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for index in lhs.indices {
            switch (lhs[index].kind, rhs[index].kind) {
            case (.text(let a), .text(let b)):
                if a != b, !whitespaceEquivalent(a, b) { return false }
            case (.interpretedText(let a), .interpretedText(let b)):
                if a.role != b.role || a.rawContent != b.rawContent { return false }
            case (let a, let b):
                if a != b { return false }
            }
        }
        return true
    }

    /// Equal once every run of spaces, tabs and line ends counts as one space.
    public static func whitespaceEquivalent(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        var leftPending: UInt8? = nil
        var rightPending: UInt8? = nil
        func next(_ iterator: inout String.UTF8View.Iterator, _ pending: inout UInt8?) -> UInt8? {
            if let byte = pending {
                pending = nil
                return byte
            }
            guard var byte = iterator.next() else { return nil }
            guard isSpace(byte) else { return byte }
            repeat {
                guard let following = iterator.next() else { return 0x20 }
                byte = following
            } while isSpace(byte)
            pending = byte
            return 0x20
        }
        while true {
            let a = next(&left, &leftPending)
            let b = next(&right, &rightPending)
            if a != b { return false }
            if a == nil { return true }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}

extension HyperlinkTarget.Destination {
    /// The destination's text ("(label)" for a label), ranges aside.
    public var text: String {
        switch self {
        case .url(let url, _): url
        case .alias(let name, _): name + "_"
        case .label: "(label)"
        }
    }
}
