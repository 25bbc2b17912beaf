import StepSyntax

// The ids of the parity rules; their descriptors are beside each ParityRule.
extension RuleID {
    /// Every documented step is implemented by a check.
    public static let parityUndefinedStep = RuleID(rawValue: "parity.undefined-step")
    /// Every check implements a documented step.
    public static let parityUndocumentedCheck = RuleID(rawValue: "parity.undocumented-check")
    /// One check per step, one step per check.
    public static let parityAmbiguous = RuleID(rawValue: "parity.ambiguous")
    /// Documented values are the enforced values.
    public static let parityValueMismatch = RuleID(rawValue: "parity.value-mismatch")
}
