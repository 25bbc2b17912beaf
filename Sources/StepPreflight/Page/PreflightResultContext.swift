import StepProject
import StepRender

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
