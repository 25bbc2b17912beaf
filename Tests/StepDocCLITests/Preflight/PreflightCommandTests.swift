import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// `stepdoc preflight` through the real executable, from the project root.
@Suite struct PreflightCommandTests {
    @Test func exitsWith0WhenEveryStepPasses() throws {
        let result = try StepDocProcess.run(["preflight", "--facts", FactsFixture("replica-set-4.0-root").relativePath])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("✔  Step 2: Your current MongoDB database is running MongoDB 2.6+\n"))
        #expect(result.standardOutput.hasSuffix("\nall 5 checks passed\n"), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("\u{1B}["))
    }

    @Test func exitsWith1AndShowsTheDocumentationWhenAStepFails() throws {
        let result = try StepDocProcess.run(["preflight", "--facts", FactsFixture("standalone-2.4").relativePath])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(
            result.standardOutput.contains(
                "✘  Step 2: Your current MongoDB database is running MongoDB 2.6+\n   MongoDB 2.4.14 is older than 2.6\n"
            ))
        #expect(result.standardOutput.contains("✘  Step 3: Your current deployment is a MongoDB replica set.\n"))
        #expect(
            result.standardOutput.contains(
                "\n      Atlas supports the latest versions of MongoDB: 3.4, 3.6, and 4.0.\n"))
    }

    @Test func readsFactsFromStandardInputAndCannotTellWithoutGetCmdLineOpts() throws {
        let result = try StepDocProcess.run(
            ["preflight", "--facts", "-"], stdin: try FactsFixture.withoutGetCmdLineOptsJSON())
        #expect(result.status == 1, "\(result.standardError)")
        #expect(
            result.standardOutput.contains(
                "?  Step 4: Authentication is enabled on your source deployment\n   cannot tell: "))
        #expect(result.standardOutput.contains("   missing fact: getCmdLineOpts\n"))
    }

    @Test func exitsWith2WithTheLineAndColumnOfMalformedFacts() throws {
        let path = FactsFixture("truncated").relativePath
        let result = try StepDocProcess.run(["preflight", "--facts", path])
        #expect(result.status == 2)
        #expect(result.standardError == "\(path):15:20: error: unexpected end of input, expected '}' [io.unreadable]\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func exitsWith2ForUsageErrors() throws {
        let missingFacts = try StepDocProcess.run(["preflight"])
        #expect(missingFacts.status == 2)
        #expect(missingFacts.standardError.contains("preflight needs --facts FILE"))
        let badFormat = try StepDocProcess.run(["preflight", "--facts", "x.json", "--format", "xml"])
        #expect(badFormat.status == 2, "\(badFormat.standardError)")
        let unreadable = try StepDocProcess.run(["preflight", "--facts", "no-such-facts.json"])
        #expect(unreadable.status == 2)
        #expect(unreadable.standardError.contains("no-such-facts.json"))
    }

    @Test func writesJSONForMachines() throws {
        let result = try StepDocProcess.run(
            ["preflight", "--facts", FactsFixture("mongos-4.0").relativePath, "--format", "json"])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let results = try #require(object?["results"] as? [[String: Any]])
        #expect(results.map { $0["outcome"] as? String } == ["pass", "pass", "fail", "pass", "pass"])
        #expect((results[2]["reason"] as? String)?.contains("sharded cluster") == true)
    }

    @Test func writesTheHTMLReportAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stepdoc-preflight-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report/preflight.html")
        let result = try StepDocProcess.run(
            [
                "preflight", "--facts", FactsFixture("read-any-database-user").relativePath, "--html", page.path,
                "--template", "giza",
            ])
        #expect(result.status == 1, "\(result.standardError)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<div class=\"sequence-block preflight-result fail\">"))
        #expect(html.contains("user reader lacks backup, clusterMonitor on the admin database"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path)
        #expect(leftovers == ["preflight.html"])
    }

    @Test func printsTheCollectorWithHowToRunIt() throws {
        let result = try StepDocProcess.run(["preflight", "--print-collector", "--user", "migrator"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("// stepdoc preflight: collects the facts"))
        #expect(
            result.standardOutput.contains(
                "mongosh \"<connection-string>\" --quiet --file collect-facts.js > facts.json"))
        #expect(
            result.standardOutput.contains(
                "var migrationUser = typeof migrationUser === \"string\" ? migrationUser : \"migrator\";"))
    }

    /// Without --user the script checks the user it runs as; nothing to replace by hand.
    @Test func printsACollectorForTheUserItRunsAsWithoutUser() throws {
        let result = try StepDocProcess.run(["preflight", "--print-collector"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardOutput.contains("REPLACE_WITH"))
        #expect(result.standardOutput.contains("authenticated as the migration user (the script checks the user it runs as)"))
    }

    @Test func putsTheAuthenticationDatabaseOfAUserDefinedOutsideAdmin() throws {
        let result = try StepDocProcess.run(["preflight", "--print-collector", "--user", "mig", "--auth-db", "accounts"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(#"migrationUserDatabase : "accounts";"#))
        #expect(result.standardOutput.contains("the migration user mig (defined on accounts)"))
        let alone = try StepDocProcess.run(["preflight", "--print-collector", "--auth-db", "accounts"])
        #expect(alone.status == 2)
        #expect(alone.standardError.contains("--auth-db goes with --user"), "\(alone.standardError)")
        let empty = try StepDocProcess.run(["preflight", "--print-collector", "--user", ""])
        #expect(empty.status == 2)
    }

    /// A procedure bound to a suite none of whose checks matches a step: nothing verified, exit 1.
    @Test func exitsWith1WhenNoDocumentedStepMatchedACheck() throws {
        let project = try StepDocProcess()
        defer { project.remove() }
        try project.write(
            Array(
                """
                Step 1: Back up the data
                ------------------------

                Take a backup.

                Step 2: Restore it somewhere
                ----------------------------

                Restore it.
                """.utf8), to: "content/other.rst")
        try project.write(Array(try FactsFixture("replica-set-4.0-root").data()), to: "facts.json")
        let result = try project.run(
            ["preflight", "--facts", "facts.json", "--suite", "atlas-live-migration-prerequisites", "content/other.rst"])
        #expect(result.status == 1, "\(result.standardOutput)\(result.standardError)")
        #expect(
            result.standardOutput.contains(
                "no documented step matched a check of suite atlas-live-migration-prerequisites, so nothing was "
                    + "verified (2 steps, 5 checks without a match)"), "\(result.standardOutput)")
    }
}
