/// The server runs at least a minimum MongoDB version, compared as versions (`3.6.8-rc0 < 3.6.8`).
public struct ServerVersionMustBeAtLeast: Sendable {
    /// The oldest version that passes.
    public let minimum: ServerVersion

    public init(_ minimum: ServerVersion) {
        self.minimum = minimum
    }

    public func evaluate(_ facts: DeploymentFacts) throws(MissingFact) -> CheckOutcome {
        let version = try facts.serverVersion()
        if version >= minimum {
            return .pass(detail: "MongoDB \(version) is \(minimum) or newer")
        }
        return .fail(
            reason: "MongoDB \(version) is older than \(minimum)",
            remedy: "upgrade the deployment to MongoDB \(minimum) or newer before migrating")
    }
}
