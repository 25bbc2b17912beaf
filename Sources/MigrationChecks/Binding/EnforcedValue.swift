/// A value a check enforces, which its documented step must state too.
public enum EnforcedValue: Sendable, Equatable {
    /// The oldest server version that passes.
    case minimumVersion(ServerVersion)
    /// The roles the migration user must hold; order and repeats do not matter.
    case roleSet(Set<String>)
    /// Any other value, compared as text.
    case text(String)
}

extension EnforcedValue {
    /// Whether the documentation states this value.
    ///
    /// `documented` is what the step says: one element for a title placeholder (`["2.6"]`), every
    /// mention for body role mentions (`["clusterMonitor", "backup"]`). Versions compare as
    /// versions (`2.6` equals `2.6.0`), role sets as sets, text exactly.
    public func isStated(by documented: [String]) -> Bool {
        switch self {
        case .minimumVersion(let version):
            guard documented.count == 1, let stated = ServerVersion(documented[0]) else { return false }
            return stated == version
        case .roleSet(let roles):
            return Set(documented) == roles
        case .text(let text):
            return documented == [text]
        }
    }

    /// The value as documentation would write it: `2.6`, `backup, clusterMonitor` (sorted).
    public var documentedForm: String {
        switch self {
        case .minimumVersion(let version): version.description
        case .roleSet(let roles): roles.sorted().joined(separator: ", ")
        case .text(let text): text
        }
    }
}

extension EnforcedValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .minimumVersion(let version): "minimum version \(version)"
        case .roleSet(let roles): "roles {\(roles.sorted().joined(separator: ", "))}"
        case .text(let text): "\"\(text)\""
        }
    }
}
