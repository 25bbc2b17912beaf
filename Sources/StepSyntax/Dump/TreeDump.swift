/// A labelled tree printed with box-drawing branches, as swift-markdown's `MarkupTreeDumper` prints
/// markup: `├─ Paragraph @3:4-3:20`.
public struct TreeDump: Sendable, Equatable {
    public var label: String
    public var children: [TreeDump]

    public init(_ label: String, children: [TreeDump] = []) {
        self.label = label
        self.children = children
    }

    /// The tree as text, one node per line.
    public var rendered: String {
        var output = label + "\n"
        for (index, child) in children.enumerated() {
            child.render(into: &output, prefix: "", isLast: index == children.count - 1)
        }
        return output
    }

    private func render(into output: inout String, prefix: String, isLast: Bool) {
        output += prefix + (isLast ? "└─ " : "├─ ") + label + "\n"
        let childPrefix = prefix + (isLast ? "   " : "│  ")
        for (index, child) in children.enumerated() {
            child.render(into: &output, prefix: childPrefix, isLast: index == children.count - 1)
        }
    }

    /// A string quoted for a dump line: line ends shown as `\n`, long text shortened.
    ///
    /// Only the first `limit` characters or so are escaped: a dump quotes the text of every node, and
    /// escaping all of a long paragraph to keep 80 characters of it was a tenth of the fuzz harness's time.
    public static func quote(_ text: String, limit: Int = 80) -> String {
        var escaped = ""
        var count = 0
        var isCut = false
        for character in text {
            switch character {
            case "\n": escaped += "\\n"
            case "\"": escaped += "\\\""
            default: escaped.append(character)
            }
            count += 1
            // A few characters beyond the limit, so that the count below sees the text as too long
            // even if an escape and the character after it join into one.
            if count > limit + 4 {
                isCut = true
                break
            }
        }
        if isCut, escaped.count <= limit { escaped = text.replacingNewlines() }
        if escaped.count > limit { escaped = String(escaped.prefix(limit - 1)) + "…" }
        return "\"" + escaped + "\""
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        guard contains("\n") || contains("\"") else { return self }
        var result = ""
        for character in self {
            switch character {
            case "\n": result += "\\n"
            case "\"": result += "\\\""
            default: result.append(character)
            }
        }
        return result
    }
}
