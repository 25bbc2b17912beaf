/// A text form of model content that ignores source ranges and whitespace layout: two copies of a
/// step agree when their canonical lines are equal. The lines double as the text of diffs.
enum CanonicalText {
    static func lines(_ blocks: [Block]) -> [String] {
        var lines: [String] = []
        for block in blocks { append(block, indent: "", into: &lines) }
        return lines
    }

    static func inline(_ inlines: [Inline]) -> String {
        var text = ""
        render(inlines, into: &text)
        return collapse(text)
    }

    private static func append(_ block: Block, indent: String, into lines: inout [String]) {
        switch block.kind {
        case .paragraph(let inlines):
            lines.append(indent + inline(inlines))
        case .heading(let heading):
            lines.append(indent + String(repeating: "#", count: max(1, heading.level)) + " " + inline(heading.inlines))
        case .codeBlock(let code):
            var header = indent + "```" + (code.language ?? "")
            if !code.isCopyable { header += " (not copyable)" }
            if !code.emphasizedLines.isEmpty { header += " emphasize \(code.emphasizedLines)" }
            lines.append(header)
            for line in code.code.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(indent + "    " + trimTrailing(String(line)))
            }
            lines.append(indent + "```")
        case .list(let list):
            for (index, item) in list.items.enumerated() {
                let marker: String
                if case .ordered = list.style { marker = "\(list.start + index). " } else { marker = "- " }
                var itemLines: [String] = []
                for child in item { append(child, indent: "", into: &itemLines) }
                for (lineIndex, line) in itemLines.enumerated() {
                    lines.append(
                        indent + (lineIndex == 0 ? marker : String(repeating: " ", count: marker.count)) + line)
                }
                if itemLines.isEmpty { lines.append(indent + marker) }
            }
        case .definitionList(let items):
            for item in items {
                lines.append(indent + inline(item.term))
                for child in item.definition { append(child, indent: indent + "    ", into: &lines) }
            }
        case .admonition(let admonition):
            lines.append(indent + ".. \(admonition.kind)::" + (admonition.title.map { " " + inline($0) } ?? ""))
            for child in admonition.body { append(child, indent: indent + "    ", into: &lines) }
        case .figure(let figure):
            lines.append(
                indent + "[\(figure.isImage ? "image" : "figure") \(figure.uri)"
                    + (figure.alt.map { " alt=\($0)" } ?? "") + (figure.width.map { " width=\($0)" } ?? "") + "]")
            if !figure.caption.isEmpty { lines.append(indent + "    " + inline(figure.caption)) }
            for child in figure.legend { append(child, indent: indent + "    ", into: &lines) }
        case .include(let include):
            lines.append(indent + ".. include:: \(include.path)")
        case .literalInclude(let include):
            lines.append(indent + ".. literalinclude:: \(include.path) \(include.language ?? "")")
        case .tabs(let tabs):
            for tab in tabs {
                lines.append(indent + "[tab \(tab.id)] " + inline(tab.title))
                for child in tab.body { append(child, indent: indent + "    ", into: &lines) }
            }
        case .raw(let raw):
            lines.append(indent + ".. raw:: \(raw.format)")
            for line in raw.text.split(separator: "\n") { lines.append(indent + "    " + trimTrailing(String(line))) }
        case .conditional(let conditional):
            lines.append(indent + ".. only:: " + (conditional.expression?.description ?? conditional.expressionText))
            for child in conditional.body { append(child, indent: indent + "    ", into: &lines) }
        case .blockQuote(let children):
            for child in children { append(child, indent: indent + "> ", into: &lines) }
        case .container(let container):
            lines.append(indent + "[class \(container.classes.joined(separator: " "))]")
            for child in container.body { append(child, indent: indent + "    ", into: &lines) }
        case .lineBlock(let lineBlock):
            for line in lineBlock { lines.append(indent + "| " + inline(line)) }
        case .footnote(let footnote):
            lines.append(indent + "[\(footnote.label)]")
            for child in footnote.body { append(child, indent: indent + "    ", into: &lines) }
        case .transition:
            lines.append(indent + "----")
        case .unknownDirective(let directive):
            lines.append(indent + ".. \(directive.name):: \(directive.argument)")
            for child in directive.body { append(child, indent: indent + "    ", into: &lines) }
        }
    }

    private static func render(_ inlines: [Inline], into text: inout String) {
        for inline in inlines {
            switch inline.kind {
            case .text(let value): text += value
            case .emphasis(let children):
                text += "*"
                render(children, into: &text)
                text += "*"
            case .strong(let children):
                text += "**"
                render(children, into: &text)
                text += "**"
            case .code(let code): text += (code.role.map { ":\($0):" } ?? "") + "``" + code.text + "``"
            case .link(let link):
                text += "["
                render(link.children, into: &text)
                text += "](" + link.destination + ")"
            case .crossReference(let reference):
                text +=
                    ":\(reference.role):`" + (reference.title.map { "\($0) <\(reference.target)>" } ?? reference.target)
                    + "`"
            case .span(let span): text += ":\(span.role):`\(span.text)`"
            }
        }
    }

    static func collapse(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output += " " }
                pendingSpace = false
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func trimTrailing(_ line: String) -> String {
        var result = line
        while result.last == " " || result.last == "\t" { result.removeLast() }
        return result
    }
}

/// A unified diff of two line lists, short enough for a diagnostic's explanation.
enum UnifiedDiff {
    static func render(
        _ old: [String], _ new: [String], oldLabel: String, newLabel: String, context: Int = 1,
        maximumLines: Int = 24
    ) -> String {
        guard old.count * new.count <= 4_000_000 else {
            return "--- \(oldLabel)\n+++ \(newLabel)\n(the copies are too long to compare line by line)"
        }
        // Longest common subsequence table, from the end.
        let n = old.count
        let m = new.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        if n > 0, m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        enum Line { case same(String), removed(String), added(String) }
        var script: [Line] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                script.append(.same(old[i]))
                i += 1
                j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                script.append(.added(new[j]))
                j += 1
            } else {
                script.append(.removed(old[i]))
                i += 1
            }
        }
        var keep = [Bool](repeating: false, count: script.count)
        for (index, line) in script.enumerated() {
            if case .same = line { continue }
            for k in max(0, index - context)...min(script.count - 1, index + context) { keep[k] = true }
        }
        var output = ["--- \(oldLabel)", "+++ \(newLabel)"]
        var skipped = false
        for (index, line) in script.enumerated() {
            guard keep[index] else {
                skipped = true
                continue
            }
            if skipped, output.count > 2 { output.append("@@") }
            skipped = false
            switch line {
            case .same(let text): output.append("  " + text)
            case .removed(let text): output.append("- " + text)
            case .added(let text): output.append("+ " + text)
            }
            if output.count >= maximumLines {
                output.append("… (diff shortened)")
                break
            }
        }
        return output.joined(separator: "\n")
    }
}
