/// A documented value a check depends on: where the step states it, and what the code enforces.
public struct BoundValue: Sendable, Equatable {
    /// A short name for messages: `minimum version`, `required roles`.
    public var name: String
    /// Where the step states the value.
    public var source: ValueSource
    /// What the check enforces, with where the value is written in Swift.
    public var enforced: EnforcedValue

    public init(name: String, source: ValueSource, enforced: EnforcedValue) {
        self.name = name
        self.source = source
        self.enforced = enforced
    }

    /// Where the enforced value is declared.
    public var declaration: Declaration {
        enforced.declaration
    }
}
