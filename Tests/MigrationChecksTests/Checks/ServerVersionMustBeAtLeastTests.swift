import MigrationChecks
import Testing

@Suite struct ServerVersionMustBeAtLeastTests {
    private func facts(version: String) -> DeploymentFacts {
        DeploymentFacts(document: ["buildInfo": ["version": .string(version), "ok": 1]])
    }

    @Test(arguments: ["2.6.0", "2.6.12", "3.0.15", "4.0.3", "10.0.0"])
    func passesAtOrAboveTheMinimum(version: String) throws {
        #expect(try ServerVersionMustBeAtLeast("2.6").evaluate(facts(version: version)).isPass)
    }

    @Test(arguments: ["2.4.14", "2.6.0-rc3", "2.5.5", "1.8.5"])
    func failsBelowTheMinimum(version: String) throws {
        let outcome = try ServerVersionMustBeAtLeast("2.6").evaluate(facts(version: version))
        #expect(
            outcome
                == .fail(
                    reason: "MongoDB \(version) is older than 2.6",
                    remedy: "upgrade the deployment to MongoDB 2.6 or newer before migrating"))
    }

    @Test func enforcesTheMinimumItIsGiven() throws {
        #expect(try ServerVersionMustBeAtLeast("3.6.8").evaluate(facts(version: "3.6.8-rc0")).isFail)
        #expect(try ServerVersionMustBeAtLeast("3.6.8").evaluate(facts(version: "3.6.8")).isPass)
    }
}
