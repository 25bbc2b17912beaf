import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import StepSyntax
import Testing

/// GitHub workflow commands: escaping, the ten-per-kind limit, and the job summary.
@Suite struct GitHubReporterTests {
    private func render(_ diagnostics: [Diagnostic], files: [String] = ["a.rst"]) -> [String] {
        var reporter = GitHubReporter(currentDirectory: "/work/project")
        let text = reporter.render(DiagnosticReport(diagnostics: diagnostics, files: files))
        return text.split(separator: "\n").map(String.init)
    }

    private func finding(
        _ severity: Diagnostic.Severity, line: Int = 1, in file: String = "a.rst", summary: String? = nil
    ) -> Diagnostic {
        let start = SourceLocation(line: line, column: 3)
        return Diagnostic(
            severity: severity, id: "steps.numbering", summary: summary ?? "\(severity) on line \(line)",
            location: DiagnosticLocation(file: file, range: start..<SourceLocation(line: line, column: 7)))
    }

    @Test func escapesPercentLineEndsColonsAndCommas() {
        let diagnostic = finding(.error, in: "docs/a,b:c%.rst", summary: "100% done\r\nnext: a, b")
        let lines = render([diagnostic])
        #expect(
            lines.first
                == "::error file=docs/a%2Cb%3Ac%25.rst,line=1,col=3,endLine=1,endColumn=6,title=steps.numbering"
                + "::100%25 done%0D%0Anext: a, b")
        // The message is one line: nothing of it leaks onto a line of its own.
        #expect(lines.count == 2, "\(lines)")
    }

    @Test func annotatesErrorsBeforeWarningsAndNotes() {
        let lines = render([finding(.note, line: 1), finding(.warning, line: 2), finding(.error, line: 3)])
        #expect(lines.map { $0.prefix(while: { $0 != " " }) } == ["::error", "::warning", "::notice", "1"], "\(lines)")
    }

    @Test func annotatesAtMostTenOfEachKindAndSaysHowManyMoreThereAre() {
        let warnings = (1...11).map { finding(.warning, line: $0) }
        let errors = (20...31).map { finding(.error, line: $0) }
        let notes = (40...42).map { finding(.note, line: $0) }
        let lines = render(warnings + errors + notes)
        let errorLines = lines.filter { $0.hasPrefix("::error ") }
        let warningLines = lines.filter { $0.hasPrefix("::warning ") }
        let noticeLines = lines.filter { $0.hasPrefix("::notice") }
        #expect(errorLines.count == 10)
        #expect(warningLines.count == 10)
        #expect(noticeLines.count == 4, "three notes and the closing notice: \(noticeLines)")
        // The first ten errors, in source order, before any warning.
        #expect(errorLines.first?.contains("line=20,") == true)
        #expect(errorLines.last?.contains("line=29,") == true)
        #expect(
            lines.firstIndex { $0.hasPrefix("::warning ") } ?? 0 > lines.lastIndex { $0.hasPrefix("::error ") } ?? 0)
        // The rest are plain log lines, and the last line says how many were left out.
        #expect(lines.contains("a.rst:30:3: error: error on line 30 [steps.numbering]"))
        #expect(lines.contains("a.rst:11:3: warning: warning on line 11 [steps.numbering]"))
        #expect(
            lines.last == "::notice::3 more findings were not annotated, as GitHub shows 10 of each "
                + "kind per step; the log lists them all")
    }

    @Test func keepsAPlaceForTheClosingNoticeAmongTenNotes() {
        let notes = (1...10).map { finding(.note, line: $0) }
        let errors = (20...30).map { finding(.error, line: $0) }
        let lines = render(errors + notes)
        #expect(lines.filter { $0.hasPrefix("::notice") }.count == 10, "nine notes and the closing notice")
        #expect(lines.last?.hasPrefix("::notice::2 more findings") == true, "\(lines.last ?? "")")
    }

    @Test func addsNoClosingNoticeWhenEverythingIsAnnotated() {
        let lines = render((1...10).map { finding(.error, line: $0) } + (11...20).map { finding(.warning, line: $0) })
        #expect(lines.filter { $0.hasPrefix("::") }.count == 20)
        #expect(lines.last == "10 errors, 10 warnings in 1 file")
    }

    @Test func omitsColumnsForRangesOverSeveralLines() {
        let range = SourceLocation(line: 2, column: 5)..<SourceLocation(line: 4, column: 1)
        let diagnostic = Diagnostic(
            severity: .warning, id: "rst.markup", summary: "x",
            location: DiagnosticLocation(file: "a.rst", range: range))
        #expect(render([diagnostic]).first == "::warning file=a.rst,line=2,endLine=4,title=rst.markup::x")
    }

    @Test func makesAbsolutePathsUnderTheWorkspaceRelative() {
        let lines = render([finding(.error, in: "/work/project/content/a.rst")])
        #expect(lines.first?.hasPrefix("::error file=content/a.rst,") == true, "\(lines)")
    }
}

/// The Markdown table `--format github` appends to `GITHUB_STEP_SUMMARY`.
@Suite struct GitHubStepSummaryTests {
    private func temporaryFile(holding text: String?) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stepdoc-summary-\(UUID().uuidString).md")
        if let text { try text.write(to: url, atomically: true, encoding: .utf8) }
        return url
    }

    private func manyFindings(_ count: Int) -> DiagnosticReport {
        let diagnostics = (1...count).map { line in
            let start = SourceLocation(line: line, column: 1)
            return Diagnostic(
                severity: line % 2 == 0 ? .error : .warning, id: "rst.markup", summary: "a | b on line \(line)",
                location: DiagnosticLocation(file: "a.rst", range: start..<start))
        }
        return DiagnosticReport(diagnostics: diagnostics, files: ["a.rst"])
    }

    @Test func appendsATableOfEveryFindingToTheSummaryFile() throws {
        let url = try temporaryFile(holding: "## Earlier step output\n")
        defer { try? FileManager.default.removeItem(at: url) }
        try GitHubStepSummary().append(manyFindings(25), environment: ["GITHUB_STEP_SUMMARY": url.path])
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.hasPrefix("## Earlier step output\n### stepdoc: 12 errors, 13 warnings in 1 file\n"))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| a.rst:") }
        #expect(rows.count == 25, "all findings, not only the annotated ones")
        #expect(rows.first == "| a.rst:1:1 | warning | rst.markup | a \\| b on line 1 |")
    }

    @Test func writesNothingWithoutTheEnvironmentVariable() throws {
        let url = try temporaryFile(holding: nil)
        try GitHubStepSummary().append(manyFindings(2), environment: [:])
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func stopsAtTheSizeLimitWithAClosingLine() throws {
        let url = try temporaryFile(holding: String(repeating: "x", count: 500) + "\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let summary = GitHubStepSummary(sizeLimit: 2_000)
        try summary.append(manyFindings(100), environment: ["GITHUB_STEP_SUMMARY": url.path])
        let data = try Data(contentsOf: url)
        #expect(data.count <= 2_000, "the file holds \(data.count) bytes")
        let text = String(decoding: data, as: UTF8.self)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| a.rst:") }
        #expect(!rows.isEmpty && rows.count < 100)
        #expect(text.contains("_\(100 - rows.count) more findings are not shown: a step summary holds at most 1 MiB"))
    }

    @Test func keepsTableCellsOnOneLine() {
        #expect(GitHubStepSummary.sizeLimit == 1_048_576)
        let start = SourceLocation(line: 1, column: 1)
        let diagnostic = Diagnostic(
            severity: .error, id: "x.y", summary: "two\nlines with <b>tags</b> and a \\| pipe",
            location: DiagnosticLocation(file: "a|b.rst", range: start..<start))
        let markdown = GitHubStepSummary().markdown(
            DiagnosticReport(diagnostics: [diagnostic], files: []), budget: 10_000)
        #expect(
            markdown.contains(
                "| a\\|b.rst:1:1 | error | x.y | two lines with &lt;b&gt;tags&lt;/b&gt; and a \\\\\\| pipe |\n"))
    }
}
