import Foundation
import StepDocTestSupport
import StepSyntax
import Testing

@Suite struct SeedSyntaxTests {
    @Test func seedSyntaxTreeMatchesGolden() throws {
        let url = Fixtures.seedFile()
        let bytes = try [UInt8](Data(contentsOf: url))
        let tree = SyntaxTree(parsing: SourceFile(path: "content/atlas-live-migration-prerequisites.rst", bytes: bytes))
        #expect(tree.diagnostics.isEmpty, "unexpected diagnostics: \(tree.diagnostics)")
        expectGolden(tree.dump.rendered, at: Fixtures.directory().appendingPathComponent("seed/syntax.dump").path)
    }
}
