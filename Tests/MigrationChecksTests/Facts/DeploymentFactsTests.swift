import MigrationChecks
import Testing

@Suite struct DeploymentFactsTests {
    @Test func readsCanonicalExtendedJSONAsTheSameFactsAsRelaxed() throws {
        let relaxed = try Fixture("replica-set-4.0-root").facts()
        let canonical = try Fixture("replica-set-4.0-root-canonical").facts()
        #expect(relaxed == canonical)
        let hello = try canonical.reply(.hello)
        #expect(hello["maxWireVersion"]?.intValue == 7)
        #expect(hello["ok"]?.isTruthy == true)
        #expect(canonical.collectedAt == .date(millisecondsSinceEpoch: 1_551_787_207_412))
    }

    @Test func reportsATruncatedFactsFileAtItsEnd() throws {
        let error = try #require(throws: FactsError.self) { try Fixture("truncated").facts() }
        #expect(error == FactsError(line: 15, column: 20, message: "unexpected end of input, expected '}'"))
        #expect(error.description == "15:20: unexpected end of input, expected '}'")
    }

    @Test func rejectsADocumentWhoseTopLevelIsNotAnObject() throws {
        let error = try #require(throws: FactsError.self) { try DeploymentFacts(json: Array("\n  [1, 2]".utf8)) }
        #expect(
            error == FactsError(line: 2, column: 3, message: "the facts document must be a JSON object, found an array")
        )
    }

    @Test func readsTheLegacyIsMasterReplyWhenHelloIsAbsent() throws {
        let facts = try Fixture("standalone-2.4").facts()
        let hello = try facts.reply(.hello)
        #expect(hello["ismaster"] == true)
        #expect(facts.collectionErrors["hello"] == "no such cmd: hello")
    }

    @Test func distinguishesMissingFailedAndMalformedFacts() {
        let facts = DeploymentFacts(document: [
            "buildInfo": "4.0.3",
            "getCmdLineOpts": ["ok": 0, "errmsg": "not authorized on admin", "codeName": "Unauthorized"],
            "errors": ["usersInfo": "connection closed", "hello": ["errmsg": "no such command: 'hello'"]],
            "connectionStatus": ["authInfo": [:], "ok": 1.0],
        ])
        #expect(
            facts.status(of: .buildInfo) == .malformed(reason: "buildInfo is a string, not a command reply document"))
        #expect(facts.status(of: .getCmdLineOpts) == .failed(message: "not authorized on admin (Unauthorized)"))
        #expect(facts.status(of: .usersInfo) == .failed(message: "connection closed"))
        #expect(facts.status(of: .hello) == .failed(message: "no such command: 'hello'"))
        #expect(facts.status(of: .connectionStatus) == .present(["authInfo": [:], "ok": 1.0]))
        #expect(DeploymentFacts(document: [:]).status(of: .buildInfo) == .missing)
    }

    @Test func namesTheFactInTheErrorWhenAReplyIsUnavailable() {
        let facts = DeploymentFacts(document: ["errors": ["getCmdLineOpts": "unauthorized"]])
        #expect(throws: MissingFact(fact: "getCmdLineOpts", reason: "getCmdLineOpts failed: unauthorized")) {
            try facts.reply(.getCmdLineOpts)
        }
        #expect(throws: MissingFact(fact: "buildInfo", reason: "the facts do not include buildInfo")) {
            try facts.reply(.buildInfo)
        }
    }

    @Test func readsTheServerVersionFromTheStringOrElseTheVersionArray() throws {
        let fromString = DeploymentFacts(document: ["buildInfo": ["version": "3.6.8-rc0", "ok": 1]])
        #expect(try fromString.serverVersion() == ServerVersion("3.6.8-rc0"))
        let fromArray = DeploymentFacts(document: ["buildInfo": ["versionArray": [4, 2, 1, 0], "ok": 1]])
        #expect(try fromArray.serverVersion() == "4.2.1")
        let neither = DeploymentFacts(document: ["buildInfo": ["version": "banana", "ok": 1]])
        #expect(
            throws: MissingFact(
                fact: "buildInfo.version", reason: #"buildInfo.version "banana" is not a MongoDB version"#)
        ) {
            try neither.serverVersion()
        }
    }

    @Test func readsTheMigrationUserAndItsDatabase() throws {
        let facts = try Fixture("mongos-4.0").facts()
        #expect(facts.migrationUser == "migrator")
        #expect(facts.migrationUserDatabase == "admin")
        #expect(DeploymentFacts(document: ["user": 3]).migrationUser == nil)
        #expect(DeploymentFacts(document: ["userDatabase": "accounts"]).migrationUserDatabase == "accounts")
    }

    @Test func findsOptionsUnderNestedOrDottedKeys() {
        let nested: JSONObject = ["security": ["authorization": "enabled"]]
        let dotted: JSONObject = ["security.authorization": "enabled"]
        let mixed: JSONObject = ["net": ["tls.mode": "requireTLS"]]
        #expect(nested.value(atPath: "security.authorization") == "enabled")
        #expect(dotted.value(atPath: "security.authorization") == "enabled")
        #expect(mixed.value(atPath: "net.tls.mode") == "requireTLS")
        #expect(nested.value(atPath: "security.keyFile") == nil)
    }
}
