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
            (["security.clusterAuthMode": "sendX509"], "security.clusterAuthMode is sendX509"),
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
            (["security": ["clusterAuthMode": "none"]], "neither security.authorization"),
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

    /// MongoDB's internal authentication modes (the `security.clusterAuthMode` values its configuration
    /// reference lists): each enables client access control, unless `transitionToAuth` lets unauthenticated
    /// clients in during a rolling change.
    @Test(arguments: ["keyFile", "sendKeyFile", "sendX509", "x509"])
    func eachClusterAuthModeEnforcesAccessControlUnlessTransitioning(mode: String) throws {
        let tls: JSONValue = ["mode": "requireTLS", "certificateKeyFile": "/etc/ssl/mongodb.pem"]
        var security: JSONObject = ["clusterAuthMode": .string(mode)]
        if mode == "keyFile" || mode == "sendKeyFile" {
            security.members.append(.init(key: "keyFile", value: "/etc/mongodb/keyfile"))
        }
        let enforced = try evaluate(parsed: ["net": ["tls": tls], "security": .object(security)])
        guard case .pass(let detail) = enforced else {
            Issue.record("expected \(mode) to enforce access control, got \(enforced)")
            return
        }
        #expect(detail.contains("internal authentication enforces access control"), "\(detail)")

        security.members.append(.init(key: "transitionToAuth", value: true))
        let transitioning = try evaluate(parsed: ["net": ["tls": tls], "security": .object(security)])
        #expect(transitioning.isFail, "\(mode) with transitionToAuth: \(transitioning)")
        #expect("\(transitioning)".contains("security.transitionToAuth is on"))
    }

    /// A refusal of getCmdLineOpts for want of authorization, in each of the forms servers give it.
    @Test(
        arguments: [
            ["errors": ["getCmdLineOpts": #"not authorized on admin to execute command { getCmdLineOpts: 1, $db: "admin" }"#]],
            [
                "getCmdLineOpts": [
                    "ok": 0, "errmsg": "command getCmdLineOpts requires authentication", "code": 13,
                    "codeName": "Unauthorized",
                ]
            ],
            ["getCmdLineOpts": ["ok": 0, "errmsg": "unauthorized"]],
            ["errors": ["getCmdLineOpts": "not authorized on admin (Unauthorized)"]],
        ] as [JSONObject])
    func passesWhenTheServerRefusesGetCmdLineOptsAsUnauthorized(document: JSONObject) throws {
        let outcome = try AuthenticationMustBeEnabled().evaluate(DeploymentFacts(document: document))
        guard case .pass(let detail) = outcome else {
            Issue.record("expected a pass for \(document), got \(outcome)")
            return
        }
        #expect(detail.hasPrefix("the server refused getCmdLineOpts as unauthorized ("))
        #expect(detail.hasSuffix("which only a server that enforces access control does"))
    }

    @Test func cannotTellWhenGetCmdLineOptsFailedForAnotherReason() {
        let facts = DeploymentFacts(document: ["errors": ["getCmdLineOpts": "connection reset by peer"]])
        #expect(
            throws: MissingFact(fact: "getCmdLineOpts", reason: "getCmdLineOpts failed: connection reset by peer")
        ) {
            try AuthenticationMustBeEnabled().evaluate(facts)
        }
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
