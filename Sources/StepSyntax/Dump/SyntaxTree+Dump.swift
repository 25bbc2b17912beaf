extension SyntaxTree {
    /// The tree with ranges, for goldens and `stepdoc dump --syntax`.
    public var dump: TreeDump {
        TreeDump("Document \(TreeDump.quote(file.path))", children: blocks.map(\.dump))
    }
}

extension BlockNode {
    public var dump: TreeDump {
        let at = "@" + range.dumpDescription
        switch kind {
        case .paragraph(let paragraph):
            return TreeDump("Paragraph \(at)", children: paragraph.inlines.map(\.dump))
        case .sectionTitle(let title):
            let overline = title.style.hasOverline ? " overline" : ""
            return TreeDump(
                "SectionTitle level \(title.level) '\(title.style.character)'\(overline) \(at) \(TreeDump.quote(title.text))",
                children: title.inlines.map(\.dump))
        case .bulletList(let list):
            return TreeDump("BulletList '\(list.bullet)' \(at)", children: list.items.map(\.dump))
        case .enumeratedList(let list):
            return TreeDump(
                "EnumeratedList \(list.sequence.rawValue) \(list.format.rawValue) start \(list.start) \(at)",
                children: list.items.map(\.dump))
        case .definitionList(let items):
            return TreeDump(
                "DefinitionList \(at)",
                children: items.map { item in
                    TreeDump(
                        "Item @\(item.range.dumpDescription)",
                        children: [
                            TreeDump(
                                "Term" + (item.classifiers.isEmpty ? "" : " classifiers \(item.classifiers)"),
                                children: item.term.map(\.dump)),
                            TreeDump("Definition", children: item.definition.map(\.dump)),
                        ])
                })
        case .fieldList(let fields):
            return TreeDump(
                "FieldList \(at)",
                children: fields.map { field in
                    TreeDump(
                        "Field \(TreeDump.quote(field.name)) @\(field.range.dumpDescription)",
                        children: field.body.map(\.dump))
                })
        case .literalBlock(let literal):
            return TreeDump("LiteralBlock \(at) \(TreeDump.quote(literal.text))")
        case .lineBlock(let entries):
            return TreeDump(
                "LineBlock \(at)",
                children: entries.map { entry in
                    TreeDump(
                        "Line indent \(entry.indent) @\(entry.range.dumpDescription)",
                        children: entry.inlines.map(\.dump))
                })
        case .blockQuote(let children):
            return TreeDump("BlockQuote \(at)", children: children.map(\.dump))
        case .directive(let directive):
            return directive.dump(at: at)
        case .comment(let comment):
            return TreeDump("Comment \(at) \(TreeDump.quote(comment.text))")
        case .hyperlinkTarget(let target):
            let destination: String
            switch target.destination {
            case .url(let url, _): destination = "url " + TreeDump.quote(url)
            case .alias(let name, _): destination = "alias " + TreeDump.quote(name)
            case .label: destination = "label"
            }
            let name = target.isAnonymous ? "anonymous" : TreeDump.quote(target.name)
            return TreeDump("HyperlinkTarget \(name) \(destination) \(at)")
        case .substitutionDefinition(let definition):
            return TreeDump(
                "SubstitutionDefinition \(TreeDump.quote(definition.name)) \(at)",
                children: [definition.directive.dump(at: "")])
        case .footnote(let footnote):
            return TreeDump("Footnote \(TreeDump.quote(footnote.label)) \(at)", children: footnote.blocks.map(\.dump))
        case .transition:
            return TreeDump("Transition \(at)")
        }
    }
}

extension Directive {
    fileprivate func dump(at: String) -> TreeDump {
        var label = "Directive \(name)"
        if !at.isEmpty { label += " " + at }
        if !argument.isEmpty { label += " argument \(TreeDump.quote(argument))" }
        var children = options.map {
            TreeDump("Option \($0.name) \(TreeDump.quote($0.value)) @\($0.range.dumpDescription)")
        }
        switch content {
        case .none: break
        case .blocks(let blocks): children += blocks.map(\.dump)
        case .literal(let literal): children.append(TreeDump("Literal \(TreeDump.quote(literal.text))"))
        }
        return TreeDump(label, children: children)
    }
}

extension ListItem {
    public var dump: TreeDump {
        TreeDump("Item @\(range.dumpDescription)", children: blocks.map(\.dump))
    }
}

extension InlineNode {
    public var dump: TreeDump {
        let at = "@" + range.dumpDescription
        switch kind {
        case .text(let text): return TreeDump("Text \(at) \(TreeDump.quote(text))")
        case .emphasis(let text): return TreeDump("Emphasis \(at) \(TreeDump.quote(text))")
        case .strong(let text): return TreeDump("Strong \(at) \(TreeDump.quote(text))")
        case .literal(let text): return TreeDump("Literal \(at) \(TreeDump.quote(text))")
        case .interpretedText(let interpreted):
            return TreeDump("Role \(interpreted.role ?? "(default)") \(at) \(TreeDump.quote(interpreted.rawContent))")
        case .reference(let reference):
            let target: String
            switch reference.target {
            case .embeddedURI(let uri): target = "uri " + TreeDump.quote(uri)
            case .embeddedAlias(let name): target = "alias " + TreeDump.quote(name)
            case .name(let name): target = "name " + TreeDump.quote(name)
            case .anonymous: target = "anonymous"
            }
            return TreeDump("Reference \(at) \(TreeDump.quote(reference.text)) \(target)")
        case .standaloneURI(let uri):
            return TreeDump("\(uri.isEmail ? "Email" : "URI") \(at) \(TreeDump.quote(uri.text))")
        case .substitutionReference(let reference):
            return TreeDump(
                "Substitution \(at) \(TreeDump.quote(reference.name))\(reference.isReference ? " reference" : "")")
        case .inlineTarget(let text): return TreeDump("InlineTarget \(at) \(TreeDump.quote(text))")
        case .footnoteReference(let label): return TreeDump("FootnoteReference \(at) \(TreeDump.quote(label))")
        }
    }
}
