import StepModel

/// Renders procedures to HTML: each step's title and body through cmark-gfm, the page through the
/// Mustache templates of a ``TemplateSet``.
public struct HTMLRenderer: Sendable {
    public let templates: TemplateSet
    public let options: RenderOptions

    public init(templates: TemplateSet, options: RenderOptions = RenderOptions()) {
        self.templates = templates
        self.options = options
    }

    /// The page for a procedure (or only the procedure, for `--fragment`).
    public func render(_ procedure: Procedure, title: String) -> String {
        let context = pageContext(procedure, title: title, steps: renderSteps(procedure))
        return options.fragment ? templates.renderProcedure(context.procedure) : templates.renderPage(context)
    }

    /// The page context, for callers that add to it (the preview server) before rendering.
    public func pageContext(_ procedure: Procedure, title: String, steps: [RenderedStep]) -> PageContext {
        let loose = renderBlocks(procedure.looseContent, stepLevel: procedure.steps.first?.primary.heading.level ?? 1)
        var context = PageContext(
            title: title, stylesheet: templates.stylesheet, source: procedure.file,
            procedure: ProcedureContext(
                title: title, source: procedure.file, stepCount: procedure.steps.count,
                steps: steps.enumerated().map { StepContext($0.element, index: $0.offset + 1) },
                looseHTML: loose, hasLooseContent: !loose.isEmpty))
        context.siteRoot = options.siteRoot
        return context
    }

    /// Each step's title and body as HTML.
    public func renderSteps(_ procedure: Procedure) -> [RenderedStep] {
        var anchors: Set<String> = []
        var rendered: [RenderedStep] = []
        rendered.reserveCapacity(procedure.steps.count)
        for (index, step) in procedure.steps.enumerated() {
            let copy = step.primary
            let number = copy.numberText.isEmpty ? String(index + 1) : copy.numberText
            var anchor = "step-" + HTMLEscaping.className(number)
            if anchors.contains(anchor) {
                var suffix = 2
                while anchors.contains("\(anchor)-\(suffix)") { suffix += 1 }
                anchor = "\(anchor)-\(suffix)"
            }
            anchors.insert(anchor)
            rendered.append(
                RenderedStep(
                    number: number, anchor: anchor, titleHTML: renderInlines(copy.title),
                    bodyHTML: renderBlocks(copy.body, stepLevel: copy.heading.level), isOptional: copy.isOptional,
                    label: copy.label))
        }
        return rendered
    }

    func renderBlocks(_ blocks: [Block], stepLevel: Int) -> String {
        guard !blocks.isEmpty else { return "" }
        let tree = CommonMarkTree()
        var builder = CommonMarkTreeBuilder(
            tree: tree, flavor: .html, tags: options.tags(for: .html), stepLevel: stepLevel)
        builder.siteRoot = options.siteRoot
        builder.rawHTML = options.rawHTML
        builder.add(blocks)
        return tree.renderHTML()
    }

    /// Inline content as HTML, without the paragraph around it.
    func renderInlines(_ inlines: [Inline]) -> String {
        let tree = CommonMarkTree()
        tree.open(.paragraph)
        var builder = CommonMarkTreeBuilder(tree: tree, flavor: .html, tags: options.tags(for: .html))
        builder.rawHTML = options.rawHTML
        builder.add(inlines)
        tree.close()
        var html = tree.renderHTML()
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        if html.hasSuffix("</p>\n") { html.removeLast(5) }
        return html
    }
}
