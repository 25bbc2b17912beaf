import Foundation
import MigrationChecks
import Testing

@Suite struct AtlasLiveMigrationPrerequisitesTests {
    private let suite = AtlasLiveMigrationPrerequisites.suite()

    private func outcomes(_ fixture: String) throws -> [String: CheckOutcome] {
        let facts = try Fixture(fixture).facts()
        return Dictionary(uniqueKeysWithValues: suite.evaluate(facts).map { ($0.checkID, $0.outcome) })
    }

    @Test func declaresOneCheckPerDocumentedStepInOrder() {
        #expect(suite.id == "atlas-live-migration-prerequisites")
        #expect(
            suite.checks.map(\.id) == [
                "source-is-mongodb", "server-version", "replica-set", "auth-enabled", "migration-user-roles",
            ])
    }

    @Test func passesEveryCheckOnA40ReplicaSetWithAuthAndARootUser() throws {
        let results = try outcomes("replica-set-4.0-root")
        for (id, outcome) in results {
            #expect(outcome.isPass, "\(id): \(outcome)")
        }
        #expect(results["server-version"] == .pass(detail: "MongoDB 4.0.3 is 2.6 or newer"))
        #expect(
            results["migration-user-roles"]
                == .pass(
                    detail:
                        "user admin holds backup (through root), clusterMonitor (through root) on the admin database"))
    }

    @Test func reachesTheSameOutcomesFromCanonicalExtendedJSON() throws {
        #expect(try outcomes("replica-set-4.0-root-canonical") == outcomes("replica-set-4.0-root"))
    }

    @Test func failsVersionAndReplicaSetOnA24Standalone() throws {
        let results = try outcomes("standalone-2.4")
        #expect(results["source-is-mongodb"]?.isPass == true, "\(String(describing: results["source-is-mongodb"]))")
        #expect(
            results["server-version"]
                == .fail(
                    reason: "MongoDB 2.4.14 is older than 2.6",
                    remedy: "upgrade the deployment to MongoDB 2.6 or newer before migrating"))
        #expect(
            results["replica-set"]
                == .fail(
                    reason: "the server is a standalone instance, not a replica set member",
                    remedy: "convert it to a replica set first: "
                        + "https://www.mongodb.com/docs/manual/tutorial/convert-standalone-to-replica-set"))
        #expect(results["auth-enabled"] == .pass(detail: "the auth option is on"))
        #expect(
            results["migration-user-roles"]
                == .fail(
                    reason: "MongoDB 2.4.14 has no backup and clusterMonitor roles (they came with 2.6's role-based "
                        + "access control, with usersInfo and grantRolesToUser), so no user can hold them",
                    remedy: "upgrade the deployment to MongoDB 2.6 or newer first; then grant the user backup and "
                        + "clusterMonitor on the admin database"))
    }

    @Test func failsReplicaSetOnAMongosBecauseShardedClustersAreNotSupported() throws {
        let results = try outcomes("mongos-4.0")
        guard case .fail(let reason, _)? = results["replica-set"] else {
            Issue.record("expected replica-set to fail, got \(String(describing: results["replica-set"]))")
            return
        }
        #expect(reason.contains("sharded cluster"))
        #expect(reason.contains("live migration of data from sharded clusters is not supported"))
        #expect(results["auth-enabled"]?.isPass == true)
        #expect(results["migration-user-roles"]?.isPass == true)
    }

    @Test func failsRolesNamingBackupAndClusterMonitorForAReadAnyDatabaseUser() throws {
        let results = try outcomes("read-any-database-user")
        guard case .fail(let reason, let remedy)? = results["migration-user-roles"] else {
            Issue.record(
                "expected migration-user-roles to fail, got \(String(describing: results["migration-user-roles"]))")
            return
        }
        #expect(reason == "user reader lacks backup, clusterMonitor on the admin database")
        #expect(remedy?.contains(#"grantRolesToUser("reader""#) == true)
    }

    /// The refusal proves access control; but without the options, a shard cannot be ruled out.
    @Test func passesAuthAndCannotTellTheReplicaSetWhenGetCmdLineOptsWasRefused() throws {
        let results = try outcomes("backup-only-user-3.6")
        guard case .pass(let detail)? = results["auth-enabled"] else {
            Issue.record("expected auth-enabled to pass, got \(String(describing: results["auth-enabled"]))")
            return
        }
        #expect(detail.hasPrefix("the server refused getCmdLineOpts as unauthorized (not authorized on admin"))
        #expect(detail.hasSuffix("which only a server that enforces access control does"))
        guard case .cannotTell(let fact, let reason)? = results["replica-set"] else {
            Issue.record("expected replica-set to be undecided, got \(String(describing: results["replica-set"]))")
            return
        }
        #expect(fact == "getCmdLineOpts")
        #expect(reason.hasPrefix("the server is a member of replica set rs0 (secondary), but whether"), "\(reason)")
        #expect(results["migration-user-roles"]?.isFail == true)
    }

    @Test func cannotTellAuthWhenTheFactsOmitGetCmdLineOpts() throws {
        let check = try #require(suite.check(id: "auth-enabled"))
        var document = try Fixture("replica-set-4.0-root").facts().document
        document.members.removeAll { $0.key == "getCmdLineOpts" }
        #expect(
            check.evaluate(DeploymentFacts(document: document))
                == .cannotTell(missingFact: "getCmdLineOpts", reason: "the facts do not include getCmdLineOpts"))
    }

    @Test func bindsTheMinimumVersionToTheTitlePlaceholder() throws {
        let check = try #require(suite.check(id: "server-version"))
        #expect(check.title.raw == "Your current MongoDB database is running MongoDB {version}+")
        #expect(check.title.match("Your current MongoDB database is running MongoDB 2.6+") == ["version": "2.6"])
        #expect(check.values.map(\.name) == ["minimum version"])
        #expect(check.values.map(\.source) == [.titlePlaceholder("version")])
        #expect(check.values.map(\.enforced.kind) == [.minimumVersion("2.6")])
    }

    @Test func bindsTheRequiredRolesToTheAuthroleMentions() throws {
        let check = try #require(suite.check(id: "migration-user-roles"))
        #expect(check.values.map(\.name) == ["required roles"])
        #expect(check.values.map(\.source) == [.bodyRoleMentions(role: "authrole")])
        #expect(check.values.map(\.enforced.kind) == [.roleSet(["clusterMonitor", "backup"])])
    }

    @Test func matchesEveryStepTitleOfTheSeedDocument() {
        let titles = [
            "Your data is currently in a MongoDB database.",
            "Your current MongoDB database is running MongoDB 2.6+",
            "Your current deployment is a MongoDB replica set.",
            "Authentication is enabled on your source deployment",
            "The database user from your source cluster on AWS that you will use to perform the migration has the "
                + "required MongoDB roles.",
        ]
        for (check, title) in zip(suite.checks, titles) {
            #expect(check.title.matches(title), "\(check.id) does not match \"\(title)\"")
            let others = suite.checks.filter { $0.id != check.id && $0.title.matches(title) }
            #expect(others.isEmpty, "\"\(title)\" also matches \(others.map(\.id))")
        }
    }

    @Test func enforcesTheValuesItIsBuiltWith() throws {
        let stricter = AtlasLiveMigrationPrerequisites.suite(
            minimumVersion: .minimumVersion("4.2"), requiredRoles: .roleSet(["restore"]))
        let facts = try Fixture("replica-set-4.0-root").facts()
        #expect(stricter.check(id: "server-version")?.evaluate(facts).isFail == true)
        #expect(stricter.check(id: "server-version")?.values.first?.enforced.kind == .minimumVersion("4.2"))
        #expect(stricter.check(id: "migration-user-roles")?.values.first?.enforced.kind == .roleSet(["restore"]))
        // Each value records the test's own call, the place a parity note points at.
        #expect(stricter.check(id: "server-version")?.values.first?.declaration.file == #filePath)
        #expect(stricter.check(id: "migration-user-roles")?.evaluate(facts).isPass == true)
    }

    @Test func recordsWhereEachCheckIsDeclared() throws {
        for check in suite.checks {
            let declaration = check.declaration
            #expect(declaration.file.hasSuffix("Sources/MigrationChecks/Suites/AtlasLiveMigrationPrerequisites.swift"))
            let source = try String(contentsOfFile: declaration.file, encoding: .utf8)
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            let line = try #require(lines.indices.contains(declaration.line - 1) ? lines[declaration.line - 1] : nil)
            // A default-argument #column is the column of the call's opening parenthesis.
            let throughColumn = line.utf8.prefix(declaration.column)
            #expect(String(decoding: throughColumn, as: UTF8.self).hasSuffix("Check("), "\(declaration): \(line)")
            let idLine = lines[declaration.line]
            #expect(idLine.contains("id: \"\(check.id)\""), "\(declaration) is not \(check.id)'s declaration")
        }
    }

    /// Each enforced value records its own literal: the default arguments of the suite's signature.
    @Test func recordsWhereEachEnforcedValueIsWritten() throws {
        let values = suite.checks.flatMap(\.values)
        #expect(values.count == 2)
        for value in values {
            let declaration = value.declaration
            let source = try String(contentsOfFile: declaration.file, encoding: .utf8)
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            let line = lines[declaration.line - 1]
            let fromColumn = String(decoding: line.utf8.dropFirst(declaration.column - 1), as: UTF8.self)
            let expected = value.name == "minimum version" ? "\"2.6\")" : "[\"clusterMonitor\", \"backup\"])"
            #expect(fromColumn.hasPrefix(expected), "\(declaration): \(line)")
        }
    }

    @Test func registersTheSuiteByItsDocumentName() {
        #expect(CheckSuites.named("atlas-live-migration-prerequisites")?.checks.count == 5)
        #expect(CheckSuites.named("atlas-live-migration") == nil)
        #expect(CheckSuites.all.map(\.id) == ["atlas-live-migration-prerequisites"])
    }
}
