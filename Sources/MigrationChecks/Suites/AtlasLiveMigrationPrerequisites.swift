/// The checks for `content/atlas-live-migration-prerequisites.rst`: one per documented step.
///
/// The suite can be built with other values than the documented ones, so tests can make the code
/// disagree with the documentation and see parity notice.
public enum AtlasLiveMigrationPrerequisites {
    /// The suite id, which is also the documentation file's base name.
    public static let id = "atlas-live-migration-prerequisites"

    /// The suite, enforcing `minimumVersion` and `requiredRoles`.
    public static func suite(
        minimumVersion: ServerVersion = "2.6",
        requiredRoles: Set<String> = ["clusterMonitor", "backup"]
    ) -> CheckSuite {
        let checkVersion = ServerVersionMustBeAtLeast(minimumVersion)
        let checkRoles = MigrationUserMustHoldRoles(requiredRoles, on: "admin")
        return CheckSuite(
            id: id,
            title: "Atlas Live Migration prerequisites",
            checks: [
                Check(
                    id: "source-is-mongodb",
                    summary: "the source deployment answers as a MongoDB server",
                    title: "Your data is currently in a MongoDB database.",
                    reads: [.buildInfo, .hello]
                ) { facts throws(MissingFact) in
                    try SourceMustBeMongoDB().evaluate(facts)
                },
                Check(
                    id: "server-version",
                    summary: "the source deployment runs MongoDB \(minimumVersion) or newer",
                    title: "Your current MongoDB database is running MongoDB {version}+",
                    values: [
                        BoundValue(
                            name: "minimum version", source: .titlePlaceholder("version"),
                            enforced: .minimumVersion(minimumVersion))
                    ],
                    reads: [.buildInfo]
                ) { facts throws(MissingFact) in
                    try checkVersion.evaluate(facts)
                },
                Check(
                    id: "replica-set",
                    summary: "the source deployment is a replica set, not a standalone or a sharded cluster",
                    title: "Your current deployment is a MongoDB replica set.",
                    reads: [.hello, .getCmdLineOpts]
                ) { facts throws(MissingFact) in
                    try DeploymentMustBeReplicaSet().evaluate(facts)
                },
                Check(
                    id: "auth-enabled",
                    summary: "the source deployment enforces access control",
                    title: "Authentication is enabled on your source deployment",
                    reads: [.getCmdLineOpts]
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
                            name: "required roles", source: .bodyRoleMentions(role: "authrole"),
                            enforced: .roleSet(requiredRoles))
                    ],
                    reads: [.usersInfo, .connectionStatus, .buildInfo]
                ) { facts throws(MissingFact) in
                    try checkRoles.evaluate(facts)
                },
            ])
    }
}
