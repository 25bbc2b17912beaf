/// A position in a source file: 1-based line, 1-based column counted in UTF-8 bytes.
///
/// Columns count bytes, as cmark and swift-markdown document theirs, so a location can be turned back
/// into a byte offset without decoding the line.
public struct SourceLocation: Hashable, Comparable, Sendable {
    // Stored in 32 bits: every node carries a range, and files are limited far below 2^31 lines.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.storedLine != rhs.storedLine ? lhs.storedLine < rhs.storedLine : lhs.storedColumn < rhs.storedColumn
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
