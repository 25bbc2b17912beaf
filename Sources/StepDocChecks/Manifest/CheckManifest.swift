/// The check manifest: the JSON document a package's checks export and stepdoc reads, so that parity works
/// for checks stepdoc was not compiled with.
///
/// ```json
/// {"stepdocChecks": 1,
///  "suites": [{"id": "…", "title": "…",
///    "checks": [{"id": "…", "summary": "…", "title": "pattern with {name:type} placeholders",
///      "declaration": {"file": "Sources/…/X.swift", "line": 14, "column": 13},
///      "values": [{"name": "minimum version", "source": {"titlePlaceholder": "version"},
///                  "enforced": {"minimumVersion": "6.0"},
///                  "declaration": {"file": "…", "line": 19, "column": 37}}]}]}]}
/// ```
///
/// `source` is `{"titlePlaceholder": NAME}` or `{"bodyRoleMentions": ROLE}`; `enforced` is one of
/// `{"minimumVersion": "X.Y[.Z]"}`, `{"roleSet": [...]}`, `{"number": N}`, `{"text": "…"}`. Declarations
/// are relative to the package root. `Schemas/check-manifest.schema.json` is the JSON Schema; reading is
/// stricter than the schema can say in one place: a key given twice, an unknown key, a wrong type, an
/// unknown `stepdocChecks` version, a placeholder of an unknown type, and a suite or check id given twice
/// are errors at their line and column, never a silent pass.
public struct CheckManifest: Sendable, Equatable {
    /// The version of the contract this library reads and writes.
    public static let version = 1

    public var suites: [SuiteDefinition]
    /// Where each suite's `id` is written in the manifest that was read (empty for one built in Swift).
    public var suitePositions: [ManifestPosition]

    /// A manifest of `suites`, with every declaration relative to its package root.
    public init(suites: [SuiteDefinition]) {
        self.suites = suites.map { $0.relativeToPackageRoot() }
        self.suitePositions = []
    }

    /// A manifest of the suites of a package.
    public init<Facts>(_ suites: [CheckSuite<Facts>]) {
        self.init(suites: suites.map(\.definition))
    }

    /// Reads a manifest; the error has the line and byte column of the problem.
    public init(json bytes: [UInt8]) throws(ManifestError) {
        let reader = try ManifestReader(bytes: bytes)
        (suites, suitePositions) = try reader.read()
    }

    /// The manifest as JSON text, keys in the contract's order, with a final newline.
    public func json() -> String {
        jsonValue.rendered()
    }

    var jsonValue: JSONValue {
        .object([
            "stepdocChecks": .number(.integer(Int64(Self.version))),
            "suites": .array(suites.map(Self.json)),
        ])
    }

    private static func json(_ suite: SuiteDefinition) -> JSONValue {
        .object([
            "id": .string(suite.id),
            "title": .string(suite.title),
            "checks": .array(suite.checks.map(json)),
        ])
    }

    private static func json(_ check: CheckDefinition) -> JSONValue {
        .object([
            "id": .string(check.id),
            "summary": .string(check.summary),
            "title": .string(check.title.raw),
            "declaration": json(check.declaration),
            "values": .array(check.values.map(json)),
        ])
    }

    private static func json(_ value: BoundValue) -> JSONValue {
        let source: JSONValue =
            switch value.source {
            case .titlePlaceholder(let name): .object(["titlePlaceholder": .string(name)])
            case .bodyRoleMentions(let role): .object(["bodyRoleMentions": .string(role)])
            }
        let enforced: JSONValue =
            switch value.enforced.kind {
            case .minimumVersion(let version): .object(["minimumVersion": .string(version.description)])
            case .roleSet(let roles): .object(["roleSet": .array(roles.sorted().map(JSONValue.string))])
            case .number(let number): .object(["number": .number(.double(number))])
            case .text(let text): .object(["text": .string(text)])
            }
        return .object([
            "name": .string(value.name),
            "source": source,
            "enforced": enforced,
            "declaration": json(value.declaration),
        ])
    }

    private static func json(_ declaration: Declaration) -> JSONValue {
        .object([
            "file": .string(declaration.file),
            "line": .number(.integer(Int64(declaration.line))),
            "column": .number(.integer(Int64(declaration.column))),
        ])
    }
}

/// A line and byte column in a manifest.
public struct ManifestPosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String {
        "\(line):\(column)"
    }
}

/// A manifest that cannot be used, with where the problem is.
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// One line, lowercase start, no final period.
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`.
    public var description: String {
        "\(line):\(column): \(message)"
    }
}
