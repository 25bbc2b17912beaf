import StepDocTestSupport
import StepProject
import StepModel
import StepReports
import StepSyntax
import Testing

/// A report replaces a file without `--force` only when stepdoc wrote it: every format must carry the
/// mark ``StepDocOutput`` looks for, with findings and without, and other files must not.
@Suite struct StepDocOutputTests {
    private static let clean = DiagnosticReport(diagnostics: [], files: ["a.rst"])

    private func recognised(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return StepDocOutput.recognises(head: Array(bytes.prefix(8192)), tail: Array(bytes.suffix(8192)))
    }

    @Test(arguments: ReportFormat.allCases) func recognisesEveryReportFormat(_ format: ReportFormat) {
        let writer = ReportWriter(format: format, reports: [], strict: false, environment: [:])
        for report in [SampleReport.report, Self.clean] {
            let text = writer.render(format, report, completed: true, sources: [])
            #expect(recognised(text), "\(format) not recognised:\n\(text.prefix(300))")
        }
        let stopped = writer.render(
            format, Self.clean.recording([.missingPath("gone.rst")]), completed: false, sources: [])
        #expect(recognised(stopped), "\(format) of a stopped run not recognised:\n\(stopped.prefix(300))")
    }

    @Test func recognisesAReportLongerThanTheWindow() {
        let many = (0..<2000).map { index in
            Diagnostic(
                severity: .warning, id: .stepsNumbering, summary: "finding \(index)",
                location: DiagnosticLocation(
                    file: "a.rst", range: SourceLocation(line: index + 1, column: 1)..<SourceLocation(line: index + 1, column: 2)))
        }
        let report = DiagnosticReport(diagnostics: many, files: ["a.rst"])
        for format in ReportFormat.allCases {
            let text = ReportWriter(format: format, reports: [], strict: false, environment: [:]).render(
                format, report, completed: true, sources: [])
            #expect(text.utf8.count > 16384)
            #expect(recognised(text), "\(format)")
        }
    }

    @Test func doesNotRecogniseOtherFiles() {
        let others = [
            "my notes\n", "{\"name\": \"x\"}\n", "<html><head><title>mine</title></head></html>\n",
            GizaText.twoSteps, "content: [content]\noutput: output\n",
            "Done in 3 files\n", "2 apples in 3 files\n", "{\"version\": 2}\n",
        ]
        for text in others { #expect(!recognised(text), "\(text)") }
    }
}

private enum GizaText {
    static let twoSteps = "Step 1: Connect\n```````````````\n\n   Run it.\n"
}
