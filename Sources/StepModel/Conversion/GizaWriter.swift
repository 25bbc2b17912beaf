/// Writes a procedure as giza generates step files, in the template era of its layout (DESIGN.md §1):
/// each step once under the HTML branch, with the raw-HTML sequence-step div, and once under the
/// other branch as "Step N: title", both with the same body lines.
///
/// The layout follows giza's templates line for line, blank lines and their indentation included,
/// so a well-formed giza file read into a ``ProcedureText`` is written back byte for byte.
public enum GizaWriter {
    /// The `only` expression of the HTML branch from 2014 on.
    static let htmlExpression = "html or dirhtml or singlehtml"

    /// The file's bytes.
    public static func bytes(_ text: ProcedureText) -> [UInt8] {
        text.layout.encode(lines(text))
    }

    /// The file's lines, without line ends.
    public static func lines(_ text: ProcedureText) -> [String] {
        let era = text.layout.era
        var lines: [String] = []
        for step in text.steps {
            lines += step.leading
            lines += htmlCopy(step, era: era)
            if era != .legacy2013 { lines += printCopy(step, era: era) }
        }
        if era == .legacy2013, !text.steps.isEmpty {
            lines += [".. only:: latex", ""]
            for step in text.steps {
                let heading = "Step \(step.number): \(step.title)"
                lines += ["   ", "   " + heading, "   " + underline(heading, step.headingCharacter, era: era)]
                lines += legacyPrintBody(step.separatedBody)
            }
        }
        return lines + text.epilogue
    }

    /// The underline of a title in an era: as long as the title, or twice as long from 2019 on (and
    /// for text from no giza era, which is written as giza writes today).
    public static func underline(_ title: String, _ character: Unicode.Scalar, era: TemplateEra) -> String {
        let width = title.unicodeScalars.count
        let doubled = era == .notHTMLDoubledUnderline || era == .unknown
        return String(repeating: String(character), count: doubled ? 2 * width : width)
    }

    /// The expression of the branch for the other builders.
    public static func printExpression(_ era: TemplateEra) -> String {
        switch era {
        case .legacy2013: "latex"
        case .latexOrEpub: "latex or epub"
        case .notHTML, .notHTMLDoubledUnderline, .unknown: "not(html or dirhtml or singlehtml)"
        }
    }

    static func htmlCopy(_ step: StepText, era: TemplateEra) -> [String] {
        let expression = era == .legacy2013 ? "not latex" : htmlExpression
        var lines = [
            ".. only:: \(expression)", "",
            "   .. raw:: html", "   ",
            "      <div class=\"sequence-block\"><div class=\"bullet-block\"><div class=\"sequence-step\">\(step.number)</div></div>",
            "",
        ]
        if let label = step.label { lines += ["   .. _\(label):", ""] }
        lines += ["   " + step.title, "   " + underline(step.title, step.headingCharacter, era: era), ""]
        lines += step.separatedBody
        lines += ["   .. raw:: html", "   ", "      </div>", ""]
        return lines
    }

    static func printCopy(_ step: StepText, era: TemplateEra) -> [String] {
        let heading = "Step \(step.number): \(step.title)"
        return [
            ".. only:: \(printExpression(era))", "", "   " + heading,
            "   " + underline(heading, step.headingCharacter, era: era), "",
        ]
            + step.separatedBody
    }

    /// The 2013 `latex` block's copy of a body: its blank lines hold the block's indentation.
    static func legacyPrintBody(_ body: [String]) -> [String] {
        body.map { $0.isEmpty ? "   " : $0 }
    }

    /// A body read back from the 2013 `latex` block, in the HTML branch's form.
    static func legacyHTMLBody(_ printBody: [String]) -> [String] {
        printBody.map { $0 == "   " ? "" : $0 }
    }
}
