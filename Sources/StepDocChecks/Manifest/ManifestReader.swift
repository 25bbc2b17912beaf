/// Reads a check manifest from its located JSON, checking every key and type against the contract.
struct ManifestReader {
    private let document: JSONDocument

    init(bytes: [UInt8]) throws(ManifestError) {
        do {
            document = try JSONDocument(
                parsing: bytes,
                options: JSONReadingOptions(extendedJSON: false, rejectsDuplicateKeys: true, buildsValues: false))
        } catch {
            throw ManifestError(line: error.line, column: error.column, message: error.message)
        }
    }

    func read() throws(ManifestError) -> ([SuiteDefinition], [ManifestPosition]) {
        let root = document.root
        let members = try object(root, "the manifest", keys: ["stepdocChecks", "suites"], required: ["stepdocChecks", "suites"])
        let versionNode = try required(members, "stepdocChecks")
        guard let version = versionNode.value.intValue else {
            throw error(at: versionNode, "\"stepdocChecks\" must be the contract's version number, found \(versionNode.value.kindDescription)")
        }
        guard version == CheckManifest.version else {
            throw error(
                at: versionNode,
                "unknown stepdocChecks version \(version): this stepdoc reads version \(CheckManifest.version)")
        }
        var suites: [SuiteDefinition] = []
        var idNodes: [JSONNode] = []
        var suiteIDs: [String: JSONNode] = [:]
        for node in try array(try required(members, "suites"), "\"suites\"") {
            let (suite, idNode) = try readSuite(node)
            if let first = suiteIDs[suite.id] {
                throw error(at: idNode, "suite id '\(suite.id)' is defined twice (first at \(position(of: first)))")
            }
            suiteIDs[suite.id] = idNode
            suites.append(suite)
            idNodes.append(idNode)
        }
        let positions = document.locations(of: idNodes.map(\.offset)).map {
            ManifestPosition(line: $0.line, column: $0.column)
        }
        return (suites, positions)
    }

    private static let suiteKeys = ["id", "title", "checks"]
    private static let checkKeys = ["id", "summary", "title", "declaration", "values"]
    private static let valueKeys = ["name", "source", "enforced", "declaration"]
    private static let declarationKeys = ["file", "line", "column"]

    private func readSuite(_ node: JSONNode) throws(ManifestError) -> (SuiteDefinition, JSONNode) {
        let members = try object(node, "a suite", keys: Self.suiteKeys, required: Self.suiteKeys)
        let idNode = try required(members, "id")
        let id = try identifier(idNode, "suite \"id\"")
        let title = try string(try required(members, "title"), "suite \"title\"")
        var checks: [CheckDefinition] = []
        var checkIDs: [String: JSONNode] = [:]
        for checkNode in try array(try required(members, "checks"), "\"checks\"") {
            let (check, checkIDNode) = try readCheck(checkNode)
            if let first = checkIDs[check.id] {
                throw error(
                    at: checkIDNode, "check id '\(check.id)' is defined twice in suite '\(id)' (first at \(position(of: first)))")
            }
            checkIDs[check.id] = checkIDNode
            checks.append(check)
        }
        return (SuiteDefinition(id: id, title: title, checks: checks), idNode)
    }

    private func readCheck(_ node: JSONNode) throws(ManifestError) -> (CheckDefinition, JSONNode) {
        let members = try object(node, "a check", keys: Self.checkKeys, required: ["id", "summary", "title", "declaration"])
        let idNode = try required(members, "id")
        let id = try identifier(idNode, "check \"id\"")
        let summary = try string(try required(members, "summary"), "check \"summary\"")
        let titleNode = try required(members, "title")
        let title = TitlePattern(try string(titleNode, "check \"title\""))
        if let problem = title.problem {
            throw error(at: titleNode, "title \(problem)")
        }
        let declaration = try readDeclaration(try required(members, "declaration"))
        var values: [BoundValue] = []
        if let valuesNode = members["values"] {
            for valueNode in try array(valuesNode, "\"values\"") {
                values.append(try readValue(valueNode))
            }
        }
        return (CheckDefinition(id: id, summary: summary, title: title, values: values, declaration: declaration), idNode)
    }

    private func readValue(_ node: JSONNode) throws(ManifestError) -> BoundValue {
        let members = try object(node, "a value", keys: Self.valueKeys, required: Self.valueKeys)
        let name = try string(try required(members, "name"), "value \"name\"")
        let (sourceKey, sourceNode) = try oneOf(
            try required(members, "source"), "\"source\"", keys: ["titlePlaceholder", "bodyRoleMentions"])
        let sourceName = try identifier(sourceNode, "\"\(sourceKey)\"")
        let source: ValueSource =
            sourceKey == "titlePlaceholder" ? .titlePlaceholder(sourceName) : .bodyRoleMentions(role: sourceName)
        let (kindKey, kindNode) = try oneOf(
            try required(members, "enforced"), "\"enforced\"", keys: ["minimumVersion", "roleSet", "number", "text"])
        let kind: EnforcedValue.Kind
        switch kindKey {
        case "minimumVersion":
            let text = try string(kindNode, "\"minimumVersion\"")
            guard Self.isContractVersion(text), let version = Version(text) else {
                throw error(at: kindNode, "\"minimumVersion\" must be a version X.Y or X.Y.Z, found \"\(text)\"")
            }
            kind = .minimumVersion(version)
        case "roleSet":
            var roles: Set<String> = []
            for element in try array(kindNode, "\"roleSet\"") {
                let role = try identifier(element, "a role in \"roleSet\"")
                guard roles.insert(role).inserted else {
                    throw error(at: element, "role '\(role)' is listed twice in \"roleSet\"")
                }
            }
            kind = .roleSet(roles)
        case "number":
            guard let number = kindNode.value.numberValue?.doubleValue, number.isFinite else {
                throw error(at: kindNode, "\"number\" must be a number, found \(kindNode.value.kindDescription)")
            }
            kind = .number(number)
        default:
            kind = .text(try string(kindNode, "\"text\""))
        }
        let declaration = try readDeclaration(try required(members, "declaration"))
        return BoundValue(name: name, source: source, enforced: EnforcedValue(kind, declaration: declaration))
    }

    private func readDeclaration(_ node: JSONNode) throws(ManifestError) -> Declaration {
        let members = try object(node, "a declaration", keys: Self.declarationKeys, required: Self.declarationKeys)
        let file = try string(try required(members, "file"), "declaration \"file\"")
        guard !file.isEmpty else { throw error(at: try required(members, "file"), "declaration \"file\" must not be empty") }
        let line = try positive(try required(members, "line"), "declaration \"line\"")
        let column = try positive(try required(members, "column"), "declaration \"column\"")
        return Declaration(file: file, line: line, column: column)
    }

    // MARK: - Shapes

    /// An object's members by key.
    private struct Fields {
        var node: JSONNode
        /// The member `key` (keys are unique: the reader refuses repeats).
        subscript(key: String) -> JSONNode? {
            node.members.first { $0.key == key }?.node
        }
        var count: Int { node.members.count }
    }

    /// The member `key`, which ``object(_:_:keys:required:)`` checked is there.
    private func required(_ fields: Fields, _ key: String) throws(ManifestError) -> JSONNode {
        guard let node = fields[key] else { throw error(at: fields.node, "missing \"\(key)\"") }
        return node
    }

    /// The members of an object with only `keys`, each of `required` present.
    private func object(
        _ node: JSONNode, _ what: String, keys: [String], required: [String]
    ) throws(ManifestError) -> Fields {
        guard case .object = node.value else {
            throw error(at: node, "\(what) must be an object, found \(node.value.kindDescription)")
        }
        for member in node.members {
            guard keys.contains(member.key) else {
                throw error(
                    atOffset: member.keyOffset,
                    "unknown key \"\(member.key)\" in \(what)\(Self.suggestion(for: member.key, among: keys)); "
                        + "expected \(keys.joined(separator: ", "))")
            }
        }
        let fields = Fields(node: node)
        for key in required where fields[key] == nil {
            throw error(at: node, "\(what) has no \"\(key)\"")
        }
        return fields
    }

    /// An object of exactly one member, whose key is one of `keys`.
    private func oneOf(_ node: JSONNode, _ what: String, keys: [String]) throws(ManifestError) -> (String, JSONNode) {
        let members = try object(node, what, keys: keys, required: [])
        guard members.count == 1, let member = node.members.first else {
            throw error(
                at: node,
                "\(what) must have exactly one of \(keys.joined(separator: ", ")), found \(members.count)")
        }
        return (member.key, member.node)
    }

    private func array(_ node: JSONNode, _ what: String) throws(ManifestError) -> [JSONNode] {
        guard case .array = node.value else {
            throw error(at: node, "\(what) must be an array, found \(node.value.kindDescription)")
        }
        return node.elements
    }

    private func string(_ node: JSONNode, _ what: String) throws(ManifestError) -> String {
        guard let text = node.value.stringValue else {
            throw error(at: node, "\(what) must be a string, found \(node.value.kindDescription)")
        }
        return text
    }

    /// A non-empty string without control characters or white space at either end.
    private func identifier(_ node: JSONNode, _ what: String) throws(ManifestError) -> String {
        let text = try string(node, what)
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }),
            text.first?.isWhitespace == false, text.last?.isWhitespace == false
        else {
            throw error(at: node, "\(what) must be a non-empty name without control characters or outer spaces")
        }
        return text
    }

    private func positive(_ node: JSONNode, _ what: String) throws(ManifestError) -> Int {
        guard let number = node.value.intValue, number >= 1 else {
            throw error(at: node, "\(what) must be a whole number of at least 1, found \(Self.shown(node.value))")
        }
        return number
    }

    // MARK: - Errors

    /// `X.Y` or `X.Y.Z`, each component 1 to 9 digits; on bytes, as it runs once per value.
    private static func isContractVersion(_ text: String) -> Bool {
        var components = 1
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return false }
                components += 1
                digits = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 9 else { return false }
            } else {
                return false
            }
        }
        return digits > 0 && (2...3).contains(components)
    }

    private static func shown(_ value: JSONValue) -> String {
        if case .number(let number) = value { return "\(number.doubleValue)" }
        return value.kindDescription
    }

    private static func suggestion(for key: String, among keys: [String]) -> String {
        guard let near = keys.min(by: { distance(key, $0) < distance(key, $1) }), distance(key, near) <= 2 else {
            return ""
        }
        return " (did you mean \"\(near)\"?)"
    }

    /// Levenshtein distance on bytes, enough for the short keys of the contract.
    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    private func position(of node: JSONNode) -> ManifestPosition {
        let (line, column) = document.location(of: node.offset)
        return ManifestPosition(line: line, column: column)
    }

    private func error(at node: JSONNode, _ message: String) -> ManifestError {
        error(atOffset: node.offset, message)
    }

    private func error(atOffset offset: Int, _ message: String) -> ManifestError {
        let (line, column) = document.location(of: offset)
        return ManifestError(line: line, column: column, message: message)
    }
}
