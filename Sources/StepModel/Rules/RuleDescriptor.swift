import StepSyntax

/// What a report says about a rule: its stable id, default severity and a one-line statement.
///
/// Every module that emits diagnostics describes its ids with these; the command line joins the lists
/// into one ``RuleCatalogue`` for SARIF's rule table and for checking the rule ids of `stepdoc.yml`.
public struct RuleDescriptor: Sendable, Equatable, Hashable {
    /// The id users type in `stepdoc.yml` and in ignore comments, such as `steps.numbering`.
    public var id: RuleID
    public var defaultSeverity: Diagnostic.Severity
    /// What the rule requires, in one line (lowercase start, no final period).
    public var summary: String
    /// Where the rule is documented, when a page for it exists.
    public var helpURI: String?

    public init(id: RuleID, defaultSeverity: Diagnostic.Severity, summary: String, helpURI: String? = nil) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.helpURI = helpURI
    }
}

extension ProcedureRule {
    /// The rule as catalogues and reports list it.
    public static var descriptor: RuleDescriptor {
        RuleDescriptor(id: id, defaultSeverity: defaultSeverity, summary: summary)
    }
}
