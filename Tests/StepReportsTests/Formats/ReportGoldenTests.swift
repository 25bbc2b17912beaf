import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// Every format's rendering of the sample report, compared with `Fixtures/sample-report/`.
@Suite struct ReportGoldenTests {
    @Test func rendersTextAsTheGolden() {
        var reporter = TextReporter(useColor: false, sources: SampleReport.sources)
        expectGolden(reporter.render(SampleReport.report), at: SampleReport.golden("report.txt"))
    }

    @Test func rendersJSONAsTheGolden() {
        expectGolden(JSONReporter().render(SampleReport.report), at: SampleReport.golden("report.json"))
    }

    @Test func rendersGitHubCommandsAsTheGolden() {
        var reporter = GitHubReporter(sources: SampleReport.sources, currentDirectory: SampleReport.currentDirectory)
        expectGolden(reporter.render(SampleReport.report), at: SampleReport.golden("report.github.txt"))
    }

    @Test func rendersTheGitHubStepSummaryAsTheGolden() {
        let markdown = GitHubStepSummary().markdown(SampleReport.report, budget: GitHubStepSummary.sizeLimit)
        expectGolden(markdown, at: SampleReport.golden("step-summary.md"))
    }

    @Test func rendersSARIFAsTheGolden() {
        var reporter = SARIFReporter(sources: SampleReport.sources, currentDirectory: SampleReport.currentDirectory)
        expectGolden(reporter.render(SampleReport.report), at: SampleReport.golden("report.sarif"))
    }

    @Test func rendersJUnitAsTheGolden() {
        expectGolden(JUnitReporter().render(SampleReport.report), at: SampleReport.golden("report.junit.xml"))
    }

    @Test func rendersStrictJUnitWithWarningsAsFailuresAsTheGolden() {
        expectGolden(
            JUnitReporter(strict: true).render(SampleReport.report), at: SampleReport.golden("report.strict.junit.xml"))
    }
}
