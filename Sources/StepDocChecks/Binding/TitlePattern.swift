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

    public init(_ raw: String) {
        self.raw = raw
        self.segments = Self.parse(raw)
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

    /// What is wrong with the pattern as written, if anything: a placeholder naming an unknown type
    /// (`{version:vrsion}`), which matching would take as literal text, so that no title ever matches.
    public var problem: String? {
        let characters = Array(raw)
        var index = 0
        while index < characters.count {
            if characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" {
                index += 2
                continue
            }
            if characters[index] == "{", let close = characters[index...].firstIndex(of: "}") {
                let body = String(characters[(index + 1)..<close])
                let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2, !parts[0].isEmpty,
                    parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
                    PlaceholderType(rawValue: String(parts[1])) == nil
                {
                    let known = PlaceholderType.allCases.map(\.rawValue).joined(separator: ", ")
                    return "has placeholder {\(body)} of unknown type '\(parts[1])' (known: \(known))"
                }
            }
            index += 1
        }
        return nil
    }

    // MARK: - Parsing

    private static func parse(_ raw: String) -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        let characters = Array(raw)
        var index = 0
        func flushLiteral() {
            if !literal.isEmpty {
                segments.append(.literal(literal))
                literal = ""
            }
        }
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "{" && next == "{" || character == "}" && next == "}" {
                literal.append(character)
                index += 2
            } else if character == "{", let (placeholder, end) = placeholder(in: characters, at: index) {
                flushLiteral()
                segments.append(placeholder)
                index = end
            } else {
                literal.append(character)
                index += 1
            }
        }
        flushLiteral()
        return segments
    }

    /// The placeholder starting at the `{` at `start`, and the index after its `}`.
    private static func placeholder(in characters: [Character], at start: Int) -> (Segment, Int)? {
        guard let close = characters[start...].firstIndex(of: "}") else { return nil }
        let body = String(characters[(start + 1)..<close])
        let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            return nil
        }
        let type: PlaceholderType
        if parts.count == 2 {
            guard let declared = PlaceholderType(rawValue: String(parts[1])) else { return nil }
            type = declared
        } else {
            type = PlaceholderType(rawValue: name) ?? .text
        }
        return (.placeholder(name: name, type: type), close + 1)
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
