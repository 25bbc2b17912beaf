import StepProject
import StepSyntax

/// Turns stepdoc's columns (UTF-8 bytes) into UTF-16 code units, the unit SARIF's default
/// `columnKind` and GitHub's annotations count in. Lines of ASCII are the same in both.
struct SourceColumns {
    private var sources: SourceExcerpts

    init(sources: SourceExcerpts) {
        self.sources = sources
    }

    /// The UTF-16 column of `location` in `path`; the byte column when the file cannot be read.
    mutating func utf16Column(_ location: SourceLocation, in path: String) -> Int {
        guard let file = sources.file(path), location.line >= 1, location.line <= file.lineCount else {
            return location.column
        }
        let lineStart = file.offset(of: SourceLocation(line: location.line, column: 1))
        let offset = file.offset(of: location)
        // Columns past the end of the line (an empty range after the last character) keep their excess.
        let beyond = max(0, location.column - 1 - (offset - lineStart))
        return String(decoding: file.bytes[lineStart..<offset], as: UTF8.self).utf16.count + beyond + 1
    }
}
