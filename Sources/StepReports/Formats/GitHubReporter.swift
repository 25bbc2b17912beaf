import Foundation
import StepEscaping
import StepProject
import StepSyntax

/// `--format github`: GitHub Actions workflow commands, which GitHub shows as annotations on the
/// changed lines: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=ID::message`.
///
/// GitHub shows at most ten annotations of each kind per step, so the most important come first: errors,
/// then warnings, then notes (as `::notice`), at most ``annotationsPerKind`` of each. The rest are
/// listed as plain log lines and one final notice says how many were not annotated. Columns are
/// converted to UTF-16 code units and paths made relative to the current folder (the workspace).
public struct GitHubReporter {
    /// How many annotations of one kind GitHub shows for a step.
    public static let annotationsPerKind = 10

    private var columns: SourceColumns
    private let paths: ReportPath

    public init(
        sources: SourceExcerpts = SourceExcerpts(),
        currentDirectory: String = FileManager.default.currentDirectoryPath, pathBase: String? = nil
    ) {
        columns = SourceColumns(sources: sources)
        paths = ReportPath(currentDirectory: currentDirectory, base: pathBase)
    }

    public mutating func render(_ report: DiagnosticReport) -> String {
        let limit = Self.annotationsPerKind
        let errors = report.diagnostics.filter { $0.severity == .error }
        let warnings = report.diagnostics.filter { $0.severity == .warning }
        let notes = report.diagnostics.filter { $0.severity == .note }
        // The closing notice is a notice too: keep a place for it when anything is left over.
        let leftOver = errors.count > limit || warnings.count > limit || notes.count > limit
        let annotated = [
            errors.prefix(limit), warnings.prefix(limit), notes.prefix(leftOver ? limit - 1 : limit),
        ]
        let unannotated = [
            errors.dropFirst(limit), warnings.dropFirst(limit), notes.dropFirst(leftOver ? limit - 1 : limit),
        ].joined()

        var output = ""
        for diagnostic in annotated.joined() {
            output += command(diagnostic) + "\n"
        }
        for diagnostic in unannotated {
            output += plainLine(diagnostic) + "\n"
        }
        output += report.summaryLine + "\n"
        if !unannotated.isEmpty {
            let count = unannotated.count
            let message =
                "\(count) more \(count == 1 ? "finding was" : "findings were") not annotated, as GitHub "
                + "shows \(limit) of each kind per step; the log lists them all"
            output += "::notice::" + TextEscaping.gitHubCommandData(message) + "\n"
        }
        return output
    }

    private mutating func command(_ diagnostic: Diagnostic) -> String {
        let kind: String
        switch diagnostic.severity {
        case .error: kind = "error"
        case .warning: kind = "warning"
        case .note: kind = "notice"
        }
        var properties: [(String, String)] = []
        if let location = diagnostic.location {
            let start = location.range.lowerBound
            let end = location.range.upperBound
            properties.append(("file", paths.relative(location.file)))
            properties.append(("line", String(start.line)))
            // GitHub takes columns only for a range on one line; its end column is the last one covered.
            if start.line == end.line {
                let startColumn = columns.utf16Column(start, in: location.file)
                let endColumn = columns.utf16Column(end, in: location.file)
                properties.append(("col", String(startColumn)))
                properties.append(("endLine", String(end.line)))
                properties.append(("endColumn", String(max(startColumn, endColumn - 1))))
            } else {
                properties.append(("endLine", String(end.line)))
            }
        }
        properties.append(("title", diagnostic.id.rawValue))
        let propertyText = properties.map { "\($0.0)=\(TextEscaping.gitHubCommandProperty($0.1))" }.joined(
            separator: ",")
        return "::\(kind) \(propertyText)::" + TextEscaping.gitHubCommandData(message(diagnostic))
    }

    /// The summary, then the explanation, notes and fix-its on lines of their own.
    private mutating func message(_ diagnostic: Diagnostic) -> String {
        var lines = [diagnostic.summary]
        if let explanation = diagnostic.explanation, !explanation.isEmpty { lines.append(explanation) }
        for note in diagnostic.notes {
            lines.append("note: " + (note.location.map { position($0) + ": " } ?? "") + note.message)
        }
        for fixIt in diagnostic.fixIts {
            let file = fixIt.location.file
            let range = fixIt.location.range
            let start = "\(range.lowerBound.line):\(columns.utf16Column(range.lowerBound, in: file))"
            let end = "\(range.upperBound.line):\(columns.utf16Column(range.upperBound, in: file))"
            lines.append("fix-it: \(fixIt.message): replace \(start)-\(end) with '\(fixIt.replacement)'")
        }
        return lines.joined(separator: "\n")
    }

    private mutating func plainLine(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location.map { position($0) + ": " } ?? "stepdoc: "
        return place + "\(diagnostic.severity.rawValue): \(diagnostic.summary) [\(diagnostic.id)]"
    }

    /// `file:line:column`, the column in UTF-16 code units like the annotations'.
    private mutating func position(_ location: DiagnosticLocation) -> String {
        let start = location.range.lowerBound
        return "\(paths.relative(location.file)):\(start.line):\(columns.utf16Column(start, in: location.file))"
    }
}
