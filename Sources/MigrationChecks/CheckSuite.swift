/// The checks for one documented procedure; its id is the documentation file's base name.
///
/// ## The MigrationChecks module
///
/// MigrationChecks is the shared check module: a migration service imports it without any
/// documentation code. It depends on nothing, not even Foundation. Each documented step of a
/// procedure is a ``Check``: a pure function from ``DeploymentFacts`` to a ``CheckOutcome``, carrying
/// its ``DocumentationBinding`` (the step title it implements, the documented values it enforces,
/// and where it is declared) as plain values, so parity code can compare documentation and code.
///
/// ```swift
/// // Facts (Facts/): the replies of hello/isMaster, buildInfo, getCmdLineOpts, connectionStatus and
/// // usersInfo in one JSON document; its shape is documented on DeploymentFacts.
/// public struct DeploymentFacts: Sendable, Equatable {
///     public init(json: [UInt8]) throws(FactsError)    // only unreadable JSON or a non-object throws
///     public init(document: JSONObject)
///     public let document: JSONObject
///     public func status(of fact: FactName) -> FactStatus // .present(JSONObject) | .missing
///                                                         // | .failed(message:) | .malformed(reason:)
///     public func reply(_ fact: FactName) throws(MissingFact) -> JSONObject
///     public func serverVersion() throws(MissingFact) -> ServerVersion
///     public var migrationUser: String? { get }           // "user"
///     public var migrationUserDatabase: String { get }    // "userDatabase", default "admin"
///     public var collectedAt: JSONValue? { get }
///     public var collectionErrors: [String: String] { get } // "errors": command → message
/// }
/// public enum FactName: String, CaseIterable { case hello, buildInfo, getCmdLineOpts, connectionStatus, usersInfo }
/// public struct FactsError: Error, Equatable, CustomStringConvertible { line, column, message } // "15:20: …"
/// public struct MissingFact: Error, Equatable { fact, reason }     // "getCmdLineOpts", "buildInfo.version"
/// public struct ServerVersion: Hashable, Comparable, LosslessStringConvertible, ExpressibleByStringLiteral {
///     major, minor, patch, suffix, isPreRelease; init?(_ text: String); init(major:minor:patch:suffix:)
/// }
/// public struct RoleGrant: Hashable { role, database; init?(_ value: JSONValue, defaultDatabase:) }
/// public struct BuiltinRoles: Equatable {                 // MongoDB's built-in role inclusions
///     init(serverVersion: ServerVersion? = nil); static let names: Set<String>
///     func includedRoles(of:) -> Set<String>; func closure(of:) -> Set<String>
///     func role(_ holder:, includes:) -> Bool; func source(of:among:) -> String?
/// }
///
/// // JSON (JSON/): JSONValue(parsing: [UInt8]) throws(JSONSyntaxError); JSONValue is a closed enum
/// // (null, bool, number, string, array, object, date, objectID, timestamp, binary,
/// // regularExpression, minKey, maxKey); JSONNumber (integer/double/decimal, numeric equality);
/// // JSONObject (ordered members, last repeated key wins, value(atPath: "security.authorization")).
///
/// // Checks (Checks/)
/// public enum CheckOutcome: Sendable, Equatable {
///     case pass(detail: String)
///     case fail(reason: String, remedy: String?)
///     case cannotTell(missingFact: String, reason: String)
/// }
/// public struct Check: Sendable, Identifiable {
///     public let id: String, summary: String, binding: DocumentationBinding, reads: [FactName]
///     public init(id:summary:title: TitlePattern, values: [BoundValue] = [], reads: [FactName] = [],
///                 file: String = #filePath, line: Int = #line, column: Int = #column,
///                 evaluate: @escaping @Sendable (DeploymentFacts) throws(MissingFact) -> CheckOutcome)
///     public func evaluate(_ facts: DeploymentFacts) -> CheckOutcome   // MissingFact → .cannotTell
/// }
/// public struct CheckResult: Equatable { checkID, outcome }
/// // The rules, each `evaluate(_:) throws(MissingFact) -> CheckOutcome`: SourceMustBeMongoDB,
/// // ServerVersionMustBeAtLeast(_:), DeploymentMustBeReplicaSet, AuthenticationMustBeEnabled,
/// // MigrationUserMustHoldRoles(_:on:).
///
/// // Binding (Binding/)
/// public struct DocumentationBinding: Equatable { titlePattern: TitlePattern; values: [BoundValue]; declaration: Declaration }
/// public struct TitlePattern: Equatable, ExpressibleByStringLiteral {
///     public let raw: String, segments: [Segment]   // .literal(String) | .placeholder(name:type:)
///     public init(_ raw: String)                     // {name} or {name:type}; {{ }} are literal braces
///     public var placeholders: [(name: String, type: PlaceholderType)]
///     public func match(_ title: String) -> [String: String]?   // whitespace-collapsed, case-insensitive
///     public func matches(_ title: String) -> Bool
///     public func rendered(with values: [String: String]) -> String
/// }
/// public enum PlaceholderType: String { case version, number, word, text }
/// public struct BoundValue: Equatable { name: String; source: ValueSource; enforced: EnforcedValue }
/// public enum ValueSource: Hashable { case titlePlaceholder(String), bodyRoleMentions(role: String) }
/// public enum EnforcedValue: Equatable {
///     case minimumVersion(ServerVersion), roleSet(Set<String>), text(String)
///     func isStated(by documented: [String]) -> Bool   // versions as versions, roles as sets
///     var documentedForm: String                       // "2.6", "backup, clusterMonitor"
/// }
/// public struct Declaration: Hashable { file, line, column }  // column of the `Check(` call's "("
///
/// // Suites (Suites/ and this file)
/// public struct CheckSuite { id, title, checks; func check(id:) -> Check?; func evaluate(_:) -> [CheckResult] }
/// public enum CheckSuites { static let all: [CheckSuite]; static func named(_ id: String) -> CheckSuite? }
/// public enum AtlasLiveMigrationPrerequisites {
///     static let id = "atlas-live-migration-prerequisites"
///     static func suite(minimumVersion: ServerVersion = "2.6",
///                       requiredRoles: Set<String> = ["clusterMonitor", "backup"]) -> CheckSuite
/// }
///
/// // Collector (Collector/)
/// public enum FactsCollector {
///     static let mongoshScript: String               // user name in a variable on the first lines
///     static func mongoshScript(user: String, database: String = "admin") -> String
///     static let usage: String; static let userPlaceholder: String
/// }
/// ```
public struct CheckSuite: Sendable {
    /// `atlas-live-migration-prerequisites`, matching `content/atlas-live-migration-prerequisites.rst`.
    public let id: String
    /// A human title for reports.
    public let title: String
    /// One check per documented step, in step order.
    public let checks: [Check]

    public init(id: String, title: String, checks: [Check]) {
        self.id = id
        self.title = title
        self.checks = checks
    }

    /// The check with this id.
    public func check(id: String) -> Check? {
        checks.first { $0.id == id }
    }

    /// Runs every check on `facts`, in order.
    public func evaluate(_ facts: DeploymentFacts) -> [CheckResult] {
        checks.map { CheckResult(checkID: $0.id, outcome: $0.evaluate(facts)) }
    }
}
