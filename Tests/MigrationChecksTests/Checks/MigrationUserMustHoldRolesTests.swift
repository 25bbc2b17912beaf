import MigrationChecks
import Testing

@Suite struct MigrationUserMustHoldRolesTests {
    private let check = MigrationUserMustHoldRoles(["clusterMonitor", "backup"])

    private func usersInfo(_ roles: [JSONValue], user: String = "migrator", inherited: [JSONValue]? = nil) -> JSONValue
    {
        var entry: JSONObject = ["user": .string(user), "db": "admin", "roles": .array(roles)]
        if let inherited {
            entry.members.append(.init(key: "inheritedRoles", value: .array(inherited)))
        }
        return ["users": [.object(entry)], "ok": 1]
    }

    private func role(_ name: String, _ db: String = "admin") -> JSONValue {
        ["role": .string(name), "db": .string(db)]
    }

    @Test func passesWithTheExactRoles() throws {
        let facts = DeploymentFacts(document: [
            "user": "migrator", "usersInfo": usersInfo([role("backup"), role("clusterMonitor")]),
        ])
        #expect(
            try check.evaluate(facts)
                == .pass(detail: "user migrator holds backup, clusterMonitor on the admin database"))
    }

    @Test func passesThroughBuiltinRoleInclusionAndSaysThroughWhich() throws {
        let facts = DeploymentFacts(document: [
            "user": "migrator", "usersInfo": usersInfo([role("clusterAdmin"), role("backup")]),
        ])
        #expect(
            try check.evaluate(facts)
                == .pass(
                    detail: "user migrator holds backup, clusterMonitor (through clusterAdmin) on the admin database"))
    }

    @Test func failsNamingEveryMissingRoleWithAGrantCommand() throws {
        let facts = DeploymentFacts(document: [
            "user": "reader", "usersInfo": usersInfo([role("readAnyDatabase")], user: "reader"),
        ])
        #expect(
            try check.evaluate(facts)
                == .fail(
                    reason: "user reader lacks backup, clusterMonitor on the admin database",
                    remedy: #"grant them: db.getSiblingDB("admin").grantRolesToUser("reader", "#
                        + #"[{ role: "backup", db: "admin" }, { role: "clusterMonitor", db: "admin" }])"#))
    }

    @Test func quotesTheUserNameInTheGrantCommand() throws {
        let facts = DeploymentFacts(document: [
            "user": #"o"brien"#, "usersInfo": usersInfo([role("backup")], user: #"o"brien"#),
        ])
        guard case .fail(_, let remedy?) = try check.evaluate(facts) else {
            Issue.record("expected a failure with a remedy")
            return
        }
        #expect(remedy.contains(#"grantRolesToUser("o\"brien", [{ role: "clusterMonitor", db: "admin" }])"#))
    }

    @Test func countsOnlyRolesOnTheRequiredDatabase() throws {
        let facts = DeploymentFacts(document: [
            "user": "migrator", "usersInfo": usersInfo([role("backup", "sales"), role("clusterMonitor")]),
        ])
        #expect("\(try check.evaluate(facts))".contains("lacks backup on the admin database"))
    }

    @Test func countsInheritedRolesOfUserDefinedRoles() throws {
        let facts = DeploymentFacts(document: [
            "user": "migrator",
            "usersInfo": usersInfo(
                [role("migration")], inherited: [role("migration"), role("backup"), role("clusterMonitor")]),
        ])
        #expect(try check.evaluate(facts).isPass)
    }

    @Test func explainsThatRootLackedBackupBeforeMongoDB34() throws {
        let facts = DeploymentFacts(document: [
            "user": "migrator", "usersInfo": usersInfo([role("root")]), "buildInfo": ["version": "3.2.22", "ok": 1],
        ])
        #expect(
            "\(try check.evaluate(facts))".contains(
                "lacks backup on the admin database; on MongoDB 3.2.22, root does not include backup"))
    }

    @Test func failsWhenTheUserDoesNotExist() throws {
        let facts = DeploymentFacts(document: ["user": "ghost", "usersInfo": ["users": [], "ok": 1]])
        #expect("\(try check.evaluate(facts))".contains("user ghost does not exist on the admin database"))
    }

    @Test func fallsBackToConnectionStatusForTheAuthenticatedMigrationUser() throws {
        let facts = DeploymentFacts(document: [
            "user": "migrator",
            "errors": ["usersInfo": "not authorized"],
            "connectionStatus": [
                "authInfo": [
                    "authenticatedUsers": [["user": "migrator", "db": "admin"]],
                    "authenticatedUserRoles": [role("root")],
                ],
                "ok": 1,
            ],
        ])
        #expect(
            try check.evaluate(facts)
                == .pass(
                    detail:
                        "user migrator holds backup (through root), clusterMonitor (through root) on the admin database"
                ))
    }

    @Test func cannotTellWhenConnectionStatusIsForAnotherUser() {
        let facts = DeploymentFacts(document: [
            "user": "migrator",
            "connectionStatus": [
                "authInfo": [
                    "authenticatedUsers": [["user": "admin", "db": "admin"]], "authenticatedUserRoles": [role("root")],
                ],
                "ok": 1,
            ],
        ])
        #expect(
            throws: MissingFact(
                fact: "usersInfo",
                reason: "the facts do not include usersInfo, and connectionStatus shows admin, not migrator")
        ) {
            try check.evaluate(facts)
        }
    }

    @Test func cannotTellWithoutAnyRoleFacts() {
        #expect(throws: MissingFact(fact: "usersInfo", reason: "the facts do not include usersInfo")) {
            try check.evaluate(DeploymentFacts(document: ["user": "migrator"]))
        }
    }

    @Test func cannotTellWhenTheUserNameIsNotAString() {
        #expect(throws: MissingFact(fact: "user", reason: #""user" is a number, not a user name"#)) {
            try check.evaluate(DeploymentFacts(document: ["user": 7, "usersInfo": usersInfo([])]))
        }
    }
}
