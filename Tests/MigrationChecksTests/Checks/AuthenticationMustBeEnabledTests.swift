import MigrationChecks
import Testing

@Suite struct AuthenticationMustBeEnabledTests {
    private func evaluate(parsed: JSONValue) throws -> CheckOutcome {
        try AuthenticationMustBeEnabled().evaluate(
            DeploymentFacts(document: ["getCmdLineOpts": ["argv": ["mongod"], "parsed": parsed, "ok": 1]]))
    }

    @Test(
        arguments: [
            (["security": ["authorization": "enabled"]], "security.authorization is enabled"),
            (["security.authorization": "enabled"], "security.authorization is enabled"),
            (["security": ["keyFile": "/etc/keyfile"]], "security.keyFile is set"),
            (["security": ["clusterAuthMode": "x509"]], "security.clusterAuthMode is x509"),
            (["auth": true, "dbpath": "/data/db"], "the auth option is on"),
            (["keyFile": "/etc/keyfile"], "the keyFile option is set"),
            (["security": ["authorization": "disabled", "keyFile": "/etc/keyfile"]], "security.keyFile is set"),
        ] as [(JSONValue, String)])
    func passesWhenTheParsedOptionsEnforceAccessControl(parsed: JSONValue, detail: String) throws {
        let outcome = try evaluate(parsed: parsed)
        guard case .pass(let actual) = outcome else {
            Issue.record("expected a pass for \(parsed), got \(outcome)")
            return
        }
        #expect(actual.hasPrefix(detail))
    }

    @Test(
        arguments: [
            (["storage": ["dbPath": "/data/db"]], "neither security.authorization nor internal authentication"),
            (["security": ["authorization": "disabled"]], "security.authorization is disabled"),
            (["security": ["clusterAuthMode": "sendX509"]], "neither security.authorization"),
            (["auth": false], "neither security.authorization"),
            (
                ["security": ["keyFile": "/etc/keyfile", "transitionToAuth": true]],
                "security.transitionToAuth is on, so the server also accepts unauthenticated connections"
            ),
        ] as [(JSONValue, String)])
    func failsWhenNothingEnforcesAccessControl(parsed: JSONValue, reason: String) throws {
        let outcome = try evaluate(parsed: parsed)
        guard case .fail(let actual, let remedy) = outcome else {
            Issue.record("expected a failure for \(parsed), got \(outcome)")
            return
        }
        #expect(actual.hasPrefix(reason))
        #expect(remedy?.contains("https://www.mongodb.com/docs/manual/tutorial/enable-authentication") == true)
    }

    @Test func cannotTellWithoutGetCmdLineOpts() {
        let facts = DeploymentFacts(document: ["buildInfo": ["version": "4.0.3", "ok": 1]])
        #expect(throws: MissingFact(fact: "getCmdLineOpts", reason: "the facts do not include getCmdLineOpts")) {
            try AuthenticationMustBeEnabled().evaluate(facts)
        }
    }

    @Test func cannotTellWithoutParsedOptions() {
        let facts = DeploymentFacts(document: ["getCmdLineOpts": ["argv": ["mongod"], "ok": 1]])
        #expect(
            throws: MissingFact(fact: "getCmdLineOpts.parsed", reason: "getCmdLineOpts has no parsed options document")
        ) {
            try AuthenticationMustBeEnabled().evaluate(facts)
        }
    }
}
