import StepSyntax

/// An open document as the client edits it: its text (which wins over the file on disk), version and
/// a table of line starts for converting positions.
///
/// Text arrives in JSON strings, so the bytes are always valid UTF-8. Lines end at LF, CRLF or CR,
/// as LSP and the parser both split them.
public struct TextDocument: Sendable {
    public let uri: String
    public var languageID: String
    public var version: Int
    public private(set) var bytes: [UInt8]
    /// The offset of each line's first byte; line 0 starts at 0, and a final line end starts one more.
    private var lineStarts: [Int]

    public init(uri: String, languageID: String, version: Int, text: String) {
        self.uri = uri
        self.languageID = languageID
        self.version = version
        bytes = Array(text.utf8)
        lineStarts = Self.lineStarts(of: bytes)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public var lineCount: Int { lineStarts.count }

    /// Replaces `range` (the whole text when `nil`) with `text`.
    public mutating func replace(_ range: PositionRange?, with text: String, encoding: PositionEncoding) {
        guard let range else {
            bytes = Array(text.utf8)
            lineStarts = Self.lineStarts(of: bytes)
            return
        }
        var start = offset(of: range.start, encoding: encoding)
        var end = offset(of: range.end, encoding: encoding)
        if end < start { swap(&start, &end) }
        bytes.replaceSubrange(start..<end, with: text.utf8)
        lineStarts = Self.lineStarts(of: bytes)
    }

    /// The byte offset of `position`: a character past the line's end is its end, a line past the last
    /// is the end of the text, a position inside a character is that character's start.
    public func offset(of position: Position, encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let start = lineStarts[position.line]
        let end = contentEnd(ofLine: position.line)
        guard encoding != .utf8 else {
            var offset = min(start + max(0, position.character), end)
            // Not inside a multi-byte sequence.
            while offset > start, offset < end, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            return offset
        }
        var offset = start
        var units = 0
        while offset < end {
            let (scalar, length) = decode(at: offset)
            let width = encoding.units(of: scalar)
            if units + width > position.character { break }
            units += width
            offset += length
        }
        return offset
    }

    /// The position of a byte offset (clamped to the text).
    public func position(ofOffset rawOffset: Int, encoding: PositionEncoding) -> Position {
        let offset = min(max(0, rawOffset), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        let stop = min(offset, contentEnd(ofLine: low))
        guard encoding != .utf8 else { return Position(line: low, character: stop - start) }
        var units = 0
        var index = start
        while index < stop {
            let (scalar, length) = decode(at: index)
            units += encoding.units(of: scalar)
            index += length
        }
        return Position(line: low, character: units)
    }

    /// The text of a 0-based line, without its line end.
    public func line(_ index: Int) -> String {
        guard index >= 0, index < lineStarts.count else { return "" }
        return String(decoding: bytes[lineStarts[index]..<contentEnd(ofLine: index)], as: UTF8.self)
    }

    /// The byte offset where a 0-based line starts.
    func startOffset(ofLine index: Int) -> Int {
        index < lineStarts.count ? lineStarts[max(0, index)] : bytes.count
    }

    /// The offset just past the last byte of a line before its line end.
    func contentEnd(ofLine index: Int) -> Int {
        let next = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        var end = next
        if end > lineStarts[index], index + 1 < lineStarts.count {
            end -= 1
            if bytes[end] == 0x0A, end > lineStarts[index], bytes[end - 1] == 0x0D { end -= 1 }
        }
        return end
    }

    private func decode(at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, offset + length <= bytes.count else { return (Unicode.Scalar(lead), 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }
}

extension TextDocument {
    /// The LSP position of a parser location in `file` (this document's text read as a source file).
    func position(of location: SourceLocation, in file: SourceFile, encoding: PositionEncoding) -> Position {
        position(ofOffset: file.offset(of: location), encoding: encoding)
    }

    func range(of range: SourceRange, in file: SourceFile, encoding: PositionEncoding) -> PositionRange {
        PositionRange(
            start: position(of: range.lowerBound, in: file, encoding: encoding),
            end: position(of: range.upperBound, in: file, encoding: encoding))
    }
}
