extension Procedure {
    /// The files the procedure's `include` and `literalinclude` directives read, in order, without
    /// repeats: what its outputs depend on besides the file itself.
    public var includedFiles: [String] {
        var files: [String] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .include(let include):
                    if let path = include.resolvedPath, !files.contains(path) { files.append(path) }
                    visit(include.body)
                case .literalInclude(let include):
                    if let path = include.resolvedPath, !files.contains(path) { files.append(path) }
                case .list(let list): list.items.forEach(visit)
                case .definitionList(let items): items.forEach { visit($0.definition) }
                case .admonition(let admonition): visit(admonition.body)
                case .figure(let figure): visit(figure.legend)
                case .tabs(let tabs): tabs.forEach { visit($0.body) }
                case .conditional(let conditional): visit(conditional.body)
                case .blockQuote(let children): visit(children)
                case .container(let container): visit(container.body)
                case .footnote(let footnote): visit(footnote.body)
                case .unknownDirective(let directive): visit(directive.body)
                case .paragraph, .heading, .codeBlock, .raw, .lineBlock, .transition: break
                }
            }
        }
        visit(looseContent)
        for step in steps {
            visit(step.html?.body ?? [])
            if step.print?.sharesBodyWithHTMLCopy != true { visit(step.print?.body ?? []) }
        }
        return files
    }
}
