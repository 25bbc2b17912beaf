import StepSyntax

extension Procedure {
    /// The model as a tree with ranges, for goldens and `stepdoc dump`.
    public var dump: TreeDump {
        var children = steps.map(\.dump)
        if !looseContent.isEmpty {
            children.append(TreeDump("Loose content", children: looseContent.map(\.dump)))
        }
        let source = format == .gizaRST ? "" : " format \(format.rawValue)"
        return TreeDump("Procedure \(TreeDump.quote(file)) era \(era.rawValue)\(source)", children: children)
    }
}

extension Step {
    public var dump: TreeDump {
        var label = "Step \(primary.numberText) @\(range.dumpDescription) \(TreeDump.quote(titleText))"
        if isOptional { label += " optional" }
        if let stepLabel = self.label { label += " label \(TreeDump.quote(stepLabel))" }
        var children: [TreeDump] = []
        for copy in [html, print].compactMap({ $0 }) {
            children.append(
                TreeDump(
                    "\(copy.branch.rawValue) copy @\(copy.range.dumpDescription) number \(TreeDump.quote(copy.numberText)) "
                        + "@\(copy.numberRange.dumpDescription) title @\(copy.titleRange.dumpDescription) "
                        + "heading level \(copy.heading.level) '\(copy.heading.character)' "
                        + "\(copy.heading.textWidth)/\(copy.heading.underlineLength)"))
        }
        children.append(TreeDump("Title", children: title.map(\.dump)))
        children.append(TreeDump("Body", children: body.map(\.dump)))
        return TreeDump(label, children: children)
    }
}

extension Block {
    public var dump: TreeDump {
        let at = "@" + range.dumpDescription
        switch kind {
        case .paragraph(let inlines):
            return TreeDump("Paragraph \(at)", children: inlines.map(\.dump))
        case .heading(let heading):
            return TreeDump("Heading level \(heading.level) \(at)", children: heading.inlines.map(\.dump))
        case .codeBlock(let code):
            var label = "CodeBlock \(code.language ?? "(none)") \(at)"
            if !code.isCopyable { label += " not-copyable" }
            if !code.emphasizedLines.isEmpty { label += " emphasize \(code.emphasizedLines)" }
            if code.showsLineNumbers { label += " linenos" }
            return TreeDump(label + " " + TreeDump.quote(code.code))
        case .list(let list):
            let style: String
            switch list.style {
            case .bullet: style = "bullet"
            case .ordered(let sequence): style = "ordered \(sequence.rawValue) start \(list.start)"
            }
            return TreeDump(
                "List \(style) \(at)", children: list.items.map { TreeDump("Item", children: $0.map(\.dump)) })
        case .definitionList(let items):
            return TreeDump(
                "DefinitionList \(at)",
                children: items.map {
                    TreeDump(
                        "Item",
                        children: [
                            TreeDump("Term", children: $0.term.map(\.dump)),
                            TreeDump("Definition", children: $0.definition.map(\.dump)),
                        ])
                })
        case .admonition(let admonition):
            var children = admonition.body.map(\.dump)
            if let title = admonition.title { children.insert(TreeDump("Title", children: title.map(\.dump)), at: 0) }
            return TreeDump("Admonition \(admonition.kind) \(at)", children: children)
        case .figure(let figure):
            return TreeDump(
                "\(figure.isImage ? "Image" : "Figure") \(TreeDump.quote(figure.uri)) \(at)",
                children: figure.caption.map(\.dump) + figure.legend.map(\.dump))
        case .include(let include):
            return TreeDump(
                "Include \(TreeDump.quote(include.path))\(include.resolvedPath == nil ? " unresolved" : "") \(at)",
                children: include.body.map(\.dump))
        case .literalInclude(let include):
            return TreeDump(
                "LiteralInclude \(TreeDump.quote(include.path)) \(include.language ?? "(none)") \(at)"
                    + (include.code.map { " " + TreeDump.quote($0) } ?? " unresolved"))
        case .tabs(let tabs):
            return TreeDump(
                "Tabs \(at)",
                children: tabs.map {
                    TreeDump("Tab \(TreeDump.quote($0.id))", children: $0.body.map(\.dump))
                })
        case .raw(let raw):
            return TreeDump("Raw \(raw.format) \(at) \(TreeDump.quote(raw.text))")
        case .conditional(let conditional):
            return TreeDump(
                "Only \(TreeDump.quote(conditional.expression?.description ?? conditional.expressionText)) \(at)",
                children: conditional.body.map(\.dump))
        case .blockQuote(let children):
            return TreeDump("BlockQuote \(at)", children: children.map(\.dump))
        case .container(let container):
            return TreeDump(
                "Container \(container.classes.joined(separator: " ")) \(at)", children: container.body.map(\.dump))
        case .lineBlock(let lines):
            return TreeDump("LineBlock \(at)", children: lines.map { TreeDump("Line", children: $0.map(\.dump)) })
        case .footnote(let footnote):
            return TreeDump("Footnote \(TreeDump.quote(footnote.label)) \(at)", children: footnote.body.map(\.dump))
        case .transition:
            return TreeDump("Transition \(at)")
        case .unknownDirective(let directive):
            return TreeDump("UnknownDirective \(directive.name) \(at)", children: directive.body.map(\.dump))
        }
    }
}

extension Inline {
    public var dump: TreeDump {
        let at = "@" + range.dumpDescription
        switch kind {
        case .text(let text): return TreeDump("Text \(at) \(TreeDump.quote(text))")
        case .emphasis(let children): return TreeDump("Emphasis \(at)", children: children.map(\.dump))
        case .strong(let children): return TreeDump("Strong \(at)", children: children.map(\.dump))
        case .code(let code):
            return TreeDump("Code\(code.role.map { " :\($0):" } ?? "") \(at) \(TreeDump.quote(code.text))")
        case .link(let link):
            return TreeDump(
                "Link\(link.role.map { " :\($0):" } ?? "") \(at) \(TreeDump.quote(link.destination))",
                children: link.children.map(\.dump))
        case .crossReference(let reference):
            return TreeDump(
                "CrossReference :\(reference.role): \(at) \(TreeDump.quote(reference.target))"
                    + (reference.title.map { " title " + TreeDump.quote($0) } ?? ""))
        case .span(let span):
            return TreeDump("Span :\(span.role): \(at) \(TreeDump.quote(span.text))")
        }
    }
}
