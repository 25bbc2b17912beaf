/// The facts come from a MongoDB server: `buildInfo` and `hello` answer as MongoDB's do.
///
/// MongoDB's `buildInfo` has a version string and `ok: 1`; its `hello` (or `isMaster`) says
/// whether the server is writable (`isWritablePrimary`, or `ismaster` before 4.4.2) or a
/// `secondary`, and from 2.6 on gives the wire protocol range (`minWireVersion`, `maxWireVersion`).
public struct SourceMustBeMongoDB: Sendable {
    public init() {}

    public func evaluate(_ facts: DeploymentFacts) throws(MissingFact) -> CheckOutcome {
        let buildInfo = try facts.reply(.buildInfo)
        let hello = try facts.reply(.hello)
        guard let versionText = buildInfo["version"]?.stringValue else {
            return notMongoDB("buildInfo has no version string")
        }
        guard buildInfo["ok"]?.isTruthy == true else {
            return notMongoDB("buildInfo has no ok: 1")
        }
        guard let version = ServerVersion(versionText) else {
            return notMongoDB("buildInfo.version \"\(versionText)\" is not a MongoDB version")
        }
        guard hello["ok"]?.isTruthy == true else {
            return notMongoDB("hello has no ok: 1")
        }
        let writable = hello["isWritablePrimary"] ?? hello["ismaster"]
        guard writable?.boolValue != nil || hello["secondary"]?.boolValue != nil else {
            return notMongoDB("hello has neither isWritablePrimary, ismaster nor secondary")
        }
        var wireRange = ""
        if let maxWire = hello["maxWireVersion"] {
            let minWire = hello["minWireVersion"] ?? .number(.integer(0))
            guard let maximum = maxWire.intValue, let minimum = minWire.intValue,
                minimum >= 0, minimum <= maximum
            else {
                return notMongoDB("hello has an invalid wire version range")
            }
            wireRange = ", wire versions \(minimum)–\(maximum)"
        }
        return .pass(detail: "MongoDB \(version) answered buildInfo and hello\(wireRange)")
    }

    private func notMongoDB(_ reason: String) -> CheckOutcome {
        .fail(
            reason: "\(reason), so the server does not answer as MongoDB does",
            remedy: "live migration moves data from MongoDB deployments only; for other database systems, "
                + "contact MongoDB for help with the migration")
    }
}
