import StepProject
import StepRender

/// One procedure's results, for the templates.
public struct PreflightProcedureContext: Sendable {
    public var title: String
    public var source: String
    public var suite: String
    public var summary: String
    public var passed: Bool
    public var results: [PreflightResultContext]

    init(report: PreflightReport, steps: [RenderedStep], title: String) {
        self.title = title
        self.source = report.procedure
        self.suite = report.suite
        self.summary = report.summaryLine
        self.passed = report.passed
        self.results = report.results.map { result in
            let rendered = result.stepIndex.flatMap { steps.indices.contains($0) ? steps[$0] : nil }
            return PreflightResultContext(result, step: rendered)
        }
    }
}
