import StepEscaping

/// The migration user holds every required role on a database (`admin`), counting the roles that
/// MongoDB's built-in roles include (``BuiltinRoles``): `root` gives `backup`, `clusterAdmin` gives
/// `clusterMonitor`.
///
/// The user's roles come from `usersInfo` (the entry for the facts' `user`, its `roles` and,
/// when collected with `showPrivileges`, `inheritedRoles`, which covers user-defined roles). Without
/// `usersInfo`, `connectionStatus.authInfo.authenticatedUserRoles` is used when the facts were
/// collected while authenticated as the migration user.
public struct MigrationUserMustHoldRoles: Sendable {
    /// The roles the user must hold.
    public let requiredRoles: Set<String>
    /// The database the roles must be held on.
    public let database: String

    public init(_ requiredRoles: Set<String>, on database: String = "admin") {
        self.requiredRoles = requiredRoles
        self.database = database
    }

    public func evaluate(_ facts: DeploymentFacts) throws(MissingFact) -> CheckOutcome {
        if let user = facts.document["user"], user.stringValue == nil {
            throw MissingFact(fact: "user", reason: "\"user\" is \(user.kindDescription), not a user name")
        }
        if let version = try? facts.serverVersion() {
            let absent = requiredRoles.filter { !BuiltinRoles(serverVersion: version).exists($0) }.sorted()
            if !absent.isEmpty {
                let names = absent.joined(separator: " and ")
                return .fail(
                    reason: "MongoDB \(version) has no \(names) role\(absent.count == 1 ? "" : "s") (\(absent.count == 1 ? "it" : "they") came with "
                        + "2.6's role-based access control, with usersInfo and grantRolesToUser), so no user can "
                        + "hold \(absent.count == 1 ? "it" : "them")",
                    remedy: "upgrade the deployment to MongoDB 2.6 or newer first; then grant the user "
                        + "\(requiredRoles.sorted().joined(separator: " and ")) on the \(database) database")
            }
        }
        let holder: RoleHolder
        switch try rolesFromUsersInfo(facts) {
        case .some(.success(let found)):
            holder = found
        case .some(.failure(let outcome)):
            return outcome
        case nil:
            holder = try rolesFromConnectionStatus(facts)
        }

        let version = try? facts.serverVersion()
        let builtinRoles = BuiltinRoles(serverVersion: version)
        let held = Set(holder.grants.filter { $0.database == database }.map(\.role))
        let effective = builtinRoles.closure(of: held)
        let missing = requiredRoles.subtracting(effective).sorted()

        guard missing.isEmpty else {
            var reason = "user \(holder.name) lacks \(missing.joined(separator: ", ")) on the \(database) database"
            if let version, let note = versionNote(missing: missing, held: held, version: version) {
                reason += "; \(note)"
            }
            let grants = missing.map { "{ role: \(TextEscaping.javaScript($0)), db: \(TextEscaping.javaScript(database)) }" }
            let command =
                "db.getSiblingDB(\(TextEscaping.javaScript(holder.userDatabase)))"
                + ".grantRolesToUser(\(TextEscaping.javaScript(holder.name)), [\(grants.joined(separator: ", "))])"
            return .fail(reason: reason, remedy: "grant them: \(command)")
        }
        let through = requiredRoles.sorted().map { role in
            let source = builtinRoles.source(of: role, among: held) ?? role
            return source == role ? role : "\(role) (through \(source))"
        }
        return .pass(detail: "user \(holder.name) holds \(through.joined(separator: ", ")) on the \(database) database")
    }

    // MARK: - Where the roles come from

    private struct RoleHolder {
        var name: String
        var userDatabase: String
        var grants: [RoleGrant]
    }

    private enum UsersInfoResult {
        case success(RoleHolder)
        case failure(CheckOutcome)
    }

    /// The user's roles from `usersInfo`; nil when `usersInfo` is unavailable, so that
    /// `connectionStatus` can be tried.
    private func rolesFromUsersInfo(_ facts: DeploymentFacts) throws(MissingFact) -> UsersInfoResult? {
        guard case .present(let reply) = facts.status(of: .usersInfo) else { return nil }
        guard let users = reply["users"]?.arrayValue else {
            throw MissingFact(fact: "usersInfo.users", reason: "usersInfo has no users array")
        }
        let name = facts.migrationUser
        let userDatabase = facts.migrationUserDatabase
        let entry = users.first { candidate in
            guard let name else { return true }
            return candidate["user"]?.stringValue == name
                && (candidate["db"]?.stringValue.map { $0 == userDatabase } ?? true)
        }
        guard let entry else {
            let who = name.map { "user \($0)" } ?? "the migration user"
            return .failure(
                .fail(
                    reason: "\(who) does not exist on the \(userDatabase) database",
                    remedy: "create the user with the \(requiredRoles.sorted().joined(separator: " and ")) roles "
                        + "on the \(database) database"))
        }
        guard let roles = entry["roles"]?.arrayValue else {
            throw MissingFact(fact: "usersInfo.users.roles", reason: "the usersInfo entry has no roles array")
        }
        let entryDatabase = entry["db"]?.stringValue ?? userDatabase
        let inherited = entry["inheritedRoles"]?.arrayValue ?? []
        let grants = (roles + inherited).compactMap { RoleGrant($0, defaultDatabase: entryDatabase) }
        let holderName = name ?? entry["user"]?.stringValue ?? "the migration user"
        return .success(RoleHolder(name: holderName, userDatabase: entryDatabase, grants: grants))
    }

    private func rolesFromConnectionStatus(_ facts: DeploymentFacts) throws(MissingFact) -> RoleHolder {
        let usersInfoProblem: MissingFact
        do {
            _ = try facts.reply(.usersInfo)
            usersInfoProblem = MissingFact(fact: "usersInfo", reason: "usersInfo is unavailable")
        } catch {
            usersInfoProblem = error
        }
        guard case .present(let reply) = facts.status(of: .connectionStatus) else {
            throw usersInfoProblem
        }
        guard let authInfo = reply["authInfo"]?.objectValue, let roles = authInfo["authenticatedUserRoles"]?.arrayValue
        else {
            // Servers before 2.6 answer connectionStatus without roles.
            throw MissingFact(
                fact: usersInfoProblem.fact,
                reason: "\(usersInfoProblem.reason), and connectionStatus does not list the user's roles")
        }
        let authenticated = (authInfo["authenticatedUsers"]?.arrayValue ?? []).compactMap { user -> (String, String)? in
            // 2.4 names the user's database `userSource`.
            guard let name = user["user"]?.stringValue, let db = (user["db"] ?? user["userSource"])?.stringValue
            else { return nil }
            return (name, db)
        }
        let name = facts.migrationUser
        let match = authenticated.first { name == nil || $0.0 == name }
        guard let (matchedName, matchedDatabase) = match else {
            let who =
                authenticated.isEmpty
                ? "no authenticated user"
                : "\(authenticated.map(\.0).joined(separator: ", ")), not \(name ?? "the migration user")"
            throw MissingFact(
                fact: usersInfoProblem.fact,
                reason: "\(usersInfoProblem.reason), and connectionStatus shows \(who)")
        }
        let grants = roles.compactMap { RoleGrant($0, defaultDatabase: matchedDatabase) }
        return RoleHolder(name: matchedName, userDatabase: matchedDatabase, grants: grants)
    }

    /// Explains a role that newer servers' definitions would give through a held role.
    private func versionNote(missing: [String], held: Set<String>, version: ServerVersion) -> String? {
        let current = BuiltinRoles()
        for role in missing {
            if let source = current.source(of: role, among: held), source != role {
                return "on MongoDB \(version), \(source) does not include \(role) (it does in later versions)"
            }
        }
        return nil
    }
}
