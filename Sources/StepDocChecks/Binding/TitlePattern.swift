/// A step title with typed placeholders: `Your current MongoDB database is running MongoDB {version}+`.
///
/// Syntax: `{name}` or `{name:type}` with a ``PlaceholderType`` (`version`, `number`, `word`,
/// `text`); `{name}` takes the type named like it (`{version}` is a version) or else `text`.
/// `{{` and `}}` are literal braces. A brace that does not open a well-formed placeholder (or
/// names an unknown type) is literal text.
///
/// Matching compares literal text case-insensitively with runs of whitespace collapsed to one
/// space and leading and trailing whitespace ignored, on both sides.
public struct TitlePattern: Sendable, Equatable {
    /// A piece of the pattern.
    public enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(name: String, type: PlaceholderType)
    }

    /// The pattern as written.
    public let raw: String
    /// Literal text and placeholders in order; adjacent literals are merged.
    public let segments: [Segment]

    /// What is wrong with the pattern as written, if anything: a placeholder naming an unknown type
    /// (`{version:vrsion}`), which matching takes as literal text, so that no title would ever match.
    public let problem: String?

    public init(_ raw: String) {
        self.raw = raw
        (segments, problem) = Self.parse(raw)
    }

    /// The placeholders in order, with their types.
    public var placeholders: [(name: String, type: PlaceholderType)] {
        segments.compactMap { segment in
            if case .placeholder(let name, let type) = segment { return (name, type) }
            return nil
        }
    }

    /// The title with `values` put in place of the placeholders; a placeholder without a value
    /// is written as `{name}`.
    public func rendered(with values: [String: String] = [:]) -> String {
        segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .placeholder(let name, _): values[name] ?? "{\(name)}"
            }
        }.joined()
    }

    // MARK: - Parsing

    /// Parses on UTF-8 bytes: braces, colons and names are ASCII, and literal text is copied as it is.
    private static func parse(_ raw: String) -> (segments: [Segment], problem: String?) {
        let bytes = Array(raw.utf8)
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        var segments: [Segment] = []
        var literal: [UInt8] = []
        var problem: String?
        var index = 0
        func flushLiteral() {
            if !literal.isEmpty {
                segments.append(.literal(String(decoding: literal, as: UTF8.self)))
                literal.removeAll(keepingCapacity: true)
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            if byte == open && next == open || byte == close && next == close {
                literal.append(byte)
                index += 2
                continue
            }
            if byte == open, let end = bytes[index...].firstIndex(of: close) {
                switch placeholder(bytes[(index + 1)..<end]) {
                case .placeholder(let segment):
                    flushLiteral()
                    segments.append(segment)
                    index = end + 1
                    continue
                case .unknownType(let body, let type):
                    if problem == nil {
                        let known = PlaceholderType.allCases.map(\.rawValue).joined(separator: ", ")
                        problem = "has placeholder {\(body)} of unknown type '\(type)' (known: \(known))"
                    }
                case .none:
                    break
                }
            }
            literal.append(byte)
            index += 1
        }
        flushLiteral()
        return (segments, problem)
    }

    private enum Parsed {
        case placeholder(Segment)
        case unknownType(body: String, type: String)
        case none
    }

    /// The placeholder whose text between the braces is `body`.
    private static func placeholder(_ body: ArraySlice<UInt8>) -> Parsed {
        let colon = body.firstIndex(of: UInt8(ascii: ":"))
        let nameBytes = body[body.startIndex..<(colon ?? body.endIndex)]
        guard !nameBytes.isEmpty, nameBytes.allSatisfy(isNameByte) else { return .none }
        let name = String(decoding: nameBytes, as: UTF8.self)
        guard let colon else {
            return .placeholder(.placeholder(name: name, type: PlaceholderType(rawValue: name) ?? .text))
        }
        let typeText = String(decoding: body[(colon + 1)...], as: UTF8.self)
        guard let type = PlaceholderType(rawValue: typeText) else {
            return .unknownType(body: String(decoding: body, as: UTF8.self), type: typeText)
        }
        return .placeholder(.placeholder(name: name, type: type))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}

extension TitlePattern: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

extension TitlePattern: CustomStringConvertible {
    public var description: String {
        raw
    }
}
