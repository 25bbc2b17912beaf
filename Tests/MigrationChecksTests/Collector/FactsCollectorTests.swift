import Foundation
import MigrationChecks
import Testing

@Suite struct FactsCollectorTests {
    @Test func runsEveryCommandTheChecksRead() {
        let script = FactsCollector.mongoshScript
        for command in [
            "{ hello: 1 }", "{ isMaster: 1 }", "{ buildInfo: 1 }", "{ getCmdLineOpts: 1 }",
            "{ connectionStatus: 1, showPrivileges: true }",
            "{ usersInfo: { user: migrationUser, db: migrationUserDatabase }, showPrivileges: true }",
        ] {
            #expect(script.contains(command), "the script does not run \(command)")
        }
        #expect(script.contains("EJSON.stringify(facts, null, 2, { relaxed: true })"))
    }

    @Test func takesTheUserFromAVariableAtTheTop() throws {
        let firstLines = FactsCollector.mongoshScript.split(separator: "\n").prefix(4)
        #expect(
            firstLines.contains(
                #"var migrationUser = typeof migrationUser === "string" ? migrationUser : "REPLACE_WITH_MIGRATION_USER";"#
            ))
    }

    @Test func quotesTheUserNameAsAJavaScriptString() {
        let script = FactsCollector.mongoshScript(user: "mi\"gr\\a\ntor\u{2028}", database: "accounts")
        #expect(script.contains(#": "mi\"gr\\a\ntor\u2028";"#))
        #expect(script.contains(#"migrationUserDatabase : "accounts";"#))
    }

    static let node = ["/usr/bin/node", "/usr/local/bin/node", "/opt/homebrew/bin/node"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs the script under Node against a fake `db` that answers like a 4.0 server refusing
    /// `hello` and `getCmdLineOpts`, and reads its output back as facts.
    @Test(.enabled(if: node != nil, "needs node to run the script"))
    func printsOneFactsDocumentThatRecordsRefusedCommands() throws {
        let fakeShell = #"""
            var commands = [];
            globalThis.print = function (text) { process.stdout.write(text + "\n"); };
            globalThis.EJSON = {
              stringify: function (value, replacer, space) { return JSON.stringify(value, replacer, space); }
            };
            globalThis.db = { getSiblingDB: function (name) { return { runCommand: function (command) {
              var name = Object.keys(command)[0];
              commands.push(name);
              switch (name) {
                case "hello": throw new Error("no such command: 'hello'");
                case "isMaster": return { ismaster: true, setName: "rs0", maxWireVersion: 7, ok: 1 };
                case "buildInfo": return { version: "4.0.3", ok: 1 };
                case "getCmdLineOpts":
                  return { ok: 0, errmsg: "not authorized on admin", code: 13, codeName: "Unauthorized" };
                case "connectionStatus":
                  return { authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 };
                case "usersInfo": return { users: [{ user: command.usersInfo.user, db: command.usersInfo.db,
                  roles: [{ role: "root", db: "admin" }] }], ok: 1 };
              }
            } }; } };
            """#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.node))
        process.arguments = ["-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data((fakeShell + FactsCollector.mongoshScript(user: "mi\"grator")).utf8))
        try input.fileHandleForWriting.close()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let facts = try DeploymentFacts(json: Array(printed))
        #expect(facts.migrationUser == "mi\"grator")
        #expect(
            facts.status(of: .hello) == .present(["ismaster": true, "setName": "rs0", "maxWireVersion": 7, "ok": 1]))
        #expect(facts.document["hello"] == nil)
        #expect(facts.collectionErrors == ["getCmdLineOpts": "not authorized on admin"])
        #expect(try facts.reply(.usersInfo)["users"]?.arrayValue?.first?["user"] == "mi\"grator")
        let outcomes = AtlasLiveMigrationPrerequisites.suite().evaluate(facts)
        #expect(
            outcomes.first { $0.checkID == "auth-enabled" }?.outcome
                == .cannotTell(missingFact: "getCmdLineOpts", reason: "getCmdLineOpts failed: not authorized on admin"))
    }
}
