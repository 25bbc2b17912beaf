/// MongoDB's built-in roles and which other built-in roles each one includes.
///
/// Built-in roles are defined by privileges, not by inheritance; a role "includes" another when
/// MongoDB's reference ("Built-In Roles") documents it as combining that role's privileges:
///
/// - `root`: `readWriteAnyDatabase`, `dbAdminAnyDatabase`, `userAdminAnyDatabase`, `clusterAdmin`,
///   `restore` (from 3.0.7) and `backup` (from 3.4);
/// - `clusterAdmin`: `clusterManager`, `clusterMonitor`, `hostManager`;
/// - `dbOwner`: `readWrite`, `dbAdmin`, `userAdmin`; `readWrite`: `read`;
/// - `readWriteAnyDatabase`: `readAnyDatabase`, `readWrite`; `readAnyDatabase`: `read`;
///   `dbAdminAnyDatabase`: `dbAdmin`; `userAdminAnyDatabase`: `userAdmin`;
/// - `__system`: every action on every resource, so every built-in role.
///
/// The graph is the one for roles on the same database (the `admin` database, for the roles a
/// migration needs). `userAdmin` on `admin` can grant itself anything, but does not hold it, so it
/// includes nothing here.
public struct BuiltinRoles: Sendable, Equatable {
    /// The version whose role definitions apply; nil means the current ones.
    public let serverVersion: ServerVersion?

    public init(serverVersion: ServerVersion? = nil) {
        self.serverVersion = serverVersion
    }

    /// Every built-in role name.
    public static let names: Set<String> = [
        "read", "readWrite", "dbAdmin", "dbOwner", "userAdmin",
        "clusterAdmin", "clusterManager", "clusterMonitor", "hostManager",
        "backup", "restore",
        "readAnyDatabase", "readWriteAnyDatabase", "userAdminAnyDatabase", "dbAdminAnyDatabase",
        "root", "__system",
        "enableSharding", "directShardOperations", "__queryableBackup", "searchCoordinator",
    ]

    /// The built-in roles MongoDB 2.6 introduced with its role-based access control (with `usersInfo`,
    /// `grantRolesToUser` and user-defined roles); 2.4 knew only `read`, `readWrite`, `dbAdmin`,
    /// `userAdmin`, `clusterAdmin` and their `…AnyDatabase` forms.
    public static let introducedIn2_6: Set<String> = [
        "dbOwner", "clusterManager", "clusterMonitor", "hostManager", "backup", "restore", "root", "__system",
    ]

    /// Whether `role` exists on ``serverVersion`` (every role does when the version is unknown).
    public func exists(_ role: String) -> Bool {
        !(Self.introducedIn2_6.contains(role) && !isAtLeast(ServerVersion(major: 2, minor: 6)))
    }

    /// The roles `role` includes directly.
    public func includedRoles(of role: String) -> Set<String> {
        switch role {
        case "root":
            var included: Set<String> = [
                "readWriteAnyDatabase", "dbAdminAnyDatabase", "userAdminAnyDatabase", "clusterAdmin",
            ]
            if isAtLeast(ServerVersion(major: 3, minor: 0, patch: 7)) {
                included.insert("restore")
            }
            if isAtLeast(ServerVersion(major: 3, minor: 4)) {
                included.insert("backup")
            }
            return included
        case "clusterAdmin": return ["clusterManager", "clusterMonitor", "hostManager"]
        case "dbOwner": return ["readWrite", "dbAdmin", "userAdmin"]
        case "readWrite": return ["read"]
        case "readWriteAnyDatabase": return ["readAnyDatabase", "readWrite"]
        case "readAnyDatabase": return ["read"]
        case "dbAdminAnyDatabase": return ["dbAdmin"]
        case "userAdminAnyDatabase": return ["userAdmin"]
        case "__system": return Self.names.subtracting(["__system"])
        default: return []
        }
    }

    /// The roles held through `roles`: the roles themselves and everything they include, transitively.
    public func closure<Roles: Sequence<String>>(of roles: Roles) -> Set<String> {
        var held = Set(roles)
        var pending = Array(held)
        while let role = pending.popLast() {
            for included in includedRoles(of: role) where held.insert(included).inserted {
                pending.append(included)
            }
        }
        return held
    }

    /// Whether holding `holder` gives `role`.
    public func role(_ holder: String, includes role: String) -> Bool {
        closure(of: [holder]).contains(role)
    }

    /// The held role through which `role` is held: `role` itself when held directly, otherwise a
    /// held role that includes it (the first in name order, so the answer is stable).
    public func source(of role: String, among held: Set<String>) -> String? {
        if held.contains(role) {
            return role
        }
        return held.sorted().first { self.role($0, includes: role) }
    }

    private func isAtLeast(_ version: ServerVersion) -> Bool {
        guard let serverVersion else { return true }
        return serverVersion >= version
    }
}
