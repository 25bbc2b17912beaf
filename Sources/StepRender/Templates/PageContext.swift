/// What `page.mustache` sees. Templates get these explicit structs, never model values: Mustache
/// looks keys up by reflection, and a golden test covers every key each template uses.
public struct PageContext: Sendable {
    public var title: String
    /// The template set's CSS, inlined so a page stands alone.
    public var stylesheet: String
    public var source: String
    public var procedure: ProcedureContext
    /// Extra HTML for the end of `<body>` (the preview server's reload script and findings panel).
    public var extraBodyHTML: String = ""
    public var generator: String = "stepdoc"
    /// The way from the page to the top of its output folder (`""`, `"../"`).
    public var siteRoot: String = ""
    /// Whether the page says which file it comes from (for writers: the preview; readers do not need it).
    public var showsSource: Bool = false
}

/// What `procedure.mustache` sees.
public struct ProcedureContext: Sendable {
    public var title: String
    public var source: String
    public var stepCount: Int
    public var steps: [StepContext]
    public var looseHTML: String
    public var hasLooseContent: Bool
}

/// One step, for the templates.
public struct StepContext: Sendable {
    public var number: String
    public var anchor: String
    /// HTML already escaped by cmark: use `{{{titleHTML}}}`.
    public var titleHTML: String
    /// HTML already escaped by cmark: use `{{{bodyHTML}}}`.
    public var bodyHTML: String
    public var hasBody: Bool
    public var isOptional: Bool
    public var label: String
    public var hasLabel: Bool
    /// 1-based position in the page.
    public var position: Int
    /// Extra classes for the step (the preview marks steps with findings).
    public var classes: String = ""

    init(_ step: RenderedStep, index: Int) {
        number = step.number
        anchor = step.anchor
        titleHTML = step.titleHTML
        bodyHTML = step.bodyHTML
        hasBody = !step.bodyHTML.isEmpty
        isOptional = step.isOptional
        label = step.label ?? ""
        hasLabel = step.label != nil
        position = index
    }
}

extension ProcedureContext {
    /// More than the procedure's rendering takes: its HTML pieces and a kibibyte of markup per step.
    var renderedSizeEstimate: Int {
        var total = 64 * 1024 + title.utf8.count + looseHTML.utf8.count
        for step in steps { total += step.titleHTML.utf8.count + step.bodyHTML.utf8.count + 1024 }
        return total
    }
}
