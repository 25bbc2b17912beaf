import Foundation
import MigrationChecks
import StepDocChecks
import StepDocTestSupport
import StepPreflight
import StepProject
import Testing

@Suite struct PreflightReportTests {
    private func report(_ facts: DeploymentFacts, file: String = "facts.json") throws -> PreflightReport {
        let source = try ShippedProcedure.read()
        return PreflightReport(
            procedure: source.procedure, suite: AtlasLiveMigrationPrerequisites.suite(), facts: facts, factsFile: file)
    }

    private func statuses(_ report: PreflightReport) -> [String] {
        report.results.map { "\($0.step ?? "-") \($0.status.rawValue)" }
    }

    @Test(arguments: ["replica-set-4.0-root", "replica-set-4.0-root-canonical"])
    func passesEveryStepOnA40ReplicaSetWithARootUser(fixture: String) throws {
        let report = try report(FactsFixture(fixture).facts())
        #expect(report.passed)
        #expect(statuses(report) == ["1 pass", "2 pass", "3 pass", "4 pass", "5 pass"])
        #expect(
            report.results.map(\.check) == [
                "source-is-mongodb", "server-version", "replica-set", "auth-enabled", "migration-user-roles",
            ])
        #expect(report.summaryLine == "all 5 checks passed")
    }

    @Test func failsSteps2And3OnA24Standalone() throws {
        let report = try report(FactsFixture("standalone-2.4").facts())
        #expect(!report.passed)
        #expect(statuses(report) == ["1 pass", "2 fail", "3 fail", "4 pass", "5 fail"])
        #expect(report.results[1].reason == "MongoDB 2.4.14 is older than 2.6")
        // Before 2.6 the roles do not exist: the remedy is to upgrade first, not to grant them.
        #expect(report.results[4].remedy?.hasPrefix("upgrade the deployment to MongoDB 2.6 or newer first") == true)
        #expect(report.results[4].remedy?.contains("grantRolesToUser") == false)
        #expect(report.results[1].documentation.hasPrefix("Atlas supports the latest versions of MongoDB"))
        #expect(report.results[2].documentation.contains("convert it to a replica set"))
    }

    @Test func failsStep3OnAMongosBecauseShardedClustersAreNotSupported() throws {
        let report = try report(FactsFixture("mongos-4.0").facts())
        #expect(statuses(report) == ["1 pass", "2 pass", "3 fail", "4 pass", "5 pass"])
        let reason = try #require(report.results[2].reason)
        #expect(reason.contains("sharded cluster"), "\(reason)")
    }

    @Test func failsStep5NamingBackupAndClusterMonitorForAReadAnyDatabaseUser() throws {
        let report = try report(FactsFixture("read-any-database-user").facts())
        let step5 = try #require(report.results.last)
        #expect(step5.step == "5")
        #expect(step5.status == .fail)
        #expect(step5.reason == "user reader lacks backup, clusterMonitor on the admin database")
        #expect(step5.documentation.contains("The user must have the clusterMonitor and backup roles."))
    }

    /// Without getCmdLineOpts neither access control nor a shard's cluster role can be seen.
    @Test func cannotTellSteps3And4WhenTheFactsOmitGetCmdLineOpts() throws {
        let report = try report(FactsFixture.withoutGetCmdLineOpts())
        #expect(statuses(report) == ["1 pass", "2 pass", "3 cannot-tell", "4 cannot-tell", "5 pass"])
        #expect(report.results[2].missingFact == "getCmdLineOpts")
        #expect(report.results[3].missingFact == "getCmdLineOpts")
        #expect(!report.passed)
        #expect(report.summaryLine == "3 of 5 checks passed, 2 cannot tell")
    }

    @Test func failsStep3OnAShardMemberWithTheShardedClusterReason() throws {
        let report = try report(FactsFixture("shard-member-4.0").facts())
        #expect(statuses(report) == ["1 pass", "2 pass", "3 fail", "4 pass", "5 pass"])
        let reason = try #require(report.results[2].reason)
        #expect(reason.contains("sharding.clusterRole: shardsvr"), "\(reason)")
        #expect(reason.contains("live migration of data from sharded clusters is not supported"), "\(reason)")
    }

    /// A suite none of whose checks matches a documented step verified nothing: not a pass.
    @Test func isNoPassWhenNoDocumentedStepMatchedACheck() throws {
        let source = try ShippedProcedure.read()
        let unrelated = CheckSuite(
            id: "unrelated", title: "Unrelated",
            checks: [
                MigrationCheck(id: "oplog-window", summary: "the oplog holds a day", title: "Your oplog holds a day.") { _ in
                    .pass(detail: "the oplog holds 30 hours")
                }
            ])
        let report = PreflightReport(
            procedure: source.procedure, suite: unrelated, facts: try FactsFixture("replica-set-4.0-root").facts(),
            factsFile: "facts.json")
        #expect(statuses(report) == ["1 no-check", "2 no-check", "3 no-check", "4 no-check", "5 no-check", "- pass"])
        #expect(!report.passed)
        #expect(
            report.summaryLine
                == "no documented step matched a check of suite unrelated, so nothing was verified (5 steps, 1 check "
                + "without a match): is the procedure bound to the right suite?")
    }

    @Test func listsStepsWithoutACheckAndChecksWithoutAStep() throws {
        let source = try ShippedProcedure.read()
        let full = AtlasLiveMigrationPrerequisites.suite()
        let partial = CheckSuite(
            id: full.id, title: full.title,
            checks: full.checks.filter { $0.id != "replica-set" } + [
                MigrationCheck(id: "oplog-window", summary: "the oplog holds a day", title: "Your oplog holds a day.") { _ in
                    .fail(reason: "the oplog holds 2 hours", remedy: nil)
                }
            ])
        let report = PreflightReport(
            procedure: source.procedure, suite: partial, facts: try FactsFixture("replica-set-4.0-root").facts(),
            factsFile: "facts.json")
        #expect(statuses(report) == ["1 pass", "2 pass", "3 no-check", "4 pass", "5 pass", "- fail"])
        #expect(report.results.last?.check == "oplog-window")
        #expect(report.summaryLine == "4 of 5 checks passed, 1 failed; 1 step has no check")
        let text = PreflightTextReporter(useColor: false).render(report)
        #expect(text.contains("–  Step 3: Your current deployment is a MongoDB replica set. (no check)\n"), "\(text)")
        #expect(text.contains("✘  check 'oplog-window' (no documented step): Your oplog holds a day.\n"), "\(text)")
    }

    @Test func writesTheSchemaVersionAndNullsInJSON() throws {
        let report = try report(FactsFixture("standalone-2.4").facts())
        let object = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        let json = try #require(object)
        #expect(json["version"] as? Int == 1)
        #expect(json["facts"] as? String == "facts.json")
        #expect(json["procedure"] as? String == "content/atlas-live-migration-prerequisites.rst")
        #expect(json["passed"] as? Bool == false)
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.map { $0["outcome"] as? String } == ["pass", "fail", "fail", "pass", "fail"])
        #expect(results[4]["missingFact"] is NSNull)
        #expect(results[0]["reason"] is NSNull)
        #expect(
            Set(results[0].keys) == ["step", "title", "check", "outcome", "reason", "missingFact", "remedy", "detail"])
    }

    /// Preflight through the runner protocol (the suite's manifest, `evaluate` printing outcomes as JSON, read
    /// back) reports exactly what the compiled suite reports, for every deployment the tests know.
    @Test(arguments: [
        "replica-set-4.0-root", "replica-set-4.0-root-canonical", "standalone-2.4", "mongos-4.0", "shard-member-4.0",
        "read-any-database-user", "backup-only-user-3.6",
    ])
    func reportsTheSameThroughTheRunnerProtocol(fixture: String) throws {
        let source = try ShippedProcedure.read()
        let suite = AtlasLiveMigrationPrerequisites.suite()
        let bytes = [UInt8](try FactsFixture(fixture).data())
        let direct = PreflightReport(
            procedure: source.procedure, suite: suite, facts: try DeploymentFacts(json: bytes), factsFile: "facts.json")
        let answer = CheckRunner.respond(
            to: ["evaluate", "--suite", suite.id, "--facts", "facts.json"], suites: [suite]
        ) { _ in .success(bytes) }
        #expect(answer.status == 0, "\(answer.error)")
        let outcomes = try RunnerOutcomes(json: Array(answer.output.utf8))
        let manifest = try CheckManifest(json: Array(CheckManifest([suite]).json().utf8))
        let throughRunner = PreflightReport(
            procedure: source.procedure, suite: manifest.suites[0], results: outcomes.results, factsFile: "facts.json")
        #expect(throughRunner == direct)
    }
}
