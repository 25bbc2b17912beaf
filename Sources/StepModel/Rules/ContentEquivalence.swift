import StepSyntax

/// Whether two copies of content say the same thing: equal structure and text, ranges ignored, runs
/// of whitespace in running text equal to one space. Allocation-free, so agreeing copies (the common
/// case) cost one walk; ``CanonicalText`` is built only to describe a difference.
enum ContentEquivalence {
    static func equal(_ lhs: [Block], _ rhs: [Block]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // A print copy that shares its HTML copy's blocks is equal without a walk.
        let same = lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { left.baseAddress == $0.baseAddress }
        }
        if same { return true }
        for index in lhs.indices where !equal(lhs[index], rhs[index]) { return false }
        return true
    }

    static func equal(_ lhs: Block, _ rhs: Block) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.paragraph(let a), .paragraph(let b)):
            return equal(a, b)
        case (.heading(let a), .heading(let b)):
            return a.level == b.level && equal(a.inlines, b.inlines)
        case (.codeBlock(let a), .codeBlock(let b)):
            return a == b
        case (.list(let a), .list(let b)):
            guard a.style == b.style, a.start == b.start, a.items.count == b.items.count else { return false }
            return zip(a.items, b.items).allSatisfy { equal($0, $1) }
        case (.definitionList(let a), .definitionList(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { equal($0.term, $1.term) && equal($0.definition, $1.definition) }
        case (.admonition(let a), .admonition(let b)):
            return a.kind == b.kind && equalOptional(a.title, b.title) && equal(a.body, b.body)
        case (.figure(let a), .figure(let b)):
            return a.uri == b.uri && a.alt == b.alt && a.width == b.width && a.height == b.height
                && a.figureWidth == b.figureWidth && a.align == b.align && a.target == b.target
                && a.classes == b.classes && a.isImage == b.isImage && equal(a.caption, b.caption)
                && equal(a.legend, b.legend)
        case (.include(let a), .include(let b)):
            return a.path == b.path
        case (.literalInclude(let a), .literalInclude(let b)):
            return a.path == b.path && a.language == b.language && a.code == b.code && a.isCopyable == b.isCopyable
        case (.tabs(let a), .tabs(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { $0.id == $1.id && equal($0.title, $1.title) && equal($0.body, $1.body) }
        case (.raw(let a), .raw(let b)):
            return a == b
        case (.conditional(let a), .conditional(let b)):
            return a.expression == b.expression && equal(a.body, b.body)
        case (.blockQuote(let a), .blockQuote(let b)):
            return equal(a, b)
        case (.container(let a), .container(let b)):
            return a.classes == b.classes && equal(a.body, b.body)
        case (.lineBlock(let a), .lineBlock(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.footnote(let a), .footnote(let b)):
            return a.label == b.label && equal(a.body, b.body)
        case (.transition, .transition):
            return true
        case (.unknownDirective(let a), .unknownDirective(let b)):
            return a.name == b.name && a.argument == b.argument && a.options == b.options && equal(a.body, b.body)
        default:
            return false
        }
    }

    private static func equalOptional(_ lhs: [Inline]?, _ rhs: [Inline]?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (let a?, let b?): equal(a, b)
        default: false
        }
    }

    /// Inline content compares as a stream: text nodes may be split differently, whitespace runs
    /// (line breaks of the source included) count as one space.
    static func equal(_ lhs: [Inline], _ rhs: [Inline]) -> Bool {
        // Copies are nearly always split into the same nodes: compare node by node first.
        if lhs.count == rhs.count {
            var index = 0
            while index < lhs.count, sameNode(lhs[index], rhs[index]) { index += 1 }
            if index == lhs.count { return true }
        }
        return streamsEqual(lhs, rhs)
    }

    private static func sameNode(_ lhs: Inline, _ rhs: Inline) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.text(let a), .text(let b)): return a == b || SyntaxEquivalence.whitespaceEquivalent(a, b)
        case (.emphasis(let a), .emphasis(let b)), (.strong(let a), .strong(let b)): return equal(a, b)
        case (.code(let a), .code(let b)): return a == b
        case (.link(let a), .link(let b)):
            return a.destination == b.destination && a.role == b.role && equal(a.children, b.children)
        case (.crossReference(let a), .crossReference(let b)): return a == b
        case (.span(let a), .span(let b)): return a == b
        default: return false
        }
    }

    private static func streamsEqual(_ lhs: [Inline], _ rhs: [Inline]) -> Bool {
        var left = InlineStream(lhs)
        var right = InlineStream(rhs)
        while true {
            let a = left.next()
            let b = right.next()
            if a != b { return false }
            if a == nil { return true }
        }
    }

    /// A flat stream of tokens over inline content: bytes of text (whitespace collapsed) and markers
    /// for everything that is not plain text.
    private struct InlineStream {
        enum Token: Equatable {
            case byte(UInt8)
            case open(Int)
            case close
            case code(Code)
            case link(String, String?)
            case reference(CrossReference)
            case span(Span)
        }

        private var stack: [(inlines: [Inline], index: Int)]
        private var text: String.UTF8View? = nil
        private var textIndex: String.UTF8View.Index? = nil
        private var pendingSpace = false
        private var started = false
        private var queued: Token? = nil

        init(_ inlines: [Inline]) {
            stack = [(inlines, 0)]
        }

        mutating func next() -> Token? {
            if let queued {
                self.queued = nil
                return queued
            }
            while true {
                if let view = text, var index = textIndex {
                    while index < view.endIndex {
                        let byte = view[index]
                        index = view.index(after: index)
                        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                            pendingSpace = started
                            continue
                        }
                        textIndex = index
                        started = true
                        if pendingSpace {
                            pendingSpace = false
                            queued = .byte(byte)
                            return .byte(0x20)
                        }
                        return .byte(byte)
                    }
                    text = nil
                    textIndex = nil
                }
                guard var top = stack.popLast() else { return nil }
                guard top.index < top.inlines.count else {
                    if !stack.isEmpty { return flush(.close) }
                    continue
                }
                let inline = top.inlines[top.index]
                top.index += 1
                stack.append(top)
                switch inline.kind {
                case .text(let value):
                    text = value.utf8
                    textIndex = value.utf8.startIndex
                case .emphasis(let children):
                    stack.append((children, 0))
                    return flush(.open(1))
                case .strong(let children):
                    stack.append((children, 0))
                    return flush(.open(2))
                case .link(let link):
                    stack.append((link.children, 0))
                    return flush(.link(link.destination, link.role))
                case .code(let code): return flush(.code(code))
                case .crossReference(let reference): return flush(.reference(reference))
                case .span(let span): return flush(.span(span))
                }
            }
        }

        /// A pending space comes before a non-text token.
        private mutating func flush(_ token: Token) -> Token {
            started = true
            if pendingSpace {
                pendingSpace = false
                queued = token
                return .byte(0x20)
            }
            return token
        }
    }
}
