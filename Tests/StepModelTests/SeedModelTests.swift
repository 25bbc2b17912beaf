import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

@Suite struct SeedModelTests {
    func seedProcedure() throws -> (Procedure, [Diagnostic]) {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.seedFile()))
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: SourceFile(path: "content/atlas-live-migration-prerequisites.rst", bytes: bytes),
            diagnostics: &diagnostics)
        return (procedure, diagnostics)
    }

    @Test func seedLowersToFiveStepsWithBothCopies() throws {
        let (procedure, diagnostics) = try seedProcedure()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(procedure.steps.map(\.number) == [1, 2, 3, 4, 5])
        #expect(procedure.steps.allSatisfy { $0.html != nil && $0.print != nil })
        #expect(procedure.steps[1].titleText == "Your current MongoDB database is running MongoDB 2.6+")
        #expect(procedure.era == .notHTML)
    }

    @Test func seedModelMatchesGolden() throws {
        let (procedure, _) = try seedProcedure()
        expectGolden(procedure.dump.rendered, at: Fixtures.directory().appendingPathComponent("seed/model.dump").path)
    }
}
