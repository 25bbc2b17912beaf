/// A position as LSP counts it: 0-based line, and a 0-based character offset in the negotiated
/// encoding's code units (UTF-16 unless the client offers another).
public struct Position: Sendable, Hashable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: Position, rhs: Position) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.character < rhs.character
    }

    /// `{"line":…,"character":…}`; `nil` when either is missing or not a whole number.
    init?(json: JSON?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue else { return nil }
        self.init(line: line, character: character)
    }

    var json: JSON { ["line": .integer(line), "character": .integer(character)] }
}

/// A range of positions, end exclusive.
public struct PositionRange: Sendable, Hashable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    init?(json: JSON?) {
        guard let start = Position(json: json?["start"]), let end = Position(json: json?["end"]) else { return nil }
        self.init(start: start, end: end)
    }

    var json: JSON { ["start": start.json, "end": end.json] }

    /// Whether the ranges share a position (touching counts: a cursor at the end of a word is on it).
    func overlaps(_ other: PositionRange) -> Bool {
        !(end < other.start || other.end < start)
    }

    func contains(_ position: Position) -> Bool {
        start <= position && position <= end
    }
}

/// How positions count characters: LSP 3.17's `positionEncoding`.
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// Code units of `scalar` in this encoding.
    func units(of scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: UTF8.width(scalar)
        case .utf16: UTF16.width(scalar)
        case .utf32: 1
        }
    }

    /// The encoding to use among those the client offers: UTF-8 when offered (positions are then byte
    /// offsets, as the parser's columns are), else UTF-16, which every client must accept.
    static func negotiated(offered: [String]) -> PositionEncoding {
        offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    }
}
