import StepModel

/// Every key a template can name: the keys of the contexts stepdoc renders templates with (pages,
/// procedures, steps, and the preflight report's page, procedures and results).
///
/// Templates are checked against it when they load, so `{{titel}}` in a project's own template is an
/// error at its line and column (with a did-you-mean) instead of silently rendering as nothing. The
/// lists are the contexts' `templateValue(for:)` switches written out; tests hold them equal.
public enum TemplateVocabulary {
    public static let page = [
        "title", "stylesheet", "source", "procedure", "extraBodyHTML", "generator", "siteRoot", "showsSource",
    ]
    public static let procedure = ["title", "source", "stepCount", "steps", "looseHTML", "hasLooseContent"]
    public static let step = [
        "number", "anchor", "titleHTML", "bodyHTML", "hasBody", "isOptional", "label", "hasLabel", "position", "classes",
    ]
    public static let preflightPage = ["title", "stylesheet", "generator", "facts", "passed", "procedures"]
    public static let preflightProcedure = ["title", "source", "suite", "summary", "passed", "results"]
    public static let preflightResult = [
        "status", "symbol", "statusLabel", "number", "hasNumber", "title", "check", "hasCheck", "reason", "hasReason",
        "remedy", "hasRemedy", "detail", "hasDetail", "missingFact", "hasMissingFact", "bodyHTML", "showsBody",
    ]

    /// Every key of every context: a template may be a partial of any other, so a key is known when
    /// some context has it.
    public static let known: Set<String> = Set(
        page + procedure + step + preflightPage + preflightProcedure + preflightResult)

    /// Why `key` is not a template key, with the nearest known ones.
    static func unknown(_ key: String, in tag: String) -> String {
        "unknown key '\(key)' in '{{\(tag)}}'" + DidYouMean.phrase(for: key, among: known.sorted())
            + " (the keys are listed in the README's template section)"
    }
}
