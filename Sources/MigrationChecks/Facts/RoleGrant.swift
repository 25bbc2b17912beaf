/// A role held on a database, as `usersInfo` and `connectionStatus` list it: `{role, db}`.
public struct RoleGrant: Sendable, Hashable {
    public var role: String
    public var database: String

    public init(role: String, database: String) {
        self.role = role
        self.database = database
    }

    /// Reads `{"role": …, "db": …}`, or a bare role name held on `defaultDatabase`.
    public init?(_ value: JSONValue, defaultDatabase: String) {
        if let role = value.stringValue {
            self.init(role: role, database: defaultDatabase)
            return
        }
        guard let role = value["role"]?.stringValue, let database = value["db"]?.stringValue else { return nil }
        self.init(role: role, database: database)
    }
}

extension RoleGrant: CustomStringConvertible {
    /// `role@db`.
    public var description: String {
        "\(role)@\(database)"
    }
}
