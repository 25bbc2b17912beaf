/// The server enforces access control, as its parsed command-line options show.
///
/// Reads `getCmdLineOpts.parsed`, where options appear nested (`security: {authorization: …}`)
/// or under dotted keys (`security.authorization`). Access control is on when:
/// - `security.authorization` is `enabled`;
/// - `security.keyFile` is set, or `security.clusterAuthMode` is `keyFile` or `x509`: internal
///   authentication enforces client access control too;
/// - on 2.4-era servers, the top-level `auth: true` or `keyFile` options are set;
///
/// unless `security.transitionToAuth` is on, which lets unauthenticated clients in.
public struct AuthenticationMustBeEnabled: Sendable {
    /// Where the documentation explains enabling access control.
    public static let guide = "https://www.mongodb.com/docs/manual/tutorial/enable-authentication"

    public init() {}

    public func evaluate(_ facts: DeploymentFacts) throws(MissingFact) -> CheckOutcome {
        let reply = try facts.reply(.getCmdLineOpts)
        guard let parsed = reply["parsed"]?.objectValue else {
            throw MissingFact(fact: "getCmdLineOpts.parsed", reason: "getCmdLineOpts has no parsed options document")
        }
        if parsed.value(atPath: "security.transitionToAuth")?.isTruthy == true {
            return .fail(
                reason: "security.transitionToAuth is on, so the server also accepts unauthenticated connections",
                remedy: "finish the transition: restart each member without transitionToAuth; see \(Self.guide)")
        }
        if let detail = enforcement(parsed) {
            return .pass(detail: detail)
        }
        let reason =
            parsed.value(atPath: "security.authorization")?.stringValue == "disabled"
            ? "security.authorization is disabled and no keyFile or x509 internal authentication is set"
            : "neither security.authorization nor internal authentication (keyFile or x509) is set"
        return .fail(reason: reason, remedy: "enable access control: \(Self.guide)")
    }

    /// What turns access control on, when something does.
    private func enforcement(_ parsed: JSONObject) -> String? {
        if parsed.value(atPath: "security.authorization")?.stringValue == "enabled" {
            return "security.authorization is enabled"
        }
        if let keyFile = parsed.value(atPath: "security.keyFile")?.stringValue, !keyFile.isEmpty {
            return "security.keyFile is set, and internal authentication enforces access control"
        }
        let clusterAuthMode = parsed.value(atPath: "security.clusterAuthMode")?.stringValue
        if let mode = clusterAuthMode, mode == "x509" || mode == "keyFile" {
            return "security.clusterAuthMode is \(mode), and internal authentication enforces access control"
        }
        if parsed["auth"]?.isTruthy == true {
            return "the auth option is on"
        }
        if let keyFile = parsed["keyFile"]?.stringValue ?? parsed["keyfile"]?.stringValue, !keyFile.isEmpty {
            return "the keyFile option is set, and internal authentication enforces access control"
        }
        return nil
    }
}
