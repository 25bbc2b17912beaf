import Foundation
import StepProject
import StepSyntax

/// The Markdown table of every finding that `--format github` appends to the job summary, the file
/// GitHub names in `GITHUB_STEP_SUMMARY`.
///
/// Annotations stop at ten of each kind; the summary has them all, up to GitHub's limit of 1 MiB per
/// step summary (counting what earlier commands of the step wrote), after which a closing line says how
/// many were left out.
public struct GitHubStepSummary {
    /// The environment variable GitHub Actions sets to the summary file of the running step.
    public static let environmentKey = "GITHUB_STEP_SUMMARY"
    /// The most GitHub accepts in one step's summary.
    public static let sizeLimit = 1024 * 1024

    public var sizeLimit: Int

    public init(sizeLimit: Int = GitHubStepSummary.sizeLimit) {
        self.sizeLimit = sizeLimit
    }

    /// Appends the table to the summary file named in `environment`; without one, does nothing.
    public func append(
        _ report: DiagnosticReport, environment: [String: String], directory: WorkingDirectory = .current
    ) throws(StepDocFailure) {
        guard let named = environment[Self.environmentKey], !named.isEmpty else { return }
        let path = directory.resolve(named)
        var info = stat()
        let existing = stat(path, &info) == 0 ? Int(info.st_size) : 0
        let text = markdown(report, budget: sizeLimit - existing)
        guard !text.isEmpty else { return }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw .outputNotWritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .outputNotWritable(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// The summary in at most `budget` bytes of UTF-8: a heading, then a table of the findings, as many
    /// as fit, and a line saying how many did not. Empty when not even the heading fits.
    public func markdown(_ report: DiagnosticReport, budget: Int) -> String {
        var output = "### stepdoc: \(report.summaryLine)\n\n"
        guard !report.diagnostics.isEmpty else { return output.utf8.count <= budget ? output : "" }
        output += "| location | severity | rule | summary |\n| --- | --- | --- | --- |\n"
        let closingRoom = 200
        guard output.utf8.count + closingRoom <= budget else { return "" }
        var size = output.utf8.count
        var shown = 0
        for diagnostic in report.diagnostics {
            let row = self.row(diagnostic)
            let rowSize = row.utf8.count
            guard size + rowSize + closingRoom <= budget else { break }
            output += row
            size += rowSize
            shown += 1
        }
        let left = report.diagnostics.count - shown
        if left > 0 {
            output +=
                "\n_\(left) more \(left == 1 ? "finding is" : "findings are") not shown: a step summary holds "
                + "at most 1 MiB; the log lists them all._\n"
        }
        return output + "\n"
    }

    private func row(_ diagnostic: Diagnostic) -> String {
        let location =
            diagnostic.location.map {
                "\($0.file):\($0.range.lowerBound.line):\($0.range.lowerBound.column)"
            } ?? "stepdoc"
        let cells = [location, diagnostic.severity.rawValue, diagnostic.id.rawValue, diagnostic.summary]
        return "| " + cells.map(Self.escapeCell).joined(separator: " | ") + " |\n"
    }

    /// Makes text safe in a table cell: no line breaks, `|` and `\` escaped, no HTML tags.
    static func escapeCell(_ text: String) -> String {
        var output = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": output += "\\\\"
            case "|": output += "\\|"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\n", "\r", "\t": output += " "
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }
}
