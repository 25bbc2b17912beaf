/// Fills lines of unbreakable pieces up to a column limit, the way giza's YAML bodies are wrapped.
///
/// Works on bytes: the corpus is ASCII, so a byte is a column. A piece longer than the limit gets a line of
/// its own rather than being broken.
package struct LineWrapper {
    package static let space = UInt8(ascii: " ")
    package static let newline = UInt8(ascii: "\n")

    private let width: Int
    private let continuationPrefix: [UInt8]
    private var column: Int
    private var lineIsEmpty = true

    /// Starts a wrapped block: writes `firstPrefix`; continuation lines start with `continuationPrefix`.
    package init(width: Int = 80, firstPrefix: [UInt8], continuationPrefix: [UInt8], into output: inout [UInt8]) {
        self.width = width
        self.continuationPrefix = continuationPrefix
        output.append(contentsOf: firstPrefix)
        column = firstPrefix.count
    }

    /// Writes `piece` (plus its punctuation), after a space or on a new line.
    package mutating func append(_ piece: [UInt8], punctuation: UInt8 = 0, into output: inout [UInt8]) {
        let length = piece.count + (punctuation == 0 ? 0 : 1)
        if !lineIsEmpty {
            if column + 1 + length > width {
                breakLine(into: &output)
            } else {
                output.append(Self.space)
                column += 1
            }
        }
        output.append(contentsOf: piece)
        if punctuation != 0 { output.append(punctuation) }
        column += length
        lineIsEmpty = false
    }

    /// Ends the current line; the next piece starts a continuation line.
    package mutating func breakLine(into output: inout [UInt8]) {
        output.append(Self.newline)
        output.append(contentsOf: continuationPrefix)
        column = continuationPrefix.count
        lineIsEmpty = true
    }

    /// Ends the block's last line.
    package func finish(into output: inout [UInt8]) {
        output.append(Self.newline)
    }
}
