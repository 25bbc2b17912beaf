// MigrationChecks: the shared check module. It depends on nothing (not even Foundation), so a
// migration service can import it without any documentation code.
//
// # Public API
//
// Facts (Facts/):
//   struct DeploymentFacts: Sendable, Equatable
//     init(json: [UInt8]) throws(FactsError)          // the facts document; see DeploymentFacts
//     init(document: JSONObject)
//     let document: JSONObject
//     func status(of: FactName) -> FactStatus          // .present(JSONObject) | .missing | .failed(message:) | .malformed(reason:)
//     func reply(_: FactName) throws(MissingFact) -> JSONObject
//     func serverVersion() throws(MissingFact) -> ServerVersion
//     var migrationUser: String?; var migrationUserDatabase: String; var collectedAt: JSONValue?
//     var collectionErrors: [String: String]
//   enum FactName: String, CaseIterable { hello, buildInfo, getCmdLineOpts, connectionStatus, usersInfo }
//   struct FactsError: Error, Equatable, CustomStringConvertible { line, column, message }   // "3:5: message"
//   struct MissingFact: Error, Equatable { fact, reason }
//   struct ServerVersion: Sendable, Hashable, Comparable, LosslessStringConvertible, ExpressibleByStringLiteral
//     major, minor, patch, suffix, isPreRelease; init?(_ text:), init(major:minor:patch:suffix:)
//   struct RoleGrant: Hashable { role, database }
//   struct BuiltinRoles { init(serverVersion:); static names; includedRoles(of:); closure(of:);
//                         role(_:includes:); source(of:among:) }
//
// JSON (JSON/): JSONValue (enum, Extended JSON aware), JSONNumber (numeric equality), JSONObject
//   (ordered members, last key wins, value(atPath:)), JSONSyntaxError; JSONValue(parsing: [UInt8]).
//
// Checks (Checks/):
//   enum CheckOutcome: Sendable, Equatable
//     case pass(detail: String), fail(reason: String, remedy: String?), cannotTell(missingFact: String, reason: String)
//   struct Check: Sendable, Identifiable
//     id, summary, binding: DocumentationBinding, reads: [FactName]
//     init(id:summary:title:values:reads:file: = #filePath, line: = #line, column: = #column, evaluate:)
//     func evaluate(_: DeploymentFacts) -> CheckOutcome
//   struct CheckResult { checkID, outcome }
//   The rules: SourceMustBeMongoDB, ServerVersionMustBeAtLeast, DeploymentMustBeReplicaSet,
//   AuthenticationMustBeEnabled, MigrationUserMustHoldRoles — each `evaluate(_:) throws(MissingFact)`.
//
// Binding (Binding/):
//   struct DocumentationBinding: Equatable { titlePattern: TitlePattern; values: [BoundValue]; declaration: Declaration }
//   struct TitlePattern: Equatable, ExpressibleByStringLiteral
//     raw; segments: [Segment]  // .literal(String) | .placeholder(name:type:)
//     init(_ raw:)  // {name} or {name:type}; {{ and }} are literal braces
//     placeholders; match(_ title:) -> [String: String]?; matches(_:); rendered(with:)
//   enum PlaceholderType: String { version, number, word, text }
//   struct BoundValue: Equatable { name; source: ValueSource; enforced: EnforcedValue }
//   enum ValueSource { titlePlaceholder(String), bodyRoleMentions(role: String) }
//   enum EnforcedValue: Equatable { minimumVersion(ServerVersion), roleSet(Set<String>), text(String) }
//     isStated(by documented: [String]) -> Bool; documentedForm
//   struct Declaration: Hashable { file, line, column }
//
// Suites (Suites/, this file):
//   struct CheckSuite { id, title, checks; check(id:); evaluate(_:) -> [CheckResult] }
//   enum CheckSuites { static let all; static func named(_:) }
//   enum AtlasLiveMigrationPrerequisites { static let id; static func suite(minimumVersion:requiredRoles:) }
//
// Collector (Collector/):
//   enum FactsCollector { static let mongoshScript; static func mongoshScript(user:database:); static let usage }

/// The checks for one documented procedure; its id is the documentation file's base name.
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
