import MigrationChecks
import Testing

@Suite struct SourceMustBeMongoDBTests {
    private let check = SourceMustBeMongoDB()
    private let buildInfo: JSONValue = ["version": "4.0.3", "versionArray": [4, 0, 3, 0], "ok": 1.0]
    private let hello: JSONValue = ["ismaster": true, "minWireVersion": 0, "maxWireVersion": 7, "ok": 1.0]

    @Test func passesWhenBuildInfoAndHelloAnswerAsMongoDBDoes() throws {
        let outcome = try check.evaluate(DeploymentFacts(document: ["buildInfo": buildInfo, "hello": hello]))
        #expect(outcome == .pass(detail: "MongoDB 4.0.3 answered buildInfo and hello, wire versions 0–7"))
    }

    @Test func acceptsAHelloWithoutWireVersionsAsOldServersSendIt() throws {
        let facts = DeploymentFacts(document: [
            "buildInfo": ["version": "2.4.14", "ok": 1], "isMaster": ["ismaster": true, "ok": 1],
        ])
        #expect(try check.evaluate(facts) == .pass(detail: "MongoDB 2.4.14 answered buildInfo and hello"))
    }

    @Test(
        arguments: [
            (["ok": 1], "buildInfo has no version string"),
            (["version": "4.0.3"], "buildInfo has no ok: 1"),
            (
                ["version": "PostgreSQL 11.2", "ok": 1],
                #"buildInfo.version "PostgreSQL 11.2" is not a MongoDB version"#
            ),
        ] as [(JSONValue, String)])
    func failsWhenBuildInfoDoesNotAnswerAsMongoDB(buildInfo: JSONValue, reason: String) throws {
        let outcome = try check.evaluate(DeploymentFacts(document: ["buildInfo": buildInfo, "hello": hello]))
        guard case .fail(let actual, let remedy) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(actual == "\(reason), so the server does not answer as MongoDB does")
        #expect(remedy?.contains("MongoDB deployments only") == true)
    }

    @Test func failsWhenHelloHasNoRole() throws {
        let outcome = try check.evaluate(DeploymentFacts(document: ["buildInfo": buildInfo, "hello": ["ok": 1]]))
        #expect(outcome.isFail)
        #expect("\(outcome)".contains("hello has neither isWritablePrimary, ismaster nor secondary"))
    }

    @Test func failsOnAnInvertedWireVersionRange() throws {
        let badHello: JSONValue = ["isWritablePrimary": true, "minWireVersion": 9, "maxWireVersion": 7, "ok": 1]
        let outcome = try check.evaluate(DeploymentFacts(document: ["buildInfo": buildInfo, "hello": badHello]))
        #expect("\(outcome)".contains("hello has an invalid wire version range"))
    }

    @Test func namesTheMissingFact() {
        #expect(throws: MissingFact(fact: "hello", reason: "the facts do not include hello")) {
            try check.evaluate(DeploymentFacts(document: ["buildInfo": buildInfo]))
        }
    }
}
