/// What a title placeholder matches.
public enum PlaceholderType: String, Sendable, Hashable, CaseIterable {
    /// Digits and dots, starting and ending with a digit: `2.6`, `4.0.3`, `4`.
    case version
    /// Digits with an optional fraction: `3`, `2.5`.
    case number
    /// One run of letters, digits, `_` or `-`: `clusterMonitor`, `AWS`.
    case word
    /// Any non-empty text, as little as lets the rest of the title match.
    case text
}
