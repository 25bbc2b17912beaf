/// The server enforces access control, as its parsed command-line options show.
///
/// Reads `getCmdLineOpts.parsed`, where options appear nested (`security: {authorization: …}`)
/// or under dotted keys (`security.authorization`). Access control is on when:
/// - `security.authorization` is `enabled`;
/// - internal (membership) authentication is on, which MongoDB documents as enabling client
///   authorization too ("Enabling internal authentication also enables client authorization"): a
///   `security.keyFile`, or any `security.clusterAuthMode` (``clusterAuthModes``: `keyFile`,
///   `sendKeyFile`, `sendX509`, `x509`; the two `send…` modes are the steps of a rolling upgrade
///   from keyfiles to x.509, during which members accept both);
/// - on 2.4-era servers, the top-level `auth: true` or `keyFile` options are set;
///
/// unless `security.transitionToAuth` is on, which lets unauthenticated clients in.
///
/// When the server refuses `getCmdLineOpts` itself as unauthorized, that refusal proves access control
/// is on (a server without it authorizes every command), so the check passes and says why.
public struct AuthenticationMustBeEnabled: Sendable {
    /// Where the documentation explains enabling access control.
    public static let guide = "https://www.mongodb.com/docs/manual/tutorial/enable-authentication"

    public init() {}

    /// The values of `security.clusterAuthMode`, each a mode of internal authentication, with what it does.
    public static let clusterAuthModes: [String: String] = [
        "keyFile": "members authenticate with keyfiles",
        "sendKeyFile": "members send keyfiles and accept keyfiles or x.509 certificates",
        "sendX509": "members send x.509 certificates and accept keyfiles or certificates",
        "x509": "members authenticate with x.509 certificates",
    ]

    public func evaluate(_ facts: DeploymentFacts) throws(MissingFact) -> CheckOutcome {
        if case .failed(let message) = facts.status(of: .getCmdLineOpts), Self.isUnauthorized(message) {
            return .pass(
                detail: "the server refused getCmdLineOpts as unauthorized (\(message)), "
                    + "which only a server that enforces access control does")
        }
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
        if let mode = clusterAuthMode, let meaning = Self.clusterAuthModes[mode] {
            return "security.clusterAuthMode is \(mode) (\(meaning)), and internal authentication enforces "
                + "access control"
        }
        if parsed["auth"]?.isTruthy == true {
            return "the auth option is on"
        }
        if let keyFile = parsed["keyFile"]?.stringValue ?? parsed["keyfile"]?.stringValue, !keyFile.isEmpty {
            return "the keyFile option is set, and internal authentication enforces access control"
        }
        return nil
    }

    /// Whether a command's failure message is MongoDB's refusal for want of authorization: code 13
    /// (`Unauthorized`), "not authorized on admin to execute command …" (authenticated without the
    /// privilege), "command getCmdLineOpts requires authentication" (not authenticated, 3.6+), or 2.4's
    /// bare "unauthorized".
    static func isUnauthorized(_ message: String) -> Bool {
        let lowered = message.lowercased()
        return message.contains("(Unauthorized)") || lowered.hasPrefix("not authorized on ")
            || lowered.contains(" requires authentication") || lowered == "unauthorized"
            || lowered.hasPrefix("unauthorized ")
    }
}
