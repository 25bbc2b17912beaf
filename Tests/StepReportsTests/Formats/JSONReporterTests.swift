import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import StepSyntax
import Testing

/// The JSON report: valid JSON, stable keys, nulls where there is nothing.
@Suite struct JSONReporterTests {
    private func document(_ report: DiagnosticReport) throws -> [String: Any] {
        let text = JSONReporter().render(report)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    @Test func parsesBackWithEveryFinding() throws {
        let document = try document(SampleReport.report)
        #expect(document["version"] as? Int == 1)
        #expect(document["files"] as? Int == 3)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["id"] as? String ?? "" } == SampleReport.report.diagnostics.map(\.id.rawValue))
        #expect(diagnostics[0]["explanation"] as? String == SampleReport.report.diagnostics[0].explanation)
        #expect(diagnostics[2]["explanation"] is NSNull)
        #expect(diagnostics[4]["file"] is NSNull && diagnostics[4]["line"] is NSNull)
        let note = try #require((diagnostics[0]["notes"] as? [[String: Any]])?.first)
        #expect(note["line"] as? Int == SampleReport.alpha["3️⃣"].line)
        let fixIt = try #require((diagnostics[3]["fixIts"] as? [[String: Any]])?.first)
        #expect(fixIt["replacement"] as? String == "2")
    }

    @Test func writesKeysInTheDocumentedOrder() {
        let text = JSONReporter().render(SampleReport.report)
        let keys = [
            "\"id\"", "\"severity\"", "\"file\"", "\"line\"", "\"column\"", "\"endLine\"", "\"endColumn\"",
            "\"summary\"", "\"explanation\"", "\"notes\"", "\"fixIts\"",
        ]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(text.hasPrefix("{\n  \"version\": 1,\n  \"files\": 3,\n  \"diagnostics\": ["))
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() throws {
        let summary = "a \"quoted\" \\path\\ with\ttab, \u{1}, \u{1B}[0m, \u{7F} and \u{2028}"
        let start = SourceLocation(line: 1, column: 1)
        let diagnostic = Diagnostic(
            severity: .warning, id: "rst.markup", summary: summary,
            location: DiagnosticLocation(file: "ü/a.rst", range: start..<start))
        let text = JSONReporter().render(DiagnosticReport(diagnostics: [diagnostic], files: ["ü/a.rst"]))
        #expect(text.contains(#""a \"quoted\" \\path\\ with\ttab, \u0001, \u001b[0m, \u007f and \u2028""#))
        let document = try document(DiagnosticReport(diagnostics: [diagnostic], files: []))
        let parsed = try #require((document["diagnostics"] as? [[String: Any]])?.first)
        #expect(parsed["summary"] as? String == summary)
        #expect(parsed["file"] as? String == "ü/a.rst")
    }
}
