/// A fact a check needs but cannot read: absent, failed, malformed, or lacking a field.
///
/// Checks throw it; ``Check/evaluate(_:)`` turns it into ``CheckOutcome/cannotTell(missingFact:reason:)``.
public struct MissingFact: Error, Sendable, Equatable {
    /// The fact, or a field of it: `getCmdLineOpts`, `buildInfo.version`, `user`.
    public var fact: String
    /// One line, lowercase start, no final period.
    public var reason: String

    public init(fact: String, reason: String) {
        self.fact = fact
        self.reason = reason
    }
}
