import Foundation
import StepProject
import StepSyntax

/// Compiler-style text: `path:line:col: error: summary [id]`, the source line with a caret under the
/// range, then notes, fix-its and the explanation. Colour only on a terminal and never with NO_COLOR.
public struct TextReporter {
    public var useColor: Bool
    /// Source text for excerpts; files not given are read from disk when needed.
    public var sources: SourceExcerpts

    public init(useColor: Bool, sources: SourceExcerpts) {
        self.useColor = useColor
        self.sources = sources
    }

    /// Whether to colour output on this file descriptor, given the environment.
    public static func wantsColor(
        fileDescriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        if environment["NO_COLOR"] != nil { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }

    public mutating func render(_ report: DiagnosticReport) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            output += render(diagnostic)
        }
        output += paint(report.summaryLine, report.errorCount > 0 ? .bold : .plain) + "\n"
        return output
    }

    public mutating func render(_ diagnostic: Diagnostic) -> String {
        var output = ""
        let severity = diagnostic.severity.rawValue
        let color: Style = diagnostic.severity == .error ? .red : diagnostic.severity == .warning ? .yellow : .cyan
        output +=
            paint(position(diagnostic.location), .bold) + " " + paint(severity + ":", color) + " "
            + paint(diagnostic.summary, .bold) + " " + paint("[\(diagnostic.id)]", .dim) + "\n"
        output += excerpt(diagnostic.location, marker: color)
        for note in diagnostic.notes {
            output += paint(position(note.location), .bold) + " " + paint("note:", .cyan) + " " + note.message + "\n"
            output += excerpt(note.location, marker: .cyan)
        }
        for fixIt in diagnostic.fixIts {
            output +=
                "  " + paint("fix-it:", .green) + " \(fixIt.message): replace "
                + "\(fixIt.location.range.lowerBound)-\(fixIt.location.range.upperBound) with '\(fixIt.replacement)'\n"
        }
        if let explanation = diagnostic.explanation, !explanation.isEmpty {
            for line in explanation.split(separator: "\n", omittingEmptySubsequences: false) {
                output += "  " + line + "\n"
            }
        }
        return output
    }

    private func position(_ location: DiagnosticLocation?) -> String {
        guard let location else { return "stepdoc:" }
        return "\(location.file):\(location.range.lowerBound.line):\(location.range.lowerBound.column):"
    }

    /// Lines longer than this many bytes are shown as a window around the range, so a diagnostic on a
    /// megabyte-long line prints a line of the terminal, not a megabyte.
    static let excerptWindow = 240

    private mutating func excerpt(_ location: DiagnosticLocation?, marker: Style) -> String {
        guard let location, let file = sources.file(location.file) else { return "" }
        let line = location.range.lowerBound.line
        guard line >= 1, line <= file.lineCount else { return "" }
        // Columns are bytes; the caret goes under characters, with tabs shown as spaces. Only the
        // window's bytes are decoded, so each excerpt costs the same however long the line is.
        let lineStart = file.offset(of: SourceLocation(line: line, column: 1))
        let lineLength = file.range(ofLine: line).upperBound.column - 1
        let startByte = min(max(location.range.lowerBound.column - 1, 0), lineLength)
        let endByte =
            location.range.upperBound.line == line
            ? min(max(location.range.upperBound.column - 1, startByte), lineLength) : lineLength
        var windowStart = 0
        var windowEnd = lineLength
        if lineLength > Self.excerptWindow {
            windowStart = max(0, startByte - Self.excerptWindow / 3)
            windowEnd = min(lineLength, windowStart + Self.excerptWindow)
            // Whole characters only: move off UTF-8 continuation bytes.
            while windowStart > 0, file.bytes[lineStart + windowStart] & 0xC0 == 0x80 { windowStart -= 1 }
            while windowEnd < lineLength, file.bytes[lineStart + windowEnd] & 0xC0 == 0x80 { windowEnd += 1 }
        }
        func shown(_ from: Int, _ to: Int) -> (text: String, width: Int) {
            guard from < to else { return ("", 0) }
            var text = ""
            var width = 0
            for character in String(decoding: file.bytes[(lineStart + from)..<(lineStart + to)], as: UTF8.self) {
                width += character == "\t" ? 4 : 1
                text += Self.visible(character)
            }
            return (text, width)
        }
        let before = shown(windowStart, startByte)
        let marked = shown(startByte, min(endByte, windowEnd))
        let after = shown(min(endByte, windowEnd), windowEnd)
        let lead = windowStart > 0 ? "…" : ""
        let trail = windowEnd < lineLength ? "…" : ""
        let caretStart = before.width + lead.count
        let caretWidth = max(1, marked.width)
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        var output = paint(" \(gutter) | ", .dim) + lead + before.text + marked.text + after.text + trail + "\n"
        output +=
            paint(" \(pad) | ", .dim) + String(repeating: " ", count: caretStart)
            + paint("^" + String(repeating: "~", count: caretWidth - 1), marker) + "\n"
        return output
    }

    /// A character as an excerpt shows it: tabs as four spaces, control characters (NUL, escape
    /// sequences that would drive the terminal) as their Unicode control pictures.
    private static func visible(_ character: Character) -> String {
        if character == "\t" { return "    " }
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else {
            return String(character)
        }
        if scalar.value < 0x20, let picture = Unicode.Scalar(0x2400 + scalar.value) {
            return String(Character(picture))
        }
        if scalar.value == 0x7F { return "\u{2421}" }
        return String(character)
    }

    enum Style {
        case plain, bold, dim, red, yellow, cyan, green
    }

    private func paint(_ text: String, _ style: Style) -> String {
        guard useColor else { return text }
        let code: String
        switch style {
        case .plain: return text
        case .bold: code = "1"
        case .dim: code = "2"
        case .red: code = "1;31"
        case .yellow: code = "1;33"
        case .cyan: code = "1;36"
        case .green: code = "1;32"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

/// Source files for excerpts: those the run read, and others read on demand (included files,
/// stepdoc.yml, Swift declarations).
public struct SourceExcerpts {
    private var files: [String: SourceFile]
    private var missing: Set<String> = []
    private let directory: WorkingDirectory

    public init(_ files: [SourceFile] = [], directory: WorkingDirectory = .current) {
        self.files = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.directory = directory
    }

    public mutating func file(_ path: String) -> SourceFile? {
        if let file = files[path] { return file }
        if missing.contains(path) { return nil }
        // A binary file (one the run refused to read) has no lines worth showing.
        guard let data = FileManager.default.contents(atPath: directory.resolve(path)), data.count <= 16 * 1024 * 1024,
            !SourceReader.looksBinary([UInt8](data))
        else {
            missing.insert(path)
            return nil
        }
        let file = SourceFile(path: path, bytes: [UInt8](data))
        files[path] = file
        return file
    }
}
