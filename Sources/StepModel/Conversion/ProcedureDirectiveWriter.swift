/// Writes a procedure as MongoDB's `.. procedure::` directive, one `.. step:: Title` per step.
///
/// A `.. stepdoc: giza …` comment above the directive (``GizaLayoutComment``) records the giza era,
/// the heading character and, when they are not 1…n, the step numbers, so converting back gives the
/// giza file it came from. Bodies are the giza bodies moved three columns right (giza writes them at
/// column 4, a step's content starts at column 7); blank lines stay as they are.
public enum ProcedureDirectiveWriter {
    /// The file's bytes.
    public static func bytes(_ text: ProcedureText) -> [UInt8] {
        text.layout.encode(lines(text))
    }

    /// The file's lines, without line ends.
    public static func lines(_ text: ProcedureText) -> [String] {
        var lines = text.steps.first?.leading ?? []
        let comment = GizaLayoutComment(
            era: text.layout.era == .unknown ? .notHTMLDoubledUnderline : text.layout.era,
            headingCharacter: text.steps.first?.headingCharacter ?? "~",
            numbers: text.isNumberedSequentially ? nil : text.steps.map(\.number))
        lines += [".. " + comment.commentText, "", ".. procedure::", "   :style: normal", ""]
        for (index, step) in text.steps.enumerated() {
            if index > 0 { lines += step.leading.map(indented) }
            lines += ["   .. step:: " + step.title, ""]
            if let label = step.label { lines += ["      .. _\(label):", ""] }
            lines += step.separatedBody.map(indented)
        }
        return lines + text.epilogue
    }

    /// A line moved three columns right; empty lines stay empty.
    static func indented(_ line: String) -> String {
        line.isEmpty ? "" : "   " + line
    }
}
