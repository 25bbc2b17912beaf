/// An inline element of a paragraph or title, with its source range.
public struct InlineNode: Sendable, Equatable {
    public var kind: InlineKind
    public var range: SourceRange

    public init(kind: InlineKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The inline elements of reStructuredText. reST inline markup does not nest, so most carry text.
public enum InlineKind: Sendable, Equatable {
    /// Plain text, backslash escapes resolved. Line breaks inside a paragraph are kept as "\n".
    case text(String)
    case emphasis(String)
    case strong(String)
    /// ``literal`` text, exactly as written.
    case literal(String)
    /// `` :role:`content` `` or `` `content`:role: `` or `` `content` `` (no role: the default role).
    indirect case interpretedText(InterpretedText)
    /// `` `text <url>`_ ``, `` `text`_ ``, `name_`, and their anonymous `__` forms.
    indirect case reference(Reference)
    /// A URL or e-mail address written out in the text.
    indirect case standaloneURI(StandaloneURI)
    /// `|name|`, `|name|_`.
    case substitutionReference(SubstitutionReference)
    /// `` _`text` ``: text that is also a link target.
    case inlineTarget(String)
    /// `[1]_`, `[#note]_`, `[*]_`, `[CIT2002]_`.
    case footnoteReference(String)
}

/// Interpreted text: a role applied to content.
public struct InterpretedText: Sendable, Equatable {
    /// The role name, or `nil` for the default role.
    public var role: String?
    public var roleRange: SourceRange?
    /// The content between the backticks, backslashes kept (roles decide how to read it).
    public var rawContent: String

    public init(role: String?, roleRange: SourceRange?, rawContent: String) {
        self.role = role
        self.roleRange = roleRange
        self.rawContent = rawContent
    }

    /// The content with backslash escapes resolved.
    public var content: String { Escapes.resolve(rawContent) }

    /// The explicit title and target of `title <target>` content; `title` is `nil` without one.
    ///
    /// A `<` escaped with a backslash does not start a target, as in Sphinx.
    public var titleAndTarget: (title: String?, target: String) {
        let bytes = Array(rawContent.utf8)
        guard let last = bytes.last, last == UInt8(ascii: ">") else {
            return (nil, Escapes.resolve(rawContent))
        }
        var index = bytes.count - 2
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "<") {
                let escaped = index > 0 && bytes[index - 1] == UInt8(ascii: "\\")
                if !escaped { break }
            }
            index -= 1
        }
        guard index >= 0 else { return (nil, Escapes.resolve(rawContent)) }
        let title = String(decoding: bytes[0..<index], as: UTF8.self)
        let target = String(decoding: bytes[(index + 1)..<(bytes.count - 1)], as: UTF8.self)
        let trimmedTitle = Escapes.resolve(title).trimmingWhitespace()
        return (trimmedTitle.isEmpty ? nil : trimmedTitle, Escapes.resolve(target).trimmingWhitespace())
    }
}

/// A hyperlink reference.
public struct Reference: Sendable, Equatable {
    /// The link text as shown.
    public var text: String
    public var target: Target
    /// `__` rather than `_`: refers to the next anonymous target.
    public var isAnonymous: Bool

    public init(text: String, target: Target, isAnonymous: Bool) {
        self.text = text
        self.target = target
        self.isAnonymous = isAnonymous
    }

    public enum Target: Sendable, Equatable {
        /// `` `text <url>`_ ``: the URL is embedded.
        case embeddedURI(String)
        /// `` `text <name_>`_ ``: an embedded reference to a named target.
        case embeddedAlias(String)
        /// `` `text`_ `` or `name_`: a named target, by its name.
        case name(String)
        /// `` `text`__ ``: the next anonymous target.
        case anonymous
    }
}

/// A URL or e-mail address in running text.
public struct StandaloneURI: Sendable, Equatable {
    public var text: String
    public var isEmail: Bool

    public init(text: String, isEmail: Bool) {
        self.text = text
        self.isEmail = isEmail
    }

    /// The address to link to (`mailto:` added for e-mail addresses).
    public var destination: String { isEmail ? "mailto:" + text : text }
}

/// A substitution reference.
public struct SubstitutionReference: Sendable, Equatable {
    public var name: String
    /// `|name|_` or `|name|__`: the substitution is also a reference.
    public var isReference: Bool

    public init(name: String, isReference: Bool) {
        self.name = name
        self.isReference = isReference
    }
}

/// Backslash escapes, as docutils reads them.
public enum Escapes {
    /// `\x` becomes `x`; a backslash before whitespace disappears together with that whitespace.
    public static func resolve(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "\\")) else { return text }
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if next == 0x20 || next == 0x0A || next == 0x09 {
                    index += 2
                } else {
                    output.append(next)
                    index += 2
                }
                continue
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension String {
    /// Whether the UTF-8 bytes hold `byte`: a loop over contiguous storage, not the generic
    /// `Sequence.contains` over the UTF-8 view.
    package func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { $0.contains(byte) }
    }

    /// The string without leading and trailing spaces, tabs and line ends.
    package func trimmingWhitespace() -> String {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while start < end, isSpace(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        if start == bytes.startIndex && end == bytes.endIndex { return self }
        return String(self[start..<end])
    }
}
