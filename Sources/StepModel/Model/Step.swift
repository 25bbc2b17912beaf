import StepSyntax

/// One numbered step, paired across the two branches.
public struct Step: Sendable, Equatable {
    /// The copy under the HTML branch (`.. only:: html or dirhtml or singlehtml`), if present.
    public var html: StepCopy?
    /// The copy under the other branch ("Step N: title"), if present.
    public var print: StepCopy?

    public init(html: StepCopy?, print: StepCopy?) {
        self.html = html
        self.print = print
    }

    /// The copy renderers use: the HTML copy, or the other one when the HTML copy is missing.
    public var primary: StepCopy {
        // A step always has at least one copy; lowering never builds one without.
        html ?? print ?? StepCopy.empty
    }

    /// The documented number, if it is one.
    public var number: Int? { primary.number ?? print?.number }
    public var title: [Inline] { primary.title }
    /// The title as plain text (roles and literals reduced to their text).
    public var titleText: String { primary.titleText }
    public var isOptional: Bool { primary.isOptional }
    public var body: [Block] { primary.body }
    /// The legacy `.. _step-N-…:` label, when the file has one.
    public var label: String? { primary.label }
    public var range: SourceRange { primary.range }
}

/// Which branch of a giza file a copy sits in.
public enum Branch: String, Sendable, Equatable {
    /// The copy built for HTML builders, numbered by a raw-HTML `sequence-step` div.
    case html
    /// The copy for every other builder, titled "Step N: title".
    case print
}

/// One copy of a step, as written in one branch.
public struct StepCopy: Sendable, Equatable {
    public var branch: Branch
    /// The `only` expression around the copy (`nil` when the copy is not under `only`).
    public var expression: OnlyExpression?
    /// The number as written ("3" in `sequence-step">3<` or "Step 3:"), and where.
    public var numberText: String
    public var numberRange: SourceRange
    /// `numberText` read as a number, or `nil` when it is not one.
    public var number: Int?
    public var title: [Inline]
    public var titleText: String
    public var titleRange: SourceRange
    /// "Optional: " came before the title.
    public var isOptional: Bool
    /// The heading's adornment: level (by first appearance in the file), character, and lengths.
    public var heading: HeadingAdornment
    public var label: String?
    public var body: [Block]
    /// The body is the HTML copy's blocks, shared: the two copies read the same (their syntax is
    /// equivalent), so the other copy was not lowered again. Its blocks then carry the HTML copy's
    /// ranges; ``bodyRange`` is still this copy's own.
    public var sharesBodyWithHTMLCopy: Bool = false
    /// From the start of the body to its end (empty at the end of the title when there is no body).
    public var bodyRange: SourceRange
    /// The whole copy, from its number to the end of its body.
    public var range: SourceRange

    public init(
        branch: Branch, expression: OnlyExpression?, numberText: String, numberRange: SourceRange, number: Int?,
        title: [Inline], titleText: String, titleRange: SourceRange, isOptional: Bool, heading: HeadingAdornment,
        label: String?, body: [Block], bodyRange: SourceRange, range: SourceRange
    ) {
        self.branch = branch
        self.expression = expression
        self.numberText = numberText
        self.numberRange = numberRange
        self.number = number
        self.title = title
        self.titleText = titleText
        self.titleRange = titleRange
        self.isOptional = isOptional
        self.heading = heading
        self.label = label
        self.body = body
        self.bodyRange = bodyRange
        self.range = range
    }

    static let empty: StepCopy = {
        let origin = SourceLocation(line: 1, column: 1)
        return StepCopy(
            branch: .html, expression: nil, numberText: "", numberRange: origin..<origin, number: nil, title: [],
            titleText: "", titleRange: origin..<origin, isOptional: false,
            heading: HeadingAdornment(
                level: 1, character: "~", textWidth: 0, underlineLength: 0, range: origin..<origin),
            label: nil, body: [], bodyRange: origin..<origin, range: origin..<origin)
    }()
}

/// A heading's adornment, as the rules about heading levels and underlines need it.
public struct HeadingAdornment: Sendable, Equatable {
    /// The level of the title style, by order of first appearance in the file (1 = first style seen).
    public var level: Int
    public var character: Unicode.Scalar
    /// Characters in the whole title line (for a print copy, "Step N: " included).
    public var textWidth: Int
    public var underlineLength: Int
    /// The whole heading, title line and underline.
    public var range: SourceRange

    public init(level: Int, character: Unicode.Scalar, textWidth: Int, underlineLength: Int, range: SourceRange) {
        self.level = level
        self.character = character
        self.textWidth = textWidth
        self.underlineLength = underlineLength
        self.range = range
    }
}
