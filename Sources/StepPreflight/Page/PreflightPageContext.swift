import StepModel
import StepProject
import StepRender

/// What `preflight.mustache` sees: the report page of `stepdoc preflight --html FILE`.
///
/// Templates get these explicit structs, never model values: Mustache looks keys up by reflection, and
/// the golden tests of both template sets cover every key.
public struct PreflightPageContext: Sendable {
    public var title: String
    /// The template set's CSS, inlined so the page stands alone.
    public var stylesheet: String
    public var generator: String = "stepdoc"
    /// The facts file, as named on the command line.
    public var facts: String
    public var passed: Bool
    public var procedures: [PreflightProcedureContext]

    /// The page for `runs`, each a report with the procedure it was made from (for the steps' HTML).
    public init(
        runs: [(report: PreflightReport, procedure: Procedure, title: String)], facts: String, renderer: HTMLRenderer
    ) {
        self.title = runs.count == 1 ? "Preflight: \(runs[0].title)" : "Preflight"
        self.stylesheet = renderer.templates.stylesheet
        self.facts = facts
        self.passed = runs.allSatisfy { $0.report.passed }
        self.procedures = runs.map { run in
            PreflightProcedureContext(report: run.report, steps: renderer.renderSteps(run.procedure), title: run.title)
        }
    }
}
