/// A source file as the parser reads it: its path, its bytes and a table of its lines.
///
/// Every parse starts from a `SourceFile`, never from a bare `String`, so every diagnostic can name its
/// file. Line ends may be LF, CRLF or CR; a leading UTF-8 byte-order mark is skipped. Invalid UTF-8 is
/// recorded (with byte offsets), never fatal: text taken from such lines carries U+FFFD.
public struct SourceFile: Sendable {
    /// The path as the user named it; diagnostics print it unchanged.
    public let path: String
    /// The file's bytes, unchanged.
    public let bytes: [UInt8]
    /// One entry per line, in order; line `n` is `lines[n - 1]`.
    package let lines: [SourceLine]
    /// Whether the file starts with a UTF-8 byte-order mark (skipped by the reader).
    public let hasByteOrderMark: Bool
    /// The line-end convention found first in the file.
    public let lineEnding: LineEnding
    /// Byte offsets of invalid UTF-8 sequences, at most ``maximumRecordedInvalidSequences`` of them.
    public let invalidUTF8Offsets: [Int]
    /// Byte offsets of NUL bytes, at most ``maximumRecordedInvalidSequences`` of them.
    public let nulOffsets: [Int]

    /// How many invalid sequences (or NUL bytes) are recorded; one diagnostic each is plenty.
    public static let maximumRecordedInvalidSequences = 100

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        let scan = LineScanner.scan(bytes)
        self.lines = scan.lines
        self.hasByteOrderMark = scan.hasByteOrderMark
        self.lineEnding = scan.lineEnding
        self.invalidUTF8Offsets = scan.invalidUTF8Offsets
        self.nulOffsets = scan.nulOffsets
    }

    /// A file made from text, for tests and for content that did not come from disk.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The number of lines; an empty file has none.
    public var lineCount: Int { lines.count }

    /// The location of a byte offset (which must lie in the file, or at its end).
    public func location(ofOffset offset: Int) -> SourceLocation {
        guard !lines.isEmpty else { return SourceLocation(line: 1, column: 1) }
        var low = 0
        var high = lines.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lines[mid].start) <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(line: low + 1, column: max(1, offset - Int(lines[low].start) + 1))
    }

    /// The byte offset of a location, clamped to the file.
    public func offset(of location: SourceLocation) -> Int {
        guard !lines.isEmpty else { return 0 }
        let index = min(max(location.line - 1, 0), lines.count - 1)
        let line = lines[index]
        return min(Int(line.start) + max(location.column - 1, 0), Int(line.end))
    }

    /// The text of a 1-based line without its line end, for excerpts under diagnostics.
    public func text(ofLine line: Int) -> String {
        guard line >= 1, line <= lines.count else { return "" }
        let entry = lines[line - 1]
        return String(decoding: bytes[Int(entry.start)..<Int(entry.end)], as: UTF8.self)
    }

    /// The text between two byte offsets, decoded leniently.
    package func text(from start: Int, to end: Int) -> String {
        String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The range covering a whole 1-based line (without its line end).
    public func range(ofLine line: Int) -> SourceRange {
        guard line >= 1, line <= lines.count else {
            return SourceLocation(line: line, column: 1)..<SourceLocation(line: line, column: 1)
        }
        let entry = lines[line - 1]
        return SourceLocation(
            line: line, column: 1)..<SourceLocation(line: line, column: Int(entry.end - entry.start) + 1)
    }
}

/// A file's line-end convention.
public enum LineEnding: String, Sendable {
    case lf = "\n"
    case crlf = "\r\n"
    case cr = "\r"
}

/// One line of a source file: byte bounds and its indentation, computed once.
package struct SourceLine: Sendable {
    /// Offset of the first byte of the line.
    package var start: Int32
    /// Offset one past the last byte before the line end.
    package var end: Int32
    /// Offset of the first byte that is not a space or tab (equal to `end` for a blank line).
    package var contentStart: Int32
    /// The indent in the low 31 bits and whether the line holds a tab in the top one: 16 bytes a line
    /// rather than 20, and a 10 MiB file has over 300,000 lines.
    private var indentAndTab: UInt32

    package init(start: Int32, end: Int32, contentStart: Int32, indent: Int32, hasTab: Bool) {
        self.start = start
        self.end = end
        self.contentStart = contentStart
        indentAndTab = UInt32(bitPattern: indent) & 0x7FFF_FFFF | (hasTab ? 0x8000_0000 : 0)
    }

    /// Display columns of leading whitespace, tabs advancing to the next multiple of 8.
    package var indent: Int32 { Int32(bitPattern: indentAndTab & 0x7FFF_FFFF) }
    /// Whether the line holds a tab anywhere (tabs need expanding in literal text).
    package var hasTab: Bool { indentAndTab & 0x8000_0000 != 0 }

    package var isBlank: Bool { contentStart == end }
}

/// The single pass over a file's bytes that finds lines, checks UTF-8 and notes NUL bytes.
enum LineScanner {
    struct Result {
        var lines: [SourceLine] = []
        var hasByteOrderMark = false
        var lineEnding: LineEnding = .lf
        var invalidUTF8Offsets: [Int] = []
        var nulOffsets: [Int] = []
    }

    static func scan(_ bytes: [UInt8]) -> Result {
        var result = Result()
        bytes.withUnsafeBufferPointer { buffer in
            scan(buffer, into: &result)
        }
        return result
    }

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, into result: inout Result) {
        let count = buffer.count
        var index = 0
        if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            result.hasByteOrderMark = true
            index = 3
        }
        // The exact number of lines when they end in LF or CRLF (an upper bound otherwise): the table of
        // a 10 MiB file is megabytes, and growing it by doubling would hold two copies at once.
        result.lines.reserveCapacity(lineFeedCount(buffer) + 1)
        var sawLineEnd = false
        var lineStart = index
        guard index < count else { return }
        while true {
            // Find the end of this line, validating UTF-8 on the way. Eight bytes at a time while none
            // of them is a control byte (line ends, tabs, NUL: all below 0x20) or non-ASCII; then the
            // word that holds one byte by byte, and back to whole words.
            var position = lineStart
            var hasTab = false
            var lineEnd = count
            var next = count
            scanning: while true {
                if let base = buffer.baseAddress {
                    while position + 8 <= count {
                        let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                        let below0x20 = (word &- 0x2020_2020_2020_2020) & ~word
                        if (word | below0x20) & 0x8080_8080_8080_8080 != 0 { break }
                        position += 8
                    }
                }
                guard position < count else { break scanning }
                let stop = min(position + 8, count)
                while position < stop {
                    let byte = buffer[position]
                    if byte < 0x80 {
                        if byte == 0x0A {
                            lineEnd = position
                            next = position + 1
                            if !sawLineEnd { sawLineEnd = true; result.lineEnding = .lf }
                            break scanning
                        } else if byte == 0x0D {
                            lineEnd = position
                            if position + 1 < count, buffer[position + 1] == 0x0A {
                                next = position + 2
                                if !sawLineEnd { sawLineEnd = true; result.lineEnding = .crlf }
                            } else {
                                next = position + 1
                                if !sawLineEnd { sawLineEnd = true; result.lineEnding = .cr }
                            }
                            break scanning
                        } else if byte == 0x09 {
                            hasTab = true
                        } else if byte == 0 {
                            if result.nulOffsets.count < SourceFile.maximumRecordedInvalidSequences {
                                result.nulOffsets.append(position)
                            }
                        }
                        position += 1
                    } else {
                        let length = validSequenceLength(buffer, at: position)
                        if length == 0 {
                            if result.invalidUTF8Offsets.count < SourceFile.maximumRecordedInvalidSequences {
                                result.invalidUTF8Offsets.append(position)
                            }
                            position += 1
                        } else {
                            position += length
                        }
                    }
                }
            }
            result.lines.append(makeLine(buffer, start: lineStart, end: lineEnd, hasTab: hasTab))
            if next >= count {
                // A final line end does not start another (empty) line.
                break
            }
            lineStart = next
        }
    }

    private static func makeLine(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int, hasTab: Bool) -> SourceLine
    {
        var position = start
        var column = 0
        while position < end {
            let byte = buffer[position]
            if byte == 0x20 || byte == 0x0C || byte == 0x0B {
                column += 1
            } else if byte == 0x09 {
                column = (column / 8 + 1) * 8
            } else {
                break
            }
            position += 1
        }
        return SourceLine(
            start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
            contentStart: Int32(truncatingIfNeeded: position), indent: Int32(truncatingIfNeeded: column),
            hasTab: hasTab)
    }

    /// The number of LF bytes, eight bytes at a time.
    private static func lineFeedCount(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var total = 0
        var position = 0
        while position + 8 <= buffer.count {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            // A byte of `word` is zero exactly where the input holds LF; count those bytes.
            let zeroes = ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word | 0x7F7F_7F7F_7F7F_7F7F)
            // One bit (the top one) per LF byte: a multiply sums them into the top byte, where
            // `nonzeroBitCount` would be a dozen instructions on the x86-64 baseline (no POPCNT).
            total += Int(truncatingIfNeeded: ((zeroes >> 7) &* 0x0101_0101_0101_0101) >> 56)
            position += 8
        }
        while position < buffer.count {
            if buffer[position] == 0x0A { total += 1 }
            position += 1
        }
        return total
    }

    /// The length of the valid UTF-8 sequence at `position`, or 0 when it is invalid (RFC 3629).
    private static func validSequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> Int {
        let count = buffer.count
        let lead = buffer[position]
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            position + offset < count && buffer[position + offset] >= low && buffer[position + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0, 0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90, 0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}

extension SourceFile {
    /// An error at each recorded invalid UTF-8 sequence (`rst.invalid-utf8`) and NUL byte
    /// (`rst.invalid-character`), at the byte. Every reader of text files reports these the same way,
    /// whatever the file's format (reST, giza YAML, an included file); `firstLine` is the line of the
    /// file's first line in the file it stands in.
    public func encodingDiagnostics(firstLine: Int = 1) -> [Diagnostic] {
        func diagnostic(at offset: Int, id: RuleID, summary: String, explanation: String) -> Diagnostic {
            var location = location(ofOffset: offset)
            location.line += firstLine - 1
            let end = SourceLocation(line: location.line, column: location.column + 1)
            return Diagnostic(
                severity: .error, id: id, summary: summary, explanation: explanation,
                location: DiagnosticLocation(file: path, range: location..<end))
        }
        return invalidUTF8Offsets.map {
            diagnostic(
                at: $0, id: .rstInvalidUTF8, summary: "invalid UTF-8 at byte offset \($0)",
                explanation: "The file must be UTF-8. The bad bytes are shown as U+FFFD (\u{FFFD}).")
        }
            + nulOffsets.map {
                diagnostic(
                    at: $0, id: .rstInvalidCharacter, summary: "NUL byte at byte offset \($0)",
                    explanation: "A text file has no NUL bytes; is this a binary file, or saved as UTF-16?")
            }
    }
}
