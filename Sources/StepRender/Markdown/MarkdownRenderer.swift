import StepModel

/// Renders procedures as CommonMark through cmark-gfm's CommonMark renderer.
public struct MarkdownRenderer: Sendable {
    public let options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ procedure: Procedure, title: String) -> String {
        let tree = CommonMarkTree()
        let tags = options.tags(for: .markdown)
        if !options.fragment {
            tree.open(.heading(level: 1))
            tree.append(.text(title))
            tree.close()
        }
        var loose = CommonMarkTreeBuilder(tree: tree, flavor: .portable, tags: tags)
        loose.siteRoot = options.siteRoot
        loose.rawHTML = options.rawHTML
        loose.add(procedure.looseContent)
        for (index, step) in procedure.steps.enumerated() {
            let copy = step.primary
            let number = copy.numberText.isEmpty ? String(index + 1) : copy.numberText
            var builder = CommonMarkTreeBuilder(
                tree: tree, flavor: .portable, tags: tags, stepLevel: copy.heading.level)
            builder.siteRoot = options.siteRoot
            builder.rawHTML = options.rawHTML
            tree.open(.heading(level: 2))
            tree.append(.text("Step \(number): " + (copy.isOptional ? "Optional: " : "")))
            builder.add(copy.title)
            tree.close()
            builder.actionHeadingLevel = 3
            builder.add(copy.body)
        }
        return tree.renderCommonMark()
    }
}
