import Foundation
import MigrationChecks
import StepDocTestSupport
import StepModel
import StepParity
import StepSyntax
import Testing

@Suite struct ParityRulesTests {
    @Test func findsNothingOnTheShippedContentAndTheRealSuite() throws {
        let (_, diagnostics) = parity(try Seed.text())
        #expect(diagnostics.isEmpty, "\(describe(diagnostics))")
    }

    @Test func findsNothingOnTheShippedContentAndTheRegisteredSuite() throws {
        let suite = try #require(CheckSuites.named("atlas-live-migration-prerequisites"))
        let (context, diagnostics) = parity(try Seed.text(), suite: suite)
        #expect(diagnostics.isEmpty, "\(describe(diagnostics))")
        #expect(context.matching.matches.map(\.check) == [0, 1, 2, 3, 4])
        #expect(context.matching.matches.map(\.step) == [0, 1, 2, 3, 4])
    }

    @Test func describesEachRuleWithAStableIdAndASummary() {
        #expect(
            ParityRules.descriptors.map(\.id) == [
                "parity.undefined-step", "parity.undocumented-check", "parity.ambiguous", "parity.value-mismatch",
            ])
        for descriptor in ParityRules.descriptors {
            #expect(descriptor.defaultSeverity == .error, "\(descriptor.id)")
            #expect(descriptor.summary.first?.isLowercase == true && descriptor.summary.last != ".", "\(descriptor)")
        }
        #expect(BranchesMustAgree.descriptor.id == "steps.branches-agree")
    }

    @Test func showsDeclarationsRelativeToTheWorkingDirectoryWhenUnderIt() {
        let options = ParityOptions(workingDirectory: "/work/project/")
        #expect(options.displayPath("/work/project/Sources/A.swift") == "Sources/A.swift")
        #expect(options.displayPath("/work/projects/Sources/A.swift") == "/work/projects/Sources/A.swift")
        #expect(ParityOptions().displayPath("/work/project/Sources/A.swift") == "/work/project/Sources/A.swift")
        #expect(ParityOptions(workingDirectory: "/").displayPath("/Sources/A.swift") == "Sources/A.swift")
    }

    /// The note is at the enforced value's own literal: the suite's default, or a test's own `.minimumVersion(…)`.
    @Test func pointsValueNotesAtTheValueLiteralFromTheProjectRoot() throws {
        let text = try Seed.text().replacingOccurrences(of: "running MongoDB 2.6+", with: "running MongoDB 3.0+")
        let (_, diagnostics) = parity(text)
        let note = try #require(diagnostics.first?.notes.first?.location)
        #expect(note.file == "Sources/MigrationChecks/Suites/AtlasLiveMigrationPrerequisites.swift")
        let source = try String(
            contentsOf: Fixtures.projectRoot().appendingPathComponent(note.file), encoding: .utf8)
        let line = source.split(separator: "\n", omittingEmptySubsequences: false)[note.range.lowerBound.line - 1]
        #expect(line.utf8.dropFirst(note.range.lowerBound.column - 1).starts(with: #""2.6")"#.utf8), "\(line)")

        let stricter = AtlasLiveMigrationPrerequisites.suite(minimumVersion: .minimumVersion("3.1"))
        let (_, own) = parity(try Seed.text(), suite: stricter)
        #expect(own.first?.notes.first?.location?.file == "Tests/StepParityTests/Rules/ParityRulesTests.swift")
        #expect(own.first?.notes.first?.location?.range.lowerBound.line == #line - 3)
    }
}
