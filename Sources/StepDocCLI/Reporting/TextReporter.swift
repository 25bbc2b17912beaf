import Foundation
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
    public static func wantsColor(fileDescriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
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
        output += paint(position(diagnostic.location), .bold) + " " + paint(severity + ":", color) + " "
            + paint(diagnostic.summary, .bold) + " " + paint("[\(diagnostic.id)]", .dim) + "\n"
        output += excerpt(diagnostic.location, marker: color)
        for note in diagnostic.notes {
            output += paint(position(note.location), .bold) + " " + paint("note:", .cyan) + " " + note.message + "\n"
            output += excerpt(note.location, marker: .cyan)
        }
        for fixIt in diagnostic.fixIts {
            output += "  " + paint("fix-it:", .green) + " \(fixIt.message): replace "
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

    private mutating func excerpt(_ location: DiagnosticLocation?, marker: Style) -> String {
        guard let location, let file = sources.file(location.file) else { return "" }
        let line = location.range.lowerBound.line
        guard line >= 1, line <= file.lineCount else { return "" }
        let raw = file.text(ofLine: line)
        // Columns are bytes; the caret goes under characters, with tabs shown as spaces.
        let bytes = Array(raw.utf8)
        let startByte = min(max(location.range.lowerBound.column - 1, 0), bytes.count)
        let endByte = location.range.upperBound.line == line
            ? min(max(location.range.upperBound.column - 1, startByte), bytes.count) : bytes.count
        let shown = raw.replacingOccurrences(of: "\t", with: "    ")
        func width(_ slice: ArraySlice<UInt8>) -> Int {
            String(decoding: slice, as: UTF8.self).reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
        }
        let caretStart = width(bytes[0..<startByte])
        let caretWidth = max(1, width(bytes[startByte..<endByte]))
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        var output = paint(" \(gutter) | ", .dim) + shown + "\n"
        output += paint(" \(pad) | ", .dim) + String(repeating: " ", count: caretStart)
            + paint("^" + String(repeating: "~", count: caretWidth - 1), marker) + "\n"
        return output
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

    public init(_ files: [SourceFile] = []) {
        self.files = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public mutating func file(_ path: String) -> SourceFile? {
        if let file = files[path] { return file }
        if missing.contains(path) { return nil }
        // A binary file (one the run refused to read) has no lines worth showing.
        guard let data = FileManager.default.contents(atPath: path), data.count <= 16 * 1024 * 1024,
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
