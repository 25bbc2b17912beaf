/// What a runner's `evaluate` prints: each check's outcome, or why the facts could not be read.
///
/// ```json
/// {"stepdocOutcomes": 1, "suite": "service-rollout",
///  "results": [{"check": "cluster-version", "outcome": "fail", "reason": "…", "remedy": "…",
///               "missingFact": null, "detail": null}]}
/// {"stepdocOutcomes": 1, "suite": "service-rollout",
///  "factsError": {"line": 3, "column": 5, "message": "duplicate key …"}}
/// ```
///
/// `outcome` is `pass` (with `detail`), `fail` (with `reason` and, when known, `remedy`) or `cannot-tell`
/// (with `missingFact` and `reason`); keys that do not apply are `null`.
public struct RunnerOutcomes: Sendable, Equatable {
    public static let version = 1

    public var suite: String
    public var results: [CheckResult]
    public var factsError: FactsError?

    public init(suite: String, results: [CheckResult]) {
        self.suite = suite
        self.results = results
        self.factsError = nil
    }

    public init(suite: String, factsError: FactsError) {
        self.suite = suite
        self.results = []
        self.factsError = factsError
    }

    public func json() -> String {
        var members: JSONObject = ["stepdocOutcomes": .number(.integer(Int64(Self.version))), "suite": .string(suite)]
        if let factsError {
            members.members.append(
                .init(
                    key: "factsError",
                    value: [
                        "line": .number(.integer(Int64(factsError.line))),
                        "column": .number(.integer(Int64(factsError.column))), "message": .string(factsError.message),
                    ]))
        } else {
            members.members.append(.init(key: "results", value: .array(results.map(Self.json))))
        }
        return JSONValue.object(members).rendered()
    }

    private static func json(_ result: CheckResult) -> JSONValue {
        var outcome = "pass"
        var detail: String?
        var reason: String?
        var remedy: String?
        var missing: String?
        switch result.outcome {
        case .pass(let text): detail = text
        case .fail(let why, let fix):
            outcome = "fail"
            reason = why
            remedy = fix
        case .cannotTell(let fact, let why):
            outcome = "cannot-tell"
            missing = fact
            reason = why
        }
        return [
            "check": .string(result.checkID), "outcome": .string(outcome), "reason": .optional(reason),
            "remedy": .optional(remedy), "missingFact": .optional(missing), "detail": .optional(detail),
        ]
    }

    /// Reads a runner's outcomes; anything off the contract is an error with its line and column.
    public init(json bytes: [UInt8]) throws(ManifestError) {
        let document: JSONDocument
        do {
            document = try JSONDocument(
                parsing: bytes, options: JSONReadingOptions(extendedJSON: false, rejectsDuplicateKeys: true))
        } catch {
            throw ManifestError(line: error.line, column: error.column, message: error.message)
        }
        func fail(_ node: JSONNode, _ message: String) -> ManifestError {
            let (line, column) = document.location(of: node.offset)
            return ManifestError(line: line, column: column, message: message)
        }
        func string(_ node: JSONNode?, _ what: String, in parent: JSONNode, optional: Bool = false)
            throws(ManifestError) -> String?
        {
            guard let node else {
                if optional { return nil }
                throw fail(parent, "missing \"\(what)\"")
            }
            if node.value == .null, optional { return nil }
            guard let text = node.value.stringValue else {
                throw fail(node, "\"\(what)\" must be a string\(optional ? " or null" : ""), found \(node.value.kindDescription)")
            }
            return text
        }
        let root = document.root
        guard root.value.objectValue != nil else { throw fail(root, "the outcomes must be an object") }
        for member in root.members where !["stepdocOutcomes", "suite", "results", "factsError"].contains(member.key) {
            throw fail(member.node, "unknown key \"\(member.key)\" in the outcomes")
        }
        guard let versionNode = root.member("stepdocOutcomes")?.node, versionNode.value.intValue == Self.version else {
            throw fail(root, "the outcomes must have \"stepdocOutcomes\": \(Self.version)")
        }
        suite = try string(root.member("suite")?.node, "suite", in: root) ?? ""
        if let errorNode = root.member("factsError")?.node {
            guard let line = errorNode.value["line"]?.intValue, let column = errorNode.value["column"]?.intValue,
                let message = errorNode.value["message"]?.stringValue
            else { throw fail(errorNode, "\"factsError\" must be {line, column, message}") }
            factsError = FactsError(line: line, column: column, message: message)
            results = []
            return
        }
        factsError = nil
        guard let resultsNode = root.member("results")?.node, case .array = resultsNode.value else {
            throw fail(root, "the outcomes must have a \"results\" array")
        }
        var results: [CheckResult] = []
        for node in resultsNode.elements {
            guard node.value.objectValue != nil else { throw fail(node, "a result must be an object") }
            for member in node.members
            where !["check", "outcome", "reason", "remedy", "missingFact", "detail"].contains(member.key) {
                throw fail(member.node, "unknown key \"\(member.key)\" in a result")
            }
            let check = try string(node.member("check")?.node, "check", in: node) ?? ""
            let outcomeNode = node.member("outcome")?.node ?? node
            let reason = try string(node.member("reason")?.node, "reason", in: node, optional: true)
            let remedy = try string(node.member("remedy")?.node, "remedy", in: node, optional: true)
            let missing = try string(node.member("missingFact")?.node, "missingFact", in: node, optional: true)
            let detail = try string(node.member("detail")?.node, "detail", in: node, optional: true)
            let outcome: CheckOutcome
            switch try string(node.member("outcome")?.node, "outcome", in: node) {
            case "pass"?: outcome = .pass(detail: detail ?? "")
            case "fail"?: outcome = .fail(reason: reason ?? "", remedy: remedy)
            case "cannot-tell"?: outcome = .cannotTell(missingFact: missing ?? "", reason: reason ?? "")
            case let other:
                throw fail(outcomeNode, "\"outcome\" must be pass, fail or cannot-tell, found \"\(other ?? "")\"")
            }
            results.append(CheckResult(checkID: check, outcome: outcome))
        }
        self.results = results
    }
}
