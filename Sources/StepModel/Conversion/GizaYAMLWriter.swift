import StepEscaping

/// Writes a procedure as a giza steps YAML file: one document per step with its `title`, `ref`,
/// `level` (when the heading is not giza's default `~`), `stepnum` (when the numbers are not 1…n),
/// `optional`, and its body as a `content` block.
///
/// giza writes a `content` block back indented three spaces, its blank lines holding those spaces,
/// followed by a blank line: the body is stored so that it comes back that way. What giza cannot
/// hold (content outside the steps, labels) is left out.
public enum GizaYAMLWriter {
    /// The file's bytes.
    public static func bytes(_ text: ProcedureText) -> [UInt8] {
        text.layout.encode(lines(text))
    }

    /// The file's lines, without line ends.
    public static func lines(_ text: ProcedureText) -> [String] {
        var lines: [String] = []
        var refs: Set<String> = []
        let sequential = text.isNumberedSequentially
        for (index, step) in text.steps.enumerated() {
            if index > 0 { lines.append("---") }
            var title = step.title
            let isOptional = title.hasPrefix("Optional: ")
            if isOptional { title.removeFirst("Optional: ".count) }
            lines.append("title: " + TextEscaping.yamlDoubleQuoted(title))
            lines.append("ref: " + uniqueRef(step, title: title, index: index, taken: &refs))
            if step.headingCharacter != "~", let level = GizaYAMLStep.characters.firstIndex(of: step.headingCharacter) {
                lines.append("level: \(level + 1)")
            }
            if !sequential { lines.append("stepnum: \(step.number)") }
            if isOptional { lines.append("optional: true") }
            lines += block("content", content(step.body))
        }
        if !text.steps.isEmpty { lines.append("...") }
        return lines
    }

    /// The text of a `content` field that giza writes back as `body`: three columns less, without
    /// the blank line giza adds after it.
    static func content(_ body: [String]) -> String? {
        var lines = body
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else { return nil }
        let text = lines.map { line -> String in
            if line.hasPrefix("   ") { return String(line.dropFirst(3)) }
            return String(line.drop { $0 == " " || $0 == "\t" })
        }
        return text.joined(separator: "\n")
    }

    /// A literal block scalar holding `text` exactly: chomping and indentation indicators as needed.
    static func block(_ key: String, _ text: String?) -> [String] {
        guard let text else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var chomping = "-"
        if lines.count > 1, lines.last == "" {
            lines.removeLast()
            chomping = lines.last == "" ? "+" : ""
        }
        let firstContent = lines.first { !$0.allSatisfy { $0 == " " } }
        let indicator = firstContent?.first == " " ? "2" : ""
        return ["\(key): |\(indicator)\(chomping)"] + lines.map { $0.isEmpty ? "" : "  " + $0 }
    }

    /// The step's `ref`: its own, its label without giza's `step-N-`, or its title made a slug.
    private static func uniqueRef(_ step: StepText, title: String, index: Int, taken: inout Set<String>) -> String {
        var base = step.ref ?? ""
        if base.isEmpty, let label = step.label {
            let prefix = "step-\(step.number)-"
            base = label.hasPrefix(prefix) ? String(label.dropFirst(prefix.count)) : label
        }
        if base.isEmpty { base = slug(title) }
        if base.isEmpty { base = "step-\(index + 1)" }
        var ref = base
        var suffix = 2
        while taken.contains(ref) {
            ref = "\(base)-\(suffix)"
            suffix += 1
        }
        taken.insert(ref)
        return ref
    }

    /// Lowercase letters and digits of a title, other runs made one hyphen.
    static func slug(_ title: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in title.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingHyphen, !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
