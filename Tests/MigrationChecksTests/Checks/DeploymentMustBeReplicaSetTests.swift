import MigrationChecks
import Testing

@Suite struct DeploymentMustBeReplicaSetTests {
    /// `getCmdLineOpts` as a replica set member started from a configuration file answers it.
    private static func commandLine(_ parsed: JSONObject) -> JSONValue {
        ["argv": ["/usr/bin/mongod", "-f", "/etc/mongod.conf"], "parsed": .object(parsed), "ok": 1]
    }

    private static let replicaSetOptions: JSONObject = [
        "config": "/etc/mongod.conf", "net": ["bindIp": "0.0.0.0", "port": 27017],
        "replication": ["replSetName": "rs0"], "storage": ["dbPath": "/var/lib/mongo"],
    ]

    private func evaluate(_ hello: JSONValue, options: JSONObject? = replicaSetOptions) throws -> CheckOutcome {
        var document: JSONObject = ["hello": hello]
        if let options {
            document.members.append(.init(key: "getCmdLineOpts", value: Self.commandLine(options)))
        }
        return try DeploymentMustBeReplicaSet().evaluate(DeploymentFacts(document: document))
    }

    @Test func passesOnAReplicaSetMemberAndSaysWhichOne() throws {
        #expect(
            try evaluate(["setName": "rs0", "isWritablePrimary": true, "ok": 1])
                == .pass(detail: "member of replica set rs0 (primary)"))
        #expect(
            try evaluate(["setName": "rs0", "ismaster": false, "secondary": true, "ok": 1])
                == .pass(detail: "member of replica set rs0 (secondary)"))
    }

    /// A shard's members answer hello like any replica set; only their options show the cluster role.
    @Test func failsOnAShardMemberWithTheShardedClusterReason() throws {
        var options = Self.replicaSetOptions
        options.members.append(.init(key: "sharding", value: ["clusterRole": "shardsvr"]))
        let outcome = try evaluate(["setName": "shard0", "isWritablePrimary": true, "ok": 1], options: options)
        #expect(
            outcome
                == .fail(
                    reason: "the server is a member of replica set shard0 (primary) that is a shard "
                        + "(sharding.clusterRole: shardsvr), so the deployment is a sharded cluster; live migration "
                        + "of data from sharded clusters is not supported",
                    remedy: nil))
    }

    @Test func failsOnAShardMemberWithDottedOrLegacyOptions() throws {
        let hello: JSONValue = ["setName": "shard0", "ismaster": true, "ok": 1]
        let dotted: JSONObject = ["sharding.clusterRole": "shardsvr", "replication.replSetName": "shard0"]
        let legacy: JSONObject = ["shardsvr": true, "replSet": "shard0", "dbpath": "/data/db"]
        for options in [dotted, legacy] {
            let outcome = try evaluate(hello, options: options)
            #expect("\(outcome)".contains("sharding.clusterRole: shardsvr"), "\(options): \(outcome)")
        }
    }

    @Test func failsOnAConfigServerMemberSeenInItsOptions() throws {
        var options = Self.replicaSetOptions
        options.members.append(.init(key: "sharding", value: ["clusterRole": "configsvr"]))
        let outcome = try evaluate(["setName": "cfg", "ismaster": true, "ok": 1], options: options)
        #expect("\(outcome)".contains("config server (replica set cfg) of a sharded cluster"))
    }

    @Test func cannotTellAMemberFromAShardWithoutGetCmdLineOpts() {
        let facts = DeploymentFacts(document: [
            "hello": ["setName": "rs0", "isWritablePrimary": true, "ok": 1],
            "errors": ["getCmdLineOpts": "not authorized on admin to execute command { getCmdLineOpts: 1 }"],
        ])
        #expect(
            throws: MissingFact(
                fact: "getCmdLineOpts",
                reason: "the server is a member of replica set rs0 (primary), but whether that replica set is a shard "
                    + "of a sharded cluster needs getCmdLineOpts (sharding.clusterRole): getCmdLineOpts failed: not "
                    + "authorized on admin to execute command { getCmdLineOpts: 1 }")
        ) {
            try DeploymentMustBeReplicaSet().evaluate(facts)
        }
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
