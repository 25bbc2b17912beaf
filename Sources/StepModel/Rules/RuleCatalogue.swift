import StepSyntax

/// An ordered list of rules with lookup by id: the table SARIF reports carry and `stepdoc.yml` is
/// checked against.
///
/// Catalogues are built by appending: the content rules of this module (``RuleCatalogue/content``), then
/// whatever other modules add (file access, docs/code parity), so no module has to know all ids.
public struct RuleCatalogue: Sendable, Equatable {
    /// The rules in catalogue order; the first description of an id wins.
    public private(set) var rules: [RuleDescriptor] = []
    private var indexByID: [RuleID: Int] = [:]

    public init(_ rules: some Sequence<RuleDescriptor>) {
        append(contentsOf: rules)
    }

    /// Every id, in catalogue order.
    public var ids: [RuleID] { rules.map(\.id) }

    /// The rule with `id`, if the catalogue lists it.
    public subscript(id: RuleID) -> RuleDescriptor? {
        index(of: id).map { rules[$0] }
    }

    /// The position of `id` in ``rules`` (SARIF's `ruleIndex`).
    public func index(of id: RuleID) -> Int? {
        indexByID[id]
    }

    /// Adds rules at the end, skipping ids already listed.
    public mutating func append(contentsOf other: some Sequence<RuleDescriptor>) {
        for rule in other where indexByID[rule.id] == nil {
            indexByID[rule.id] = rules.count
            rules.append(rule)
        }
    }

    /// This catalogue followed by `other`'s rules.
    public func appending(_ other: some Sequence<RuleDescriptor>) -> RuleCatalogue {
        var copy = self
        copy.append(contentsOf: other)
        return copy
    }

    /// The catalogue with `uri` as the help page of every rule that has none.
    public func withDefaultHelpURI(_ uri: (RuleDescriptor) -> String) -> RuleCatalogue {
        RuleCatalogue(
            rules.map { rule in
                var rule = rule
                if rule.helpURI == nil { rule.helpURI = uri(rule) }
                return rule
            })
    }

    public static func == (lhs: RuleCatalogue, rhs: RuleCatalogue) -> Bool {
        lhs.rules == rhs.rules
    }
}
