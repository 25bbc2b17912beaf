/// The checks for `content/atlas-live-migration-prerequisites.rst`: one per documented step.
///
/// The suite can be built with other values than the documented ones, so tests can make the code
/// disagree with the documentation and see parity notice; each enforced value records where it is
/// written (the defaults here, or a test's own literal).
public enum AtlasLiveMigrationPrerequisites {
    /// The suite id, which is also the documentation file's base name.
    public static let id = "atlas-live-migration-prerequisites"

    /// The suite, enforcing `minimumVersion` (a ``EnforcedValue/minimumVersion(_:file:line:column:)``) and
    /// `requiredRoles` (a ``EnforcedValue/roleSet(_:file:line:column:)``); another kind of value is a
    /// programming error.
    public static func suite(
        id: String = id,
        minimumVersion: EnforcedValue = .minimumVersion("2.6"),
        requiredRoles: EnforcedValue = .roleSet(["clusterMonitor", "backup"])
    ) -> MigrationCheckSuite {
        guard case .minimumVersion(let version) = minimumVersion.kind else {
            preconditionFailure("minimumVersion must be .minimumVersion(…), not \(minimumVersion)")
        }
        guard case .roleSet(let roles) = requiredRoles.kind else {
            preconditionFailure("requiredRoles must be .roleSet(…), not \(requiredRoles)")
        }
        let checkVersion = ServerVersionMustBeAtLeast(version)
        let checkRoles = MigrationUserMustHoldRoles(roles, on: "admin")
        return CheckSuite(
            id: id,
            title: "Atlas Live Migration prerequisites",
            checks: [
                Check(
                    id: "source-is-mongodb",
                    summary: "the source deployment answers as a MongoDB server",
                    title: "Your data is currently in a MongoDB database."
                ) { facts throws(MissingFact) in
                    try SourceMustBeMongoDB().evaluate(facts)
                },
                Check(
                    id: "server-version",
                    summary: "the source deployment runs MongoDB \(version) or newer",
                    title: "Your current MongoDB database is running MongoDB {version}+",
                    values: [
                        BoundValue(name: "minimum version", source: .titlePlaceholder("version"), enforced: minimumVersion)
                    ]
                ) { facts throws(MissingFact) in
                    try checkVersion.evaluate(facts)
                },
                Check(
                    id: "replica-set",
                    summary: "the source deployment is a replica set, not a standalone or a sharded cluster",
                    title: "Your current deployment is a MongoDB replica set."
                ) { facts throws(MissingFact) in
                    try DeploymentMustBeReplicaSet().evaluate(facts)
                },
                Check(
                    id: "auth-enabled",
                    summary: "the source deployment enforces access control",
                    title: "Authentication is enabled on your source deployment"
                ) { facts throws(MissingFact) in
                    try AuthenticationMustBeEnabled().evaluate(facts)
                },
                Check(
                    id: "migration-user-roles",
                    summary: "the migration user holds the required roles on the admin database",
                    title: TitlePattern(
                        "The database user from your source cluster on AWS that you will use to perform the "
                            + "migration has the required MongoDB roles."),
                    values: [
                        BoundValue(
                            name: "required roles", source: .bodyRoleMentions(role: "authrole"), enforced: requiredRoles)
                    ]
                ) { facts throws(MissingFact) in
                    try checkRoles.evaluate(facts)
                },
            ])
    }
}
