/// The stable id of a rule, as users type it in stepdoc.yml and ignore comments (`steps.numbering`).
///
/// Each id is declared once, as a constant beside the rule that emits it (the reader's own below; the
/// model's, parity's and the project's in their modules), and emit sites name the constant: a typo
/// fails to compile. Ids that come from outside (stepdoc.yml, an ignore comment) are made with
/// ``init(rawValue:)`` and checked against the rule catalogue.
public struct RuleID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

// The reader's own rules.
extension RuleID {
    /// The file is valid UTF-8.
    public static let rstInvalidUTF8 = RuleID(rawValue: "rst.invalid-utf8")
    /// The file holds no NUL bytes.
    public static let rstInvalidCharacter = RuleID(rawValue: "rst.invalid-character")
    /// reStructuredText markup is well formed.
    public static let rstMarkup = RuleID(rawValue: "rst.markup")
    /// Section title underlines and overlines are long enough.
    public static let rstTitleUnderline = RuleID(rawValue: "rst.title-underline")
    /// Content is nested no deeper than the limit.
    public static let limitsNestingDepth = RuleID(rawValue: "limits.nesting-depth")
    /// The argument of an `only` directive is a valid tag expression.
    public static let rstOnlyExpression = RuleID(rawValue: "rst.only-expression")
}
