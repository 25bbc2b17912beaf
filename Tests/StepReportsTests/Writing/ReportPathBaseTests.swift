import StepDocTestSupport
import StepProject
import StepReports
import StepSyntax
import Testing

/// Under GitHub Actions, annotations and SARIF name files from the repository's root even when stepdoc
/// runs in a subfolder of it (the action's `working-directory`), as GitHub resolves them there.
@Suite struct ReportPathBaseTests {
    static let report = DiagnosticReport(
        diagnostics: [
            Diagnostic(
                severity: .error, id: .stepsNumbering, summary: "step 2 is numbered 3",
                location: DiagnosticLocation(
                    file: "content/a.rst",
                    range: SourceLocation(line: 4, column: 1)..<SourceLocation(line: 4, column: 5)))
        ], files: ["content/a.rst"])

    func render(_ format: ReportFormat, in folder: String, environment: [String: String]) -> String {
        ReportWriter(
            format: format, reports: [], strict: false, environment: environment, directory: WorkingDirectory(folder)
        ).render(format, Self.report, completed: true, sources: [])
    }

    @Test func namesFilesFromTheWorkspaceWhenTheRunIsInsideIt() {
        let workspace = ["GITHUB_WORKSPACE": "/home/runner/work/docs"]
        let github = render(.github, in: "/home/runner/work/docs/site", environment: workspace)
        #expect(github.contains("file=site/content/a.rst,line=4"), "\(github)")
        let sarif = render(.sarif, in: "/home/runner/work/docs/site/", environment: workspace)
        #expect(
            sarif.contains(#""uri":"site/content/a.rst""#) || sarif.contains(#""uri": "site/content/a.rst""#),
            "\(sarif)")
    }

    @Test func namesFilesFromTheRunsFolderOtherwise() {
        for environment in [
            [:], ["GITHUB_WORKSPACE": "/elsewhere"], ["GITHUB_WORKSPACE": "relative"],
            ["GITHUB_WORKSPACE": "/home/runner/work/do"],
        ] {
            let github = render(.github, in: "/home/runner/work/docs", environment: environment)
            #expect(github.contains("file=content/a.rst,line=4"), "\(environment): \(github)")
        }
    }
}
