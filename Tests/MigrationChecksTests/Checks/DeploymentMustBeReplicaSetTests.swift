import MigrationChecks
import Testing

@Suite struct DeploymentMustBeReplicaSetTests {
    private func evaluate(_ hello: JSONValue) throws -> CheckOutcome {
        try DeploymentMustBeReplicaSet().evaluate(DeploymentFacts(document: ["hello": hello]))
    }

    @Test func passesOnAReplicaSetMemberAndSaysWhichOne() throws {
        #expect(
            try evaluate(["setName": "rs0", "isWritablePrimary": true, "ok": 1])
                == .pass(detail: "member of replica set rs0 (primary)"))
        #expect(
            try evaluate(["setName": "rs0", "ismaster": false, "secondary": true, "ok": 1])
                == .pass(detail: "member of replica set rs0 (secondary)"))
    }

    @Test func failsOnAStandaloneWithTheConversionRemedy() throws {
        let outcome = try evaluate(["ismaster": true, "maxWireVersion": 7, "ok": 1])
        #expect(
            outcome
                == .fail(
                    reason: "the server is a standalone instance, not a replica set member",
                    remedy: "convert it to a replica set first: "
                        + "https://www.mongodb.com/docs/manual/tutorial/convert-standalone-to-replica-set"))
    }

    @Test func failsOnAMongosBecauseShardedClustersAreNotSupported() throws {
        let outcome = try evaluate(["ismaster": true, "msg": "isdbgrid", "ok": 1])
        guard case .fail(let reason, let remedy) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(reason.contains("mongos"))
        #expect(reason.contains("live migration of data from sharded clusters is not supported"))
        #expect(remedy == nil)
    }

    @Test func failsOnAConfigServerMember() throws {
        let outcome = try evaluate(["setName": "cfg", "configsvr": 2, "ismaster": true, "ok": 1])
        #expect("\(outcome)".contains("config server (replica set cfg) of a sharded cluster"))
    }

    @Test func failsOnAReplicaSetThatWasNeverInitiated() throws {
        let outcome = try evaluate(["ismaster": false, "secondary": false, "isreplicaset": true, "ok": 1])
        #expect("\(outcome)".contains("the replica set is not initiated"))
        #expect("\(outcome)".contains("rs.initiate()"))
    }
}
