/// The server commands whose replies make up a deployment's facts.
public enum FactName: String, Sendable, Hashable, CaseIterable {
    /// `{hello: 1}`; servers older than 4.4.2 answer only the legacy `{isMaster: 1}`, stored under `isMaster`.
    case hello
    /// `{buildInfo: 1}`.
    case buildInfo
    /// `{getCmdLineOpts: 1}`; needs the `clusterMonitor` role (or `getCmdLineOpts` privilege).
    case getCmdLineOpts
    /// `{connectionStatus: 1, showPrivileges: true}`.
    case connectionStatus
    /// `{usersInfo: {user: <migration user>, db: <its database>}, showPrivileges: true}`.
    case usersInfo

    /// The command as the mongo shell writes it: `{buildInfo: 1}`.
    public var command: String {
        switch self {
        case .connectionStatus: "{connectionStatus: 1, showPrivileges: true}"
        case .usersInfo: "{usersInfo: …, showPrivileges: true}"
        default: "{\(rawValue): 1}"
        }
    }

    /// The keys of the facts document that may hold this fact, preferred first.
    public var documentKeys: [String] {
        switch self {
        case .hello: ["hello", "isMaster"]
        default: [rawValue]
        }
    }
}

extension FactName: CustomStringConvertible {
    public var description: String {
        rawValue
    }
}
