import StepSyntax

/// A numbered procedure read from one step file: its steps, in documented order.
///
/// Both copies of each step (the HTML branch and the other branch) are kept, so rules can compare them;
/// renderers use ``Step/title`` and ``Step/body``, which come from the HTML copy when there is one.
public struct Procedure: Sendable, Equatable {
    /// The path of the source file, as diagnostics print it.
    public var file: String
    /// The template era the file was generated in (for the other formats: the era a conversion to
    /// giza reStructuredText writes, when the source records one).
    public var era: TemplateEra
    /// The source format: giza reStructuredText, a `.. procedure::` directive, or giza YAML.
    public var format: ProcedureFormat = .gizaRST
    public var steps: [Step]
    /// Content outside every step (before the first step, or between branches), in order.
    public var looseContent: [Block]
    /// Hyperlink targets defined in the file, by normalized name.
    public var targets: [String: LinkTarget]

    public init(
        file: String, era: TemplateEra, steps: [Step], looseContent: [Block] = [], targets: [String: LinkTarget] = [:]
    ) {
        self.file = file
        self.era = era
        self.steps = steps
        self.looseContent = looseContent
        self.targets = targets
    }
}

/// A named hyperlink target: where `name_` references lead.
public struct LinkTarget: Sendable, Equatable {
    public var name: String
    /// The URL, or `#name` for an internal label.
    public var destination: String
    public var range: SourceRange
}

/// The giza template generation a step file comes from (DESIGN.md §1).
public enum TemplateEra: String, Sendable, Equatable, CaseIterable {
    /// 2013–14: each step under `.. only:: not latex` with a `.. _step-N-…:` label, then one
    /// `.. only:: latex` block holding every "Step N: …" heading.
    case legacy2013 = "2013"
    /// 2014–17: the second branch is `.. only:: latex or epub`.
    case latexOrEpub = "2014"
    /// 2017–19: `.. only:: not(html or dirhtml or singlehtml)`, underlines as long as the title.
    case notHTML = "2017"
    /// 2019 on: as 2017–19, with underlines twice the title's length.
    case notHTMLDoubledUnderline = "2019"
    /// No giza branches were recognised (a hand-written file, or a single branch).
    case unknown = "unknown"

    /// A short human description, for `dump` and reports.
    public var summary: String {
        switch self {
        case .legacy2013: "2013–14 legacy (not latex / latex)"
        case .latexOrEpub: "2014–17 (latex or epub)"
        case .notHTML: "2017–19 (not(html or dirhtml or singlehtml))"
        case .notHTMLDoubledUnderline: "2019+ (doubled underlines)"
        case .unknown: "unknown"
        }
    }
}
