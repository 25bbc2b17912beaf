/// What a check concluded from a deployment's facts.
public enum CheckOutcome: Sendable, Equatable {
    /// The deployment meets the step; `detail` says what was seen: "MongoDB 4.0.3".
    case pass(detail: String)
    /// The deployment does not meet the step; `remedy`, when known, says what to do.
    case fail(reason: String, remedy: String?)
    /// The facts do not say; `missingFact` names what to collect: "getCmdLineOpts", "buildInfo.version".
    case cannotTell(missingFact: String, reason: String)
}

extension CheckOutcome {
    /// Whether the check passed.
    public var isPass: Bool {
        if case .pass = self { return true }
        return false
    }

    /// Whether the check failed (not merely could not tell).
    public var isFail: Bool {
        if case .fail = self { return true }
        return false
    }
}

extension CheckOutcome: CustomStringConvertible {
    public var description: String {
        switch self {
        case .pass(let detail): "pass: \(detail)"
        case .fail(let reason, let remedy?): "fail: \(reason); \(remedy)"
        case .fail(let reason, nil): "fail: \(reason)"
        case .cannotTell(let fact, let reason): "cannot tell (\(fact)): \(reason)"
        }
    }
}
