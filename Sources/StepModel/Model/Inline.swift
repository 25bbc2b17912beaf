import StepSyntax

/// Inline content of a title or paragraph, with roles resolved.
public struct Inline: Sendable, Equatable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public enum Kind: Sendable, Equatable {
        /// Text. A "\n" inside is a soft line break of the source paragraph.
        case text(String)
        case emphasis([Inline])
        case strong([Inline])
        indirect case code(Code)
        indirect case link(Link)
        /// A cross-reference (`:ref:`, `:doc:`, `:term:`) whose target lies outside this file.
        indirect case crossReference(CrossReference)
        /// Text with a semantic role (`:guilabel:`, `:kbd:`, `:file:` …).
        indirect case span(Span)
    }
}

/// Code text; `role` names the role that produced it (`authrole`, `binary` …), if any.
public struct Code: Sendable, Equatable {
    public var text: String
    public var role: String?
    /// The role's target (`clusterMonitor`, `bin.mongod`), before `~` shortening or titles.
    public var target: String?

    public init(text: String, role: String? = nil, target: String? = nil) {
        self.text = text
        self.role = role
        self.target = target
    }
}

public struct Link: Sendable, Equatable {
    public var destination: String
    public var children: [Inline]
    /// The role that produced the link (`manual`, `atlas` …); `nil` for reST hyperlinks.
    public var role: String?

    public init(destination: String, children: [Inline], role: String?) {
        self.destination = destination
        self.children = children
        self.role = role
    }
}

public struct CrossReference: Sendable, Equatable {
    public var role: String
    public var target: String
    public var title: String?

    /// What a reader sees: the explicit title, or a readable form of the target.
    public var displayText: String {
        if let title { return title }
        var text = target
        if text.hasPrefix("~") { text.removeFirst() }
        if role == "doc", let last = text.split(separator: "/").last {
            return String(last).replacingOccurrences(of: "-", with: " ")
        }
        return text
    }

    public init(role: String, target: String, title: String?) {
        self.role = role
        self.target = target
        self.title = title
    }
}

public struct Span: Sendable, Equatable {
    public var role: String
    public var text: String

    public init(role: String, text: String) {
        self.role = role
        self.text = text
    }
}

extension Array where Element == Inline {
    /// The plain text of inline content: roles and literals reduced to their text, breaks to spaces.
    public var plainText: String {
        // Whitespace runs collapse to one space, and none lead or trail, in one pass over the bytes.
        var builder = PlainTextBuilder()
        builder.output.reserveCapacity(64)
        builder.visit(self)
        return String(decoding: builder.output, as: UTF8.self)
    }
}

/// The accumulator of `plainText`: a struct with mutating methods rather than closures capturing the
/// output, so the bytes are appended in place (no boxed captures, no per-byte exclusivity checks).
private struct PlainTextBuilder {
    var output: [UInt8] = []
    var pendingSpace = false

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    pendingSpace = !output.isEmpty
                } else {
                    if pendingSpace { output.append(0x20) }
                    pendingSpace = false
                    output.append(byte)
                }
            }
        }
    }

    mutating func visit(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline.kind {
            case .text(let text): add(text)
            case .emphasis(let children), .strong(let children): visit(children)
            case .code(let code): add(code.text)
            case .link(let link): visit(link.children)
            case .crossReference(let reference): add(reference.displayText)
            case .span(let span): add(span.text)
            }
        }
    }
}

extension String {
    /// Local stand-in for Foundation's `replacingOccurrences`, so the model needs no Foundation.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
