/// One documented step made executable: a pure function from facts to an outcome, with the
/// step's title and documented values attached.
public struct Check: Sendable, Identifiable {
    /// Stable id users type: `server-version`.
    public let id: String
    /// One line, lowercase start, no final period: "the server is MongoDB 2.6 or newer".
    public let summary: String
    /// The step it implements and the documented values it enforces.
    public let binding: DocumentationBinding
    /// The facts it reads.
    public let reads: [FactName]
    private let evaluator: @Sendable (DeploymentFacts) throws(MissingFact) -> CheckOutcome

    /// Declares a check; the declaration's location is captured from the call site.
    ///
    /// - Parameters:
    ///   - title: the title of the step it implements, with placeholders for documented values.
    ///   - values: the documented values it enforces.
    ///   - evaluate: the check; it throws ``MissingFact`` when a fact it needs is unavailable.
    public init(
        id: String,
        summary: String,
        title: TitlePattern,
        values: [BoundValue] = [],
        reads: [FactName] = [],
        file: String = #filePath,
        line: Int = #line,
        column: Int = #column,
        evaluate: @escaping @Sendable (DeploymentFacts) throws(MissingFact) -> CheckOutcome
    ) {
        self.id = id
        self.summary = summary
        self.binding = DocumentationBinding(
            titlePattern: title, values: values, declaration: Declaration(file: file, line: line, column: column))
        self.reads = reads
        self.evaluator = evaluate
    }

    /// Runs the check; an unavailable fact becomes ``CheckOutcome/cannotTell(missingFact:reason:)``.
    public func evaluate(_ facts: DeploymentFacts) -> CheckOutcome {
        do {
            return try evaluator(facts)
        } catch {
            return .cannotTell(missingFact: error.fact, reason: error.reason)
        }
    }
}
