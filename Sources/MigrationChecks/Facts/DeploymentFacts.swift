/// What a deployment said about itself: the replies of a few server commands, in one JSON document.
///
/// The facts document is one JSON object (relaxed or canonical MongoDB Extended JSON v2), as
/// ``FactsCollector/mongoshScript`` prints it:
///
/// ```json
/// {
///   "user": "migrator",
///   "userDatabase": "admin",
///   "collectedAt": {"$date": "2019-03-05T12:00:00Z"},
///   "hello": { …reply of {hello: 1}… },
///   "buildInfo": { …reply of {buildInfo: 1}… },
///   "getCmdLineOpts": { …reply of {getCmdLineOpts: 1}… },
///   "connectionStatus": { …reply of {connectionStatus: 1, showPrivileges: true}… },
///   "usersInfo": { …reply of {usersInfo: {user: "migrator", db: "admin"}, showPrivileges: true}… },
///   "errors": {"getCmdLineOpts": "not authorized on admin to execute command { getCmdLineOpts: 1 }"}
/// }
/// ```
///
/// - `user`: the migration user's name (string). `userDatabase`: its authentication database
///   (string, default `admin`). `collectedAt`: when the facts were collected (informational).
/// - `hello`: servers older than 4.4.2 do not know `hello`; their `isMaster` reply goes under
///   `isMaster` instead, and is read when `hello` is absent.
/// - Each reply is stored as the server returned it; unknown fields are ignored. A reply with
///   `ok: 0` counts as a failed command.
/// - `errors`: optional; a command name → message for each command the collector could not run.
///   A command that failed is simply absent, and named in `errors`.
///
/// Every key is optional: a check that needs an absent or malformed fact answers
/// ``CheckOutcome/cannotTell(missingFact:reason:)`` naming it.
public struct DeploymentFacts: Sendable, Equatable {
    /// The whole facts document.
    public let document: JSONObject

    /// Facts from a document already read (or built in Swift).
    public init(document: JSONObject) {
        self.document = document
    }

    /// Reads a facts document.
    ///
    /// Throws when the bytes are not JSON, the top level is not an object, a key is repeated in one object
    /// (at the repeat: which of two values would count is a guess), or a key this type reads has a value of
    /// the wrong type (`"errors": "boom"`); the error has the line, the byte column and a one-line message.
    /// UTF-16 text (PowerShell's `>`) and the mongo shell's banner before the JSON get a message naming
    /// the cause.
    public init(json: [UInt8]) throws(FactsError) {
        let document: JSONDocument
        do {
            document = try JSONDocument(parsing: json, options: JSONReadingOptions(rejectsDuplicateKeys: true))
        } catch {
            throw FactsError(error).explained(by: json)
        }
        guard let object = document.root.value.objectValue else {
            let (line, column) = document.location(of: document.root.offset)
            throw FactsError(
                line: line, column: column,
                message: "the facts document must be a JSON object, found \(document.root.value.kindDescription)")
        }
        if let problem = Self.typeProblem(in: document.root) {
            let (line, column) = document.location(of: problem.offset)
            throw FactsError(line: line, column: column, message: problem.message)
        }
        self.init(document: object)
    }

    /// The first member of the facts that has the wrong type for its key.
    private static func typeProblem(in root: JSONNode) -> (offset: Int, message: String)? {
        for member in root.members {
            let value = member.node.value
            switch member.key {
            case "user", "userDatabase":
                if value.stringValue == nil {
                    return (member.node.offset, "\"\(member.key)\" must be a string, found \(value.kindDescription)")
                }
            case "errors":
                guard value.objectValue != nil else {
                    return (
                        member.node.offset,
                        "\"errors\" must be a document of command name → message, found \(value.kindDescription)"
                    )
                }
                for entry in member.node.members {
                    let message = entry.node.value
                    guard message.stringValue == nil, message["errmsg"]?.stringValue == nil,
                        message["message"]?.stringValue == nil
                    else { continue }
                    return (
                        entry.node.offset,
                        "\"errors.\(entry.key)\" must be the command's error message (a string), found "
                            + message.kindDescription
                    )
                }
            default:
                guard let fact = FactName.allCases.first(where: { $0.documentKeys.contains(member.key) }),
                    value.objectValue == nil
                else { continue }
                return (
                    member.node.offset,
                    "\"\(member.key)\" must be the reply document of \(fact.command), found \(value.kindDescription)"
                )
            }
        }
        return nil
    }
}

extension DeploymentFacts {
    /// What the document says about `fact`.
    public func status(of fact: FactName) -> FactStatus {
        for key in fact.documentKeys {
            guard let value = document[key] else { continue }
            guard let reply = value.objectValue else {
                return .malformed(reason: "\(key) is \(value.kindDescription), not a command reply document")
            }
            if let ok = reply["ok"], !ok.isTruthy {
                return .failed(message: Self.failureMessage(of: reply))
            }
            return .present(reply)
        }
        for key in fact.documentKeys {
            if let message = collectionErrors[key] {
                return .failed(message: message)
            }
        }
        return .missing
    }

    /// The reply for `fact`, or the reason it cannot be used.
    public func reply(_ fact: FactName) throws(MissingFact) -> JSONObject {
        switch status(of: fact) {
        case .present(let reply):
            return reply
        case .missing:
            throw MissingFact(fact: fact.rawValue, reason: "the facts do not include \(fact.rawValue)")
        case .failed(let message):
            throw MissingFact(fact: fact.rawValue, reason: "\(fact.rawValue) failed: \(message)")
        case .malformed(let reason):
            throw MissingFact(fact: fact.rawValue, reason: reason)
        }
    }

    /// The migration user's name, when the document names one.
    public var migrationUser: String? {
        document["user"]?.stringValue
    }

    /// The migration user's authentication database: `userDatabase`, or `admin`.
    public var migrationUserDatabase: String {
        document["userDatabase"]?.stringValue ?? "admin"
    }

    /// When the facts were collected, as the document says it.
    public var collectedAt: JSONValue? {
        document["collectedAt"]
    }

    /// The collector's errors: command name → message. Entries that are not strings are skipped.
    public var collectionErrors: [String: String] {
        guard let errors = document["errors"]?.objectValue else { return [:] }
        var messages: [String: String] = [:]
        for member in errors.members {
            if let message = member.value.stringValue {
                messages[member.key] = message
            } else if let message = member.value["errmsg"]?.stringValue ?? member.value["message"]?.stringValue {
                messages[member.key] = message
            }
        }
        return messages
    }

    private static func failureMessage(of reply: JSONObject) -> String {
        let message = reply["errmsg"]?.stringValue ?? "the command answered ok: 0"
        if let codeName = reply["codeName"]?.stringValue {
            return "\(message) (\(codeName))"
        }
        return message
    }
}
