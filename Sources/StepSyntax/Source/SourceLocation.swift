/// A position in a source file: 1-based line, 1-based column counted in UTF-8 bytes.
///
/// Columns count bytes, as cmark and swift-markdown document theirs, so a location can be turned back
/// into a byte offset without decoding the line.
public struct SourceLocation: Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }
}

extension SourceLocation: CustomStringConvertible {
    public var description: String { "\(line):\(column)" }
}

/// A half-open range of source positions; every syntax and model node carries one.
public typealias SourceRange = Range<SourceLocation>

extension Range where Bound == SourceLocation {
    /// `12:4-12:9`, or `12:4-14:2` across lines: the form tree dumps and goldens use.
    public var dumpDescription: String {
        "\(lowerBound.line):\(lowerBound.column)-\(upperBound.line):\(upperBound.column)"
    }
}
