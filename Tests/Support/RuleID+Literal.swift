import StepSyntax

/// Tests name rule ids as users type them (`"steps.numbering"`); the sources cannot, so a misspelt id
/// there fails to compile.
extension RuleID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }
}
