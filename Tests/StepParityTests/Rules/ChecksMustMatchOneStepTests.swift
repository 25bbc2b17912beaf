import MigrationChecks
import StepDocTestSupport
import StepModel
import StepParity
import StepSyntax
import Testing

@Suite struct ChecksMustMatchOneStepTests {
    private let suite = AtlasLiveMigrationPrerequisites.suite()

    @Test func reportsTwoChecksMatchingOneStepWithBothDeclarations() throws {
        let duplicate = MigrationCheck(
            id: "replica-set-again", summary: "the deployment is a replica set",
            title: "Your current deployment is a MongoDB {kind:text}."
        ) { _ in .pass(detail: "") }
        let doubled = CheckSuite(id: suite.id, title: suite.title, checks: suite.checks + [duplicate])
        let title = "Your current deployment is a MongoDB replica set."
        let marked = MarkedSource(try Seed.text().replacingFirst("   \(title)", with: "   1️⃣\(title)"))
        let (_, diagnostics) = parity(marked.text, suite: doubled)
        let finding = try #require(diagnostics.first, "no findings")
        #expect(diagnostics.count == 1, "\(describe(diagnostics))")
        #expect(finding.id == "parity.ambiguous")
        #expect(finding.summary == "step 3 is implemented by 2 checks: 'replica-set' and 'replica-set-again'")
        #expect(finding.location == seedLocation(marked, "1️⃣", length: title.utf8.count))
        #expect(
            finding.notes.map(\.location) == [
                declarationLocation(suite.check(id: "replica-set")), declarationLocation(duplicate),
            ])
    }

    @Test func reportsOneCheckMatchingTwoStepsWithEveryStep() throws {
        let title = "Your current deployment is a MongoDB replica set."
        let marked = MarkedSource(
            try Seed.text().replacingFirst("   \(title)", with: "   1️⃣\(title)")
                + Seed.step(number: 6, title: title, body: "Again.", marker: "2️⃣"))
        let (_, diagnostics) = parity(marked.text)
        let finding = try #require(diagnostics.first, "no findings")
        #expect(diagnostics.count == 1, "\(describe(diagnostics))")
        #expect(finding.id == "parity.ambiguous")
        #expect(finding.summary == "check 'replica-set' matches 2 steps: 3 and 6")
        #expect(finding.location == seedLocation(marked, "2️⃣", length: title.utf8.count))
        #expect(
            finding.notes.map(\.location) == [
                seedLocation(marked, "1️⃣", length: title.utf8.count),
                declarationLocation(suite.check(id: "replica-set")),
            ])
    }
}
