extension Procedure {
    /// The files the procedure's `include` and `literalinclude` directives read and the images its
    /// figures show, in order, without repeats: what its outputs depend on besides the file itself.
    public var includedFiles: [String] {
        var files: [String] = []
        visitBlocks { block in
            switch block.kind {
            case .include(let include):
                if let path = include.resolvedPath, !files.contains(path) { files.append(path) }
            case .literalInclude(let include):
                if let path = include.resolvedPath, !files.contains(path) { files.append(path) }
            case .figure(let figure):
                if let path = figure.file?.path, !files.contains(path) { files.append(path) }
            default: break
            }
        }
        return files
    }

    /// The image files the procedure's figures and images show, in order, without repeats.
    public var images: [ImageFile] {
        var images: [ImageFile] = []
        var seen: Set<String> = []
        visitBlocks { block in
            if case .figure(let figure) = block.kind, let file = figure.file, seen.insert(file.relativePath).inserted {
                images.append(file)
            }
        }
        return images
    }

    /// Calls `visit` with every block of the loose content and both copies of every step, nested
    /// blocks after their parent (a print copy that shares the HTML copy's body is not visited twice).
    public func visitBlocks(_ visitor: (Block) -> Void) {
        func visit(_ blocks: [Block]) {
            for block in blocks {
                visitor(block)
                switch block.kind {
                case .include(let include): visit(include.body)
                case .literalInclude: break
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
    }
}
