import MigrationChecks
import StepSyntax

/// One fuzz input through the parsers of user-supplied expressions and data: as an `only` expression
/// (parsed, printed, parsed again, evaluated) and as a deployment facts document (decoded, then every
/// check suite evaluated on it).
public enum FactsFuzzing {
    /// Runs the bytes libFuzzer hands over.
    public static func run(_ data: UnsafeBufferPointer<UInt8>) {
        run(Array(data))
    }

    /// Runs one input; traps (which the fuzzer reports) when an invariant fails.
    public static func run(_ input: [UInt8]) {
        if case .success(let expression) = OnlyExpression.parse(String(decoding: input, as: UTF8.self)) {
            // The canonical spelling reads back as the same expression.
            let printed = expression.description
            guard case .success(let reread) = OnlyExpression.parse(printed), reread == expression else {
                fatalError("'\(printed)' does not read back as the expression it prints")
            }
            _ = expression.evaluate(tags: ["html", "text", "latex"])
            _ = expression.evaluate(tags: [])
            _ = expression.tagNames
        }
        guard let facts = try? DeploymentFacts(json: input) else { return }
        for suite in CheckSuites.all {
            _ = suite.evaluate(facts)
        }
        _ = facts.migrationUser
        _ = facts.collectionErrors
        _ = try? facts.serverVersion()
    }
}
