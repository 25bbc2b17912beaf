import MigrationChecks
import StepDocTestSupport
import StepModel
import StepParity
import StepSyntax
import Testing

@Suite struct EveryCheckMustBeDocumentedTests {
    private let suite = AtlasLiveMigrationPrerequisites.suite()

    @Test func reportsACheckWhoseStepWasDeletedAtItsDeclaration() throws {
        var chunks = Seed.chunks(try Seed.text())
        // chunks[0] is the text before the first step; steps 1…5 have two chunks each.
        chunks.removeSubrange(7...8)
        let title = "Your current deployment is a MongoDB replica set."
        let marked = MarkedSource(chunks.joined().replacingFirst("   \(title)", with: "   1️⃣\(title)"))
        let (_, diagnostics) = parity(marked.text)
        let finding = try #require(diagnostics.first, "no findings")
        #expect(diagnostics.count == 1, "\(describe(diagnostics))")
        #expect(finding.id == "parity.undocumented-check")
        #expect(
            finding.summary
                == "no step of content/atlas-live-migration-prerequisites.rst documents check 'auth-enabled'")
        #expect(finding.location == declarationLocation(suite.check(id: "auth-enabled")))
        #expect(finding.location?.file == "Sources/MigrationChecks/Suites/AtlasLiveMigrationPrerequisites.swift")
        #expect(finding.notes.map(\.location) == [seedLocation(marked, "1️⃣", length: title.utf8.count)])
        #expect(finding.notes.first?.message == "the step would follow step 3, which check 'replica-set' implements")
    }
}
