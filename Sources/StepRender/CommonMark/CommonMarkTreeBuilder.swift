import StepEscaping
import StepModel
import StepSyntax

/// The renderer a tree is built for. HTML trees carry custom blocks (admonition boxes, tabs, spans
/// with classes); portable trees use only CommonMark nodes, for the CommonMark renderer, and text trees
/// are portable ones shaped for the plain-text writer (which writes links and images its own way).
package enum TreeFlavor: Sendable {
    case html
    case portable
    case text
}

/// Builds cmark nodes from model blocks and inlines.
package struct CommonMarkTreeBuilder {
    package let tree: CommonMarkTree
    package let flavor: TreeFlavor
    /// Tags `only` expressions are evaluated against (`html`, `text`, `markdown`, plus `-t` tags).
    package let tags: Set<String>
    /// The step heading's level in the source, and the output level its action headings start at.
    package var stepLevel: Int
    package var actionHeadingLevel: Int
    /// The way from the page to the top of its output folder (`""`, `../`), for copied images.
    package var siteRoot: String = ""
    /// Whether `.. raw:: html` and links that can run script are written (the lowering reported them).
    package var rawHTML: RawHTMLPolicy = .omit

    package init(
        tree: CommonMarkTree, flavor: TreeFlavor, tags: Set<String>, stepLevel: Int = 1, actionHeadingLevel: Int = 3
    ) {
        self.tree = tree
        self.flavor = flavor
        self.tags = tags
        self.stepLevel = stepLevel
        self.actionHeadingLevel = actionHeadingLevel
    }

    // MARK: - Blocks

    package func add(_ blocks: [Block]) {
        for block in blocks { add(block) }
    }

    package func add(_ block: Block) {
        switch block.kind {
        case .paragraph(let inlines):
            tree.open(.paragraph)
            add(inlines)
            tree.close()
        case .heading(let heading):
            tree.open(.heading(level: actionHeadingLevel + max(0, heading.level - stepLevel - 1)))
            add(heading.inlines)
            tree.close()
        case .codeBlock(let code):
            addCode(
                code.code, language: code.language, isCopyable: code.isCopyable, emphasized: code.emphasizedLines,
                lineNumbers: code.showsLineNumbers, caption: code.caption)
        case .list(let list):
            addList(list)
        case .definitionList(let items):
            addDefinitions(items)
        case .admonition(let admonition):
            addAdmonition(admonition)
        case .figure(let figure):
            addFigure(figure)
        case .include(let include):
            add(include.body)
        case .literalInclude(let include):
            if let code = include.code {
                addCode(
                    code, language: include.language, isCopyable: include.isCopyable, emphasized: [],
                    lineNumbers: false, caption: nil)
            }
        case .tabs(let tabs):
            addTabs(tabs, key: "\(block.range.lowerBound.line)-\(block.range.lowerBound.column)")
        case .raw(let raw):
            if raw.isHTML, rawHTML == .pass, flavor == .html || tags.contains("markdown") {
                tree.append(.htmlBlock(raw.text.hasSuffix("\n") ? raw.text : raw.text + "\n"))
            }
        case .conditional(let conditional):
            // A malformed expression keeps its content for every builder, as Sphinx does.
            if conditional.expression?.evaluate(tags: tags) ?? true { add(conditional.body) }
        case .blockQuote(let children):
            tree.open(.blockQuote)
            add(children)
            tree.close()
        case .container(let container):
            if flavor == .html {
                let classes = container.classes.map(HTMLEscaping.className).filter { !$0.isEmpty }.joined(
                    separator: " ")
                tree.open(.customBlock(onEnter: "<div class=\"\(classes)\">", onExit: "</div>"))
                add(container.body)
                tree.close()
            } else {
                add(container.body)
            }
        case .lineBlock(let lines):
            tree.open(.paragraph)
            for (index, line) in lines.enumerated() {
                if index > 0 { tree.append(.lineBreak) }
                add(line)
            }
            tree.close()
        case .footnote(let footnote):
            tree.open(.paragraph)
            tree.append(.text("[\(footnote.label)] "))
            tree.close()
            add(footnote.body)
        case .transition:
            tree.append(.thematicBreak)
        case .unknownDirective(let directive):
            if flavor == .html {
                tree.open(
                    .customBlock(
                        onEnter: "<div class=\"directive \(HTMLEscaping.className(directive.name))\">",
                        onExit: "</div>"))
                add(directive.body)
                tree.close()
            } else {
                add(directive.body)
            }
        }
    }

    private func addCode(
        _ code: String, language: String?, isCopyable: Bool, emphasized: [Int], lineNumbers: Bool, caption: String?
    ) {
        let literal = code.hasSuffix("\n") || code.isEmpty ? code : code + "\n"
        guard flavor == .html else {
            tree.append(.codeBlock(info: language ?? "", literal: literal))
            return
        }
        var attributes = "class=\"code-block\""
        if let language { attributes += " data-language=\"\(TextEscaping.html(language))\"" }
        if !isCopyable { attributes += " data-copyable=\"false\"" }
        tree.open(.customBlock(onEnter: "<div \(attributes)>", onExit: "</div>"))
        if let caption {
            tree.open(.customBlock(onEnter: "<div class=\"code-caption\">", onExit: "</div>"))
            tree.open(.paragraph)
            tree.append(.text(caption))
            tree.close()
            tree.close()
        }
        if emphasized.isEmpty && !lineNumbers {
            tree.append(.codeBlock(info: language ?? "", literal: literal))
        } else {
            tree.append(
                .htmlBlock(
                    CodeHTML.render(code, language: language, emphasized: Set(emphasized), lineNumbers: lineNumbers)))
        }
        tree.close()
    }

    private func addList(_ list: ListBlock) {
        var numbering: ListNumbering? = nil
        if case .ordered(let sequence) = list.style { numbering = ListNumbering(sequence) }
        let tight = list.items.allSatisfy { item in
            item.count <= 1 && item.allSatisfy { if case .paragraph = $0.kind { true } else { false } }
        }
        // cmark's HTML has no `type` attribute: lettered and roman lists are written as they must be.
        if flavor == .html, let numbering, numbering != .arabic {
            var attributes = "type=\"\(numbering.htmlType)\""
            if list.start != 1 { attributes += " start=\"\(list.start)\"" }
            tree.open(.customBlock(onEnter: "<ol \(attributes)>", onExit: "</ol>"))
            for item in list.items {
                tree.open(.customBlock(onEnter: "<li>", onExit: "</li>"))
                add(item)
                tree.close()
            }
            tree.close()
            return
        }
        tree.open(
            .list(ordered: numbering != nil, start: list.start, tight: tight, numbering: numbering ?? .arabic))
        for item in list.items {
            tree.open(.item)
            add(item)
            tree.close()
        }
        tree.close()
    }

    private func addDefinitions(_ items: [DefinitionItem]) {
        if flavor == .html {
            tree.open(.customBlock(onEnter: "<dl>", onExit: "</dl>"))
            for item in items {
                tree.open(.customBlock(onEnter: "<dt>", onExit: "</dt>"))
                tree.open(.paragraph)
                add(item.term)
                tree.close()
                tree.close()
                tree.open(.customBlock(onEnter: "<dd>", onExit: "</dd>"))
                add(item.definition)
                tree.close()
            }
            tree.close()
        } else {
            for item in items {
                tree.open(.paragraph)
                tree.open(.strong)
                add(item.term)
                tree.close()
                tree.close()
                tree.open(.blockQuote)
                add(item.definition)
                tree.close()
            }
        }
    }

    private func addAdmonition(_ admonition: Admonition) {
        let heading = admonition.displayTitle
        if flavor == .html {
            tree.open(
                .customBlock(
                    onEnter: "<div class=\"admonition \(HTMLEscaping.className(admonition.kind))\">", onExit: "</div>"))
            var title: String
            if admonition.kind == "admonition" || admonition.kind == "topic" || admonition.kind == "sidebar" {
                title = inlineHTML(admonition.title ?? [])
            } else {
                title = TextEscaping.html(heading)
                if let custom = admonition.title { title += " " + inlineHTML(custom) }
            }
            tree.append(.htmlBlock("<p class=\"admonition-title\">\(title)</p>\n"))
            add(admonition.body)
            tree.close()
        } else {
            tree.open(.blockQuote)
            tree.open(.paragraph)
            tree.open(.strong)
            if let title = admonition.title, ["admonition", "topic", "sidebar"].contains(admonition.kind) {
                add(title)
            } else {
                tree.append(.text(heading))
                if let title = admonition.title {
                    tree.append(.text(" "))
                    add(title)
                }
            }
            tree.append(.text(":"))
            tree.close()
            tree.close()
            add(admonition.body)
            tree.close()
        }
    }

    private func addFigure(_ figure: Figure) {
        guard !figure.uri.isEmpty else { return }
        // A copied image is linked relative to the page, so a build works from disk and under any prefix.
        let source = figure.file.map { siteRoot + HTMLEscaping.pathURL(Self.imagesFolder + "/" + $0.relativePath) }
        let url = source ?? HTMLEscaping.safeURL(figure.uri, policy: rawHTML) ?? ""
        let target = figure.target.flatMap { HTMLEscaping.safeURL($0, policy: rawHTML) }
        guard flavor == .html else {
            if let target { tree.open(.link(url: target, title: "")) }
            tree.open(.paragraph)
            tree.open(.image(url: url, title: ""))
            // Plain text says "[image: alt]" only for the writer's own words, as Sphinx's text builder.
            tree.append(.text(flavor == .text ? figure.alt ?? "" : figure.alternativeText))
            tree.close()
            tree.close()
            if target != nil { tree.close() }
            if !figure.caption.isEmpty {
                tree.open(.paragraph)
                tree.open(.emphasis)
                add(figure.caption)
                tree.close()
                tree.close()
            }
            add(figure.legend)
            return
        }
        var classes = [figure.isImage ? "image" : "figure"]
        if let align = figure.align { classes.append("align-" + align) }
        classes += figure.classes.map(HTMLEscaping.className)
        var open = "<figure class=\"\(classes.joined(separator: " "))\""
        if let width = figure.figureWidth { open += " style=\"width: \(TextEscaping.html(width))\"" }
        open += ">"
        var image =
            "<img src=\"\(TextEscaping.html(url))\" alt=\"\(TextEscaping.html(figure.alternativeText))\""
        var style: [String] = []
        if let width = figure.width { style.append("width: " + width) }
        if let height = figure.height { style.append("height: " + height) }
        if !style.isEmpty { image += " style=\"\(TextEscaping.html(style.joined(separator: "; ")))\"" }
        image += " loading=\"lazy\">"
        if let target { image = "<a class=\"image-link\" href=\"\(TextEscaping.html(target))\">\(image)</a>" }
        tree.open(.customBlock(onEnter: open, onExit: "</figure>"))
        tree.append(.htmlBlock(image + "\n"))
        if !figure.caption.isEmpty || !figure.legend.isEmpty {
            tree.open(.customBlock(onEnter: "<figcaption>", onExit: "</figcaption>"))
            if !figure.caption.isEmpty {
                tree.open(.paragraph)
                add(figure.caption)
                tree.close()
            }
            add(figure.legend)
            tree.close()
        }
        tree.close()
    }

    /// The folder of an HTML or CommonMark output folder that a build copies images into.
    package static let imagesFolder = "_images"

    /// Tabs: in HTML a tab strip over one panel per tab (the page's script switches them; without it,
    /// every panel shows under its title); elsewhere one section per tab, headed by its name.
    private func addTabs(_ tabs: [Tab], key: String) {
        guard flavor == .html else {
            for tab in tabs {
                if !tab.title.isEmpty {
                    tree.open(.heading(level: min(6, actionHeadingLevel + 1)))
                    add(tab.title)
                    tree.close()
                }
                add(tab.body)
            }
            return
        }
        let ids = tabs.enumerated().map { index, tab in
            "tab-\(key)-\(index + 1)-" + HTMLEscaping.className(tab.id)
        }
        var strip = "<div class=\"tab-strip\" role=\"tablist\">"
        for (index, tab) in tabs.enumerated() {
            let selected = index == 0
            strip +=
                "<button type=\"button\" role=\"tab\" id=\"\(ids[index])\" aria-controls=\"\(ids[index])-panel\""
                + " aria-selected=\"\(selected)\" tabindex=\"\(selected ? 0 : -1)\">"
                + (tab.title.isEmpty ? TextEscaping.html(tab.id) : inlineHTML(tab.title)) + "</button>"
        }
        strip += "</div>\n"
        tree.open(.customBlock(onEnter: "<div class=\"tabs\">", onExit: "</div>"))
        tree.append(.htmlBlock(strip))
        for (index, tab) in tabs.enumerated() {
            tree.open(
                .customBlock(
                    onEnter: "<section class=\"tab-panel\" role=\"tabpanel\" id=\"\(ids[index])-panel\" "
                        + "aria-labelledby=\"\(ids[index])\" data-tab=\"\(TextEscaping.html(tab.id))\">",
                    onExit: "</section>"))
            if !tab.title.isEmpty {
                tree.append(.htmlBlock("<p class=\"tab-title\">\(inlineHTML(tab.title))</p>\n"))
            }
            add(tab.body)
            tree.close()
        }
        tree.close()
    }

    /// Inline content rendered to HTML on its own (for titles inside HTML the builder writes).
    private func inlineHTML(_ inlines: [Inline]) -> String {
        let inner = CommonMarkTree()
        inner.open(.paragraph)
        var builder = CommonMarkTreeBuilder(tree: inner, flavor: .html, tags: tags)
        builder.rawHTML = rawHTML
        builder.add(inlines)
        inner.close()
        var html = inner.renderHTML()
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        if html.hasSuffix("</p>\n") { html.removeLast(5) }
        return html
    }

    // MARK: - Inlines

    package func add(_ inlines: [Inline]) {
        for inline in inlines { add(inline) }
    }

    package func add(_ inline: Inline) {
        switch inline.kind {
        case .text(let text):
            addText(text)
        case .emphasis(let children):
            tree.open(.emphasis)
            add(children)
            tree.close()
        case .strong(let children):
            tree.open(.strong)
            add(children)
            tree.close()
        case .code(let code):
            if flavor == .html, let role = code.role {
                tree.open(
                    .customInline(onEnter: "<code class=\"role-\(HTMLEscaping.className(role))\">", onExit: "</code>"))
                addText(code.text)
                tree.close()
            } else {
                tree.append(.code(code.text))
            }
        case .link(let link):
            guard let url = HTMLEscaping.safeURL(link.destination, policy: rawHTML) else {
                add(link.children)
                return
            }
            tree.open(.link(url: url, title: ""))
            add(link.children)
            tree.close()
        case .crossReference(let reference):
            if flavor == .html {
                tree.open(
                    .customInline(
                        onEnter: "<span class=\"xref \(HTMLEscaping.className(reference.role))\">", onExit: "</span>"))
                addText(reference.displayText)
                tree.close()
            } else {
                addText(reference.displayText)
            }
        case .span(let span):
            if flavor == .html {
                let (open, close) =
                    span.role == "kbd"
                    ? ("<kbd>", "</kbd>")
                    : ("<span class=\"\(HTMLEscaping.className(span.role))\">", "</span>")
                tree.open(.customInline(onEnter: open, onExit: close))
                addText(span.text)
                tree.close()
            } else if span.role == "guilabel" {
                tree.open(.strong)
                addText(span.text)
                tree.close()
            } else {
                addText(span.text)
            }
        }
    }

    /// Text with its line breaks as soft breaks.
    private func addText(_ text: String) {
        tree.appendText(text)
    }
}
