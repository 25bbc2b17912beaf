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
        let named = FactsCollector.mongoshScript(user: "migrator").split(separator: "\n").prefix(4)
        #expect(named.contains(#"var migrationUser = typeof migrationUser === "string" ? migrationUser : "migrator";"#))
        // Without a name, no placeholder that would be reported as a missing user: the user it runs as.
        let unnamed = FactsCollector.mongoshScript
        #expect(unnamed.contains(#"var migrationUser = typeof migrationUser === "string" ? migrationUser : null;"#))
        #expect(!unnamed.contains("REPLACE_WITH"))
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
        #expect(facts.collectionErrors == ["getCmdLineOpts": "not authorized on admin (Unauthorized)"])
        #expect(try facts.reply(.usersInfo)["users"]?.arrayValue?.first?["user"] == "mi\"grator")
        let outcomes = AtlasLiveMigrationPrerequisites.suite().evaluate(facts)
        #expect(
            outcomes.first { $0.checkID == "auth-enabled" }?.outcome
                == .pass(
                    detail: "the server refused getCmdLineOpts as unauthorized (not authorized on admin (Unauthorized)), "
                        + "which only a server that enforces access control does"))
    }

    /// Without `--user`, the script asks connectionStatus who it runs as (2.4 names the database
    /// `userSource`), and collects usersInfo for that user.
    @Test(.enabled(if: node != nil, "needs node to run the script"))
    func takesTheMigrationUserFromConnectionStatusWithoutAName() throws {
        let printed = try Self.runUnderNode(
            FactsCollector.mongoshScript,
            authenticatedUsers: #"[{ user: "migrator", userSource: "accounts" }]"#)
        let facts = try DeploymentFacts(json: Array(printed))
        #expect(facts.migrationUser == "migrator")
        #expect(facts.migrationUserDatabase == "accounts")
        #expect(facts.document["usersInfoQuery"] == #"{"user":"migrator","db":"accounts"}"#)
    }

    @Test(.enabled(if: node != nil, "needs node to run the script"))
    func namesTheMissingUserWhenTheShellIsNotAuthenticated() throws {
        let printed = try Self.runUnderNode(FactsCollector.mongoshScript, authenticatedUsers: "[]")
        let facts = try DeploymentFacts(json: Array(printed))
        #expect(facts.migrationUser == nil)
        #expect(facts.document["usersInfoQuery"] == nil)
        #expect(facts.collectionErrors["usersInfo"]?.hasPrefix("no migration user: the shell is not authenticated") == true)
    }

    /// Runs `script` under Node against a fake shell whose connectionStatus lists `authenticatedUsers`;
    /// the usersInfo query it received is echoed into the facts as `usersInfoQuery`.
    private static func runUnderNode(_ script: String, authenticatedUsers: String) throws -> Data {
        let fakeShell = """
            globalThis.print = function (text) { process.stdout.write(text + "\\n"); };
            var received = null;
            globalThis.db = { getSiblingDB: function () { return { runCommand: function (command) {
              switch (Object.keys(command)[0]) {
                case "hello": return { isWritablePrimary: true, setName: "rs0", ok: 1 };
                case "buildInfo": return { version: "4.0.3", ok: 1 };
                case "getCmdLineOpts": return { argv: ["mongod"], parsed: {}, ok: 1 };
                case "connectionStatus":
                  return { authInfo: { authenticatedUsers: \(authenticatedUsers), authenticatedUserRoles: [] }, ok: 1 };
                case "usersInfo": received = JSON.stringify(command.usersInfo); return { users: [], ok: 1 };
              }
            } }; } };
            var realPrint = globalThis.print;
            globalThis.print = function (text) {
              var facts = JSON.parse(text);
              if (received !== null) { facts.usersInfoQuery = received; }
              realPrint(JSON.stringify(facts, null, 2));
            };
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(node))
        process.arguments = ["-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data((fakeShell + script).utf8))
        try input.fileHandleForWriting.close()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return printed
    }
}
