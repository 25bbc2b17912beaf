import StepModel
import StepSyntax

/// What a rule catalogue shows about a rule: its id, default severity and one-line summary.
public struct RuleDescriptor: Sendable, Equatable {
    /// The stable id users type: `parity.undefined-step`.
    public var id: String
    public var defaultSeverity: Diagnostic.Severity
    /// One line, lowercase start, no final period.
    public var summary: String

    public init(id: String, defaultSeverity: Diagnostic.Severity, summary: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
    }

    /// The descriptor of a parity rule.
    public init(_ rule: any ParityRule.Type) {
        self.init(id: rule.id, defaultSeverity: rule.defaultSeverity, summary: rule.summary)
    }

    /// The descriptor of a structural rule, so one catalogue can list both kinds.
    public init(_ rule: any ProcedureRule.Type) {
        self.init(id: rule.id, defaultSeverity: rule.defaultSeverity, summary: rule.summary)
    }
}
