/// The server is a member of a replica set: not a standalone, and not part of a sharded cluster.
///
/// Reads `hello` (or `isMaster`): a `mongos` answers `msg: "isdbgrid"`; a config server member
/// has `configsvr`; a replica set member has `setName`; a member started with `--replSet` whose
/// set was never initiated has `isreplicaset: true` and no `setName`.
///
/// A member of a shard's replica set answers `hello` like any replica set member; only its options
/// say it is part of a sharded cluster (`sharding.clusterRole: shardsvr` in `getCmdLineOpts.parsed`,
/// or the 2.4-era top-level `shardsvr: true`). So a replica set member passes only when
/// `getCmdLineOpts` shows no cluster role, and the check cannot tell without it.
public struct DeploymentMustBeReplicaSet: Sendable {
    /// Where the documentation explains converting a standalone.
    public static let conversionGuide =
        "https://www.mongodb.com/docs/manual/tutorial/convert-standalone-to-replica-set"

    public init() {}

    public func evaluate(_ facts: DeploymentFacts) throws(MissingFact) -> CheckOutcome {
        let hello = try facts.reply(.hello)
        if hello["msg"]?.stringValue == "isdbgrid" {
            return .fail(
                reason: "the server is a mongos router, so the deployment is a sharded cluster; "
                    + "live migration of data from sharded clusters is not supported",
                remedy: nil)
        }
        if let setName = hello["setName"]?.stringValue, !setName.isEmpty {
            if let configServer = hello["configsvr"], configServer.isTruthy {
                return .fail(
                    reason: "the server is a config server (replica set \(setName)) of a sharded cluster; "
                        + "live migration of data from sharded clusters is not supported",
                    remedy: nil)
            }
            let member = "member of replica set \(setName) (\(memberState(hello)))"
            let options: JSONObject
            do {
                options = try facts.reply(.getCmdLineOpts)
            } catch {
                throw MissingFact(
                    fact: error.fact,
                    reason: "the server is a \(member), but whether that replica set is a shard of a sharded "
                        + "cluster needs getCmdLineOpts (sharding.clusterRole): \(error.reason)")
            }
            let parsed = options["parsed"]?.objectValue ?? JSONObject()
            let role =
                parsed.value(atPath: "sharding.clusterRole")?.stringValue
                ?? (parsed["shardsvr"]?.isTruthy == true ? "shardsvr" : nil)
                ?? (parsed["configsvr"]?.isTruthy == true ? "configsvr" : nil)
            switch role {
            case "shardsvr"?:
                return .fail(
                    reason: "the server is a \(member) that is a shard (sharding.clusterRole: shardsvr), so the "
                        + "deployment is a sharded cluster; live migration of data from sharded clusters is not "
                        + "supported",
                    remedy: nil)
            case "configsvr"?:
                return .fail(
                    reason: "the server is a config server (replica set \(setName)) of a sharded cluster; "
                        + "live migration of data from sharded clusters is not supported",
                    remedy: nil)
            default:
                return .pass(detail: member)
            }
        }
        if hello["isreplicaset"]?.isTruthy == true {
            return .fail(
                reason: "the server was started as a replica set member but the replica set is not initiated",
                remedy: "initiate the replica set with rs.initiate(); see \(Self.conversionGuide)")
        }
        return .fail(
            reason: "the server is a standalone instance, not a replica set member",
            remedy: "convert it to a replica set first: \(Self.conversionGuide)")
    }

    private func memberState(_ hello: JSONObject) -> String {
        if (hello["isWritablePrimary"] ?? hello["ismaster"])?.boolValue == true {
            return "primary"
        }
        if hello["secondary"]?.boolValue == true {
            return "secondary"
        }
        if hello["arbiterOnly"]?.boolValue == true {
            return "arbiter"
        }
        return "neither primary nor secondary"
    }
}
