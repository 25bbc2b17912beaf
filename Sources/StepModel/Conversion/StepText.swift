/// One step as text: its number, its title as written (reST markup, "Optional: " included) and its
/// body's source lines.
///
/// The body lines are as giza writes them in the HTML branch: indented three spaces, blank lines
/// kept exactly (giza's blank lines inside bodies often hold three spaces). Writers re-indent them
/// for their format; nothing is re-serialized from the model, so a rewrite changes no byte it does
/// not have to.
public struct StepText: Sendable, Equatable {
    public var number: Int
    /// The title's source text, without "Step N: ".
    public var title: String
    /// The character the step heading is underlined with.
    public var headingCharacter: Unicode.Scalar
    /// The legacy `.. _step-N-…:` label, or a label written before the title.
    public var label: String?
    /// giza YAML's `ref`, when the step comes from YAML.
    public var ref: String?
    public var body: [String]
    /// Top-level lines that come before this step and belong to no step, as written.
    public var leading: [String]

    public init(
        number: Int, title: String, headingCharacter: Unicode.Scalar = "~", label: String? = nil, ref: String? = nil,
        body: [String], leading: [String] = []
    ) {
        self.number = number
        self.title = title
        self.headingCharacter = headingCharacter
        self.label = label
        self.ref = ref
        self.body = body
        self.leading = leading
    }

    /// The body, ending with a blank line when it has any lines, so whatever follows it (the closing
    /// div, the next step) starts a new block.
    var separatedBody: [String] {
        guard let last = body.last, !last.allSatisfy({ $0 == " " || $0 == "\t" }) else { return body }
        return body + [""]
    }

    /// The label with its number changed to `number`, for labels giza made as `step-N-…`.
    func label(renumberedFrom old: Int) -> String? {
        guard let label else { return nil }
        let prefix = "step-\(old)-"
        guard label.hasPrefix(prefix) else { return label }
        return "step-\(number)-" + label.dropFirst(prefix.count)
    }
}
