import StepModel
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

/// One step's result, for the templates.
public struct PreflightResultContext: Sendable {
    /// `pass`, `fail`, `cannot-tell` or `no-check`: a class name.
    public var status: String
    /// `✔`, `✘`, `?` or `–`.
    public var symbol: String
    /// `passed`, `failed`, `cannot tell`, `no check`.
    public var statusLabel: String
    public var number: String
    public var hasNumber: Bool
    /// The title as plain text: use `{{title}}`.
    public var title: String
    public var check: String
    public var hasCheck: Bool
    public var reason: String
    public var hasReason: Bool
    public var remedy: String
    public var hasRemedy: Bool
    public var detail: String
    public var hasDetail: Bool
    public var missingFact: String
    public var hasMissingFact: Bool
    /// The step's body, HTML already escaped by cmark: use `{{{bodyHTML}}}`. Shown for steps that
    /// failed or cannot tell: the documentation is the remedy.
    public var bodyHTML: String
    public var showsBody: Bool

    init(_ result: PreflightResult, step: RenderedStep?) {
        status = result.status.rawValue
        symbol = result.status.symbol
        statusLabel = result.status.label
        number = result.step ?? ""
        hasNumber = result.step != nil
        title = result.title
        check = result.check ?? ""
        hasCheck = result.check != nil
        reason = result.reason ?? ""
        hasReason = result.reason != nil
        remedy = result.remedy ?? ""
        hasRemedy = result.remedy != nil
        detail = result.detail ?? ""
        hasDetail = result.detail != nil
        missingFact = result.missingFact ?? ""
        hasMissingFact = result.missingFact != nil
        bodyHTML = step?.bodyHTML ?? ""
        showsBody = (result.status == .fail || result.status == .cannotTell) && !(step?.bodyHTML.isEmpty ?? true)
    }
}
