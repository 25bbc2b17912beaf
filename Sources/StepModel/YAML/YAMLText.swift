import StepSyntax

/// A text field of a giza YAML step (`title`, `pre`, `content`, `code` …) with where it is written, so
/// the reStructuredText inside it is read with positions in the YAML file.
///
/// A block scalar (`content: |`) starts on the line after its indicator, every line at the block's
/// indentation: its text maps line for line onto the file. A flow scalar (`title: "…"`) starts at its
/// first character; when it spans lines (folded by YAML), its later lines map only roughly.
struct YAMLText: Sendable {
    var text: String
    /// The file the field is written in (inherited fields come from another file).
    var file: SourceFile
    /// 1-based line of the text's first line.
    var line: Int
    /// 1-based byte column where each of the text's lines starts.
    var column: Int
    /// The scalar in the file, from its first character (or block indicator) to its end.
    var range: SourceRange

    /// A copy of the text with `{{name}}` replaced by each replacement's value (giza's `replacement`).
    func replacing(_ replacements: [String: String]) -> YAMLText {
        guard !replacements.isEmpty, text.contains("{{") else { return self }
        var copy = self
        for (name, value) in replacements.sorted(by: { $0.key < $1.key }) {
            copy.text = copy.text.replacing("{{\(name)}}", with: value)
        }
        return copy
    }

    /// A source file holding the text at its place in the YAML file: blank lines above it, each line
    /// indented to its column, so a syntax tree read from it has ranges in the YAML file. (For Yams,
    /// whose marks count from the top; the reST reader takes ``indentedSource`` and a first line.)
    var positionedSource: SourceFile {
        var bytes = Array(repeating: UInt8(0x0A), count: max(0, line - 1))
        bytes += indentedBytes
        return SourceFile(path: file.path, bytes: bytes)
    }

    /// The text with each line indented to its column, to be read with ``ParseOptions/firstLine`` set to
    /// ``line``: the same positions as ``positionedSource`` without the blank lines above, so reading
    /// every field of a file costs the size of the fields, not the size of the file for each.
    var indentedSource: SourceFile {
        SourceFile(path: file.path, bytes: indentedBytes)
    }

    private var indentedBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + column * 8)
        var first = true
        for part in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if !first { bytes.append(0x0A) }
            first = false
            if !part.isEmpty { bytes.append(contentsOf: repeatElement(0x20, count: max(0, column - 1))) }
            bytes.append(contentsOf: part)
        }
        return bytes
    }

    /// The location of the text's first character.
    var start: SourceLocation { SourceLocation(line: line, column: column) }
}
