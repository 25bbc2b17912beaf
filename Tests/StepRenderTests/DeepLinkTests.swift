import Foundation
import StepDocTestSupport
import StepModel
import StepRender
import StepSyntax
import Testing

/// Links readers already have keep working, and what Sphinx shows for a missing substitution stays.
@Suite struct DeepLinkTests {
    @Test(.enabled(if: Fixtures.sharedDirectory() != nil, "needs ../shared/corpus/real (present in CI)"))
    func keepsLegacyStepLabelsAsIDs() throws {
        let file = try #require(Fixtures.realCorpusFiles().first { $0.lastPathComponent.hasPrefix("mms-legacy-2013") })
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: SourceFile(path: file.path, bytes: [UInt8](try Data(contentsOf: file))), diagnostics: &diagnostics)
        let labels = procedure.steps.compactMap(\.primary.label)
        try #require(!labels.isEmpty)
        let html = HTMLRenderer(templates: try RenderTestSupport.templates("default")).render(procedure, title: "T")
        for label in labels { #expect(html.contains("id=\"\(label)\""), "\(label)") }
    }

    @Test func keepsTheBarsOfAnUndefinedSubstitutionWithAWarning() throws {
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: SourceFile(path: "t.rst", text: GizaStep.text(["Use |nowhere| here."])), diagnostics: &diagnostics)
        #expect(diagnostics.contains { $0.id == "rst.unknown-substitution" })
        let text = PlainTextRenderer().render(body: procedure.steps.first?.body ?? [], stepLevel: 4)
        #expect(text == "Use |nowhere| here.\n", "\(text)")
    }
}
