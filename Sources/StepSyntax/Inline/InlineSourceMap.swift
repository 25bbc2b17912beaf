/// Maps offsets in a paragraph's joined text back to source locations.
///
/// A paragraph's lines are joined with "\n" after their indentation is removed; each line becomes a
/// segment that remembers where it started in the file.
package struct InlineSourceMap: Sendable {
    package struct Segment: Sendable {
        /// Offset of the segment's first byte in the joined text.
        package var textOffset: Int
        /// 1-based line and byte column of that first byte in the file.
        package var line: Int
        package var column: Int
    }

    package var segments: [Segment] = []

    package init() {}

    package init(line: Int, column: Int) {
        segments = [Segment(textOffset: 0, line: line, column: column)]
    }

    package mutating func append(textOffset: Int, line: Int, column: Int) {
        segments.append(Segment(textOffset: textOffset, line: line, column: column))
    }

    /// The source location of a text offset. An offset at a joining "\n" maps to the end of its line.
    package func location(at offset: Int) -> SourceLocation {
        guard !segments.isEmpty else { return SourceLocation(line: 1, column: 1) }
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].textOffset <= offset { low = mid } else { high = mid - 1 }
        }
        let segment = segments[low]
        return SourceLocation(line: segment.line, column: segment.column + offset - segment.textOffset)
    }

    package func range(_ start: Int, _ end: Int) -> SourceRange {
        let lower = location(at: start)
        let upper = location(at: end)
        return lower..<max(lower, upper)
    }
}
