import StepSyntax

/// What is at a position in a document's syntax tree: the inline node (a role, a reference) and the
/// directives around it, innermost last.
struct SyntaxQuery {
    let tree: SyntaxTree

    /// Every inline node of the document, in order, with the directives it is inside.
    func forEachInline(_ body: (InlineNode) -> Void) {
        Self.walk(tree.blocks, inline: body, directive: { _, _ in })
    }

    /// Every directive of the document (with its whole block range), in order.
    func forEachDirective(_ body: (Directive, SourceRange) -> Void) {
        Self.walk(tree.blocks, inline: { _ in }, directive: body)
    }

    /// Every hyperlink target definition (`.. _name: …`), in order.
    func forEachTarget(_ body: (HyperlinkTarget) -> Void) {
        func visit(_ blocks: [BlockNode]) {
            for block in blocks {
                if case .hyperlinkTarget(let target) = block.kind { body(target) }
                Self.children(of: block).forEach { visit($0) }
            }
        }
        visit(tree.blocks)
    }

    /// The innermost inline node whose range holds `location`.
    func inline(at location: SourceLocation) -> InlineNode? {
        var found: InlineNode? = nil
        forEachInline { node in
            if found == nil, node.range.lowerBound <= location, location <= node.range.upperBound { found = node }
        }
        return found
    }

    /// The innermost directive whose first line (name and argument) holds `location`.
    func directiveHeader(at location: SourceLocation) -> (Directive, SourceRange)? {
        var found: (Directive, SourceRange)? = nil
        forEachDirective { directive, range in
            let end = directive.argumentRange?.upperBound ?? directive.nameRange.upperBound
            if range.lowerBound <= location, location <= end { found = (directive, range) }
        }
        return found
    }

    private static func walk(
        _ blocks: [BlockNode], inline: (InlineNode) -> Void, directive: (Directive, SourceRange) -> Void
    ) {
        for block in blocks {
            switch block.kind {
            case .paragraph(let paragraph): paragraph.inlines.forEach(inline)
            case .sectionTitle(let title): title.inlines.forEach(inline)
            case .definitionList(let items): for item in items { item.term.forEach(inline) }
            case .lineBlock(let lines): for line in lines { line.inlines.forEach(inline) }
            case .directive(let node): directive(node, block.range)
            case .substitutionDefinition(let definition): directive(definition.directive, block.range)
            default: break
            }
            for children in Self.children(of: block) { walk(children, inline: inline, directive: directive) }
        }
    }

    /// The blocks nested in a block.
    static func children(of block: BlockNode) -> [[BlockNode]] {
        switch block.kind {
        case .bulletList(let list): return list.items.map(\.blocks)
        case .enumeratedList(let list): return list.items.map(\.blocks)
        case .definitionList(let items): return items.map(\.definition)
        case .fieldList(let fields): return fields.map(\.body)
        case .blockQuote(let blocks): return [blocks]
        case .directive(let directive):
            if case .blocks(let blocks) = directive.content { return [blocks] }
            return []
        case .footnote(let footnote): return [footnote.blocks]
        case .substitutionDefinition(let definition):
            if case .blocks(let blocks) = definition.directive.content { return [blocks] }
            return []
        case .paragraph, .sectionTitle, .literalBlock, .lineBlock, .comment, .hyperlinkTarget, .transition:
            return []
        }
    }
}
