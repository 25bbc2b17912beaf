/// What a package's checks read, as a runner reads it from the facts file it is given
/// (`EXE evaluate --suite ID --facts FILE`).
///
/// Conform a type of the package's own (MigrationChecks' `DeploymentFacts`), or use ``JSONFacts``.
public protocol CheckFacts: Sendable {
    /// Reads the facts; throws with the line and column of what cannot be read.
    init(json: [UInt8]) throws(FactsError)
}

/// Facts that are one JSON object, read strictly: a key given twice is an error at the repeat, since
/// which copy would count is a guess. Checks look values up by dotted path.
public struct JSONFacts: CheckFacts, Equatable {
    public let document: JSONObject

    public init(document: JSONObject) {
        self.document = document
    }

    public init(json: [UInt8]) throws(FactsError) {
        let parsed: JSONDocument
        do {
            parsed = try JSONDocument(
                parsing: json, options: JSONReadingOptions(extendedJSON: false, rejectsDuplicateKeys: true))
        } catch {
            throw FactsError(error)
        }
        guard let object = parsed.root.value.objectValue else {
            let (line, column) = parsed.location(of: parsed.root.offset)
            throw FactsError(
                line: line, column: column,
                message: "the facts document must be a JSON object, found \(parsed.root.value.kindDescription)")
        }
        self.init(document: object)
    }

    /// The value at a dotted path (`service.replicas`), or the missing fact named by the path.
    public func value(_ path: String) throws(MissingFact) -> JSONValue {
        guard let value = document.value(atPath: path), value != .null else {
            throw MissingFact(fact: path, reason: "the facts do not include \(path)")
        }
        return value
    }

    /// The string at `path`.
    public func string(_ path: String) throws(MissingFact) -> String {
        let value = try value(path)
        guard let string = value.stringValue else {
            throw MissingFact(fact: path, reason: "\(path) is \(value.kindDescription), not a string")
        }
        return string
    }

    /// The number at `path`.
    public func number(_ path: String) throws(MissingFact) -> Double {
        let value = try value(path)
        guard let number = value.numberValue?.doubleValue else {
            throw MissingFact(fact: path, reason: "\(path) is \(value.kindDescription), not a number")
        }
        return number
    }

    /// The version at `path` (`"1.29.3"`).
    public func version(_ path: String) throws(MissingFact) -> Version {
        let text = try string(path)
        guard let version = Version(text) else {
            throw MissingFact(fact: path, reason: "\(path) \"\(text)\" is not a version")
        }
        return version
    }

    /// The strings of the array at `path`.
    public func strings(_ path: String) throws(MissingFact) -> [String] {
        let value = try value(path)
        guard let elements = value.arrayValue else {
            throw MissingFact(fact: path, reason: "\(path) is \(value.kindDescription), not an array")
        }
        let strings = elements.compactMap(\.stringValue)
        guard strings.count == elements.count else {
            throw MissingFact(fact: path, reason: "\(path) holds something other than strings")
        }
        return strings
    }
}
