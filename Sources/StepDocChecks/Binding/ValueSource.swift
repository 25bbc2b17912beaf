/// Where in a documented step a bound value is written.
///
/// The check manifest writes a source as `{"titlePlaceholder": NAME}` or `{"bodyRoleMentions": ROLE}`.
public enum ValueSource: Sendable, Hashable {
    /// The text a title placeholder captures: `version` in `… running MongoDB {version}+`.
    case titlePlaceholder(String)
    /// The targets of every mention of a reST role in the step body, as a set: `authrole` for
    /// ``:authrole:`clusterMonitor` ``.
    case bodyRoleMentions(role: String)
}

extension ValueSource: CustomStringConvertible {
    public var description: String {
        switch self {
        case .titlePlaceholder(let name): "title placeholder {\(name)}"
        case .bodyRoleMentions(let role): ":\(role): mentions in the body"
        }
    }
}
