/// One documented step made executable: a pure function from a package's facts to an outcome, with its
/// ``CheckDefinition`` (title, documented values, declaration) attached as plain values.
///
/// `Facts` is whatever the package's checks read: a type of its own that conforms to ``CheckFacts``, or
/// ``JSONFacts`` for a plain JSON document.
public struct Check<Facts: Sendable>: Sendable, Identifiable {
    /// What the check says about the documentation.
    public let definition: CheckDefinition
    private let evaluator: @Sendable (Facts) throws(MissingFact) -> CheckOutcome

    /// Declares a check; the declaration's location is captured from the call site.
    ///
    /// - Parameters:
    ///   - title: the title of the step it implements, with placeholders for documented values.
    ///   - values: the documented values it enforces, each with where the step states it.
    ///   - evaluate: the check; it throws ``MissingFact`` when a fact it needs is unavailable.
    public init(
        id: String,
        summary: String,
        title: TitlePattern,
        values: [BoundValue] = [],
        file: String = #filePath,
        line: Int = #line,
        column: Int = #column,
        evaluate: @escaping @Sendable (Facts) throws(MissingFact) -> CheckOutcome
    ) {
        self.definition = CheckDefinition(
            id: id, summary: summary, title: title, values: values,
            declaration: Declaration(file: file, line: line, column: column))
        self.evaluator = evaluate
    }

    public var id: String { definition.id }
    public var summary: String { definition.summary }
    public var title: TitlePattern { definition.title }
    public var values: [BoundValue] { definition.values }
    public var declaration: Declaration { definition.declaration }

    /// Runs the check; an unavailable fact becomes ``CheckOutcome/cannotTell(missingFact:reason:)``.
    public func evaluate(_ facts: Facts) -> CheckOutcome {
        do {
            return try evaluator(facts)
        } catch {
            return .cannotTell(missingFact: error.fact, reason: error.reason)
        }
    }
}

/// The checks for one documented procedure.
public struct CheckSuite<Facts: Sendable>: Sendable {
    /// The id `stepdoc.yml` binds a procedure to: `atlas-live-migration-prerequisites`.
    public let id: String
    /// A human title for reports.
    public let title: String
    /// One check per documented step, in step order.
    public let checks: [Check<Facts>]

    public init(id: String, title: String, checks: [Check<Facts>]) {
        self.id = id
        self.title = title
        self.checks = checks
    }

    /// The check with this id.
    public func check(id: String) -> Check<Facts>? {
        checks.first { $0.id == id }
    }

    /// Runs every check on `facts`, in order.
    public func evaluate(_ facts: Facts) -> [CheckResult] {
        checks.map { CheckResult(checkID: $0.id, outcome: $0.evaluate(facts)) }
    }

    /// The definitions of the checks, as parity and manifests see them.
    public var definition: SuiteDefinition {
        SuiteDefinition(id: id, title: title, checks: checks.map(\.definition))
    }
}
