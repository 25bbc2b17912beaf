import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// giza files written as giza YAML read as the same steps, and giza writes the bodies back.
@Suite struct GizaYAMLWriterTests {
    static func yaml(_ name: String, _ text: String) throws -> String {
        let file = SourceFile(path: name, text: text)
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(parsing: file, diagnostics: &diagnostics)
        let converted = try ProcedureText(giza: file, procedure: procedure, lowering: diagnostics)
        return String(decoding: GizaYAMLWriter.bytes(converted), as: UTF8.self)
    }

    @Test func writesTheSeedAsYAML() throws {
        expectGolden(
            try Self.yaml("seed.rst", GizaSource.seed()),
            at: Fixtures.directory().appendingPathComponent("conversions/steps-atlas-live-migration-prerequisites.yaml")
                .path)
    }

    @Test func readsAsTheSameStepsAsTheGizaFile() throws {
        var files = [("seed.rst", try GizaSource.seed())]
        for (name, bytes) in try GizaSource.realFiles() { files.append((name, String(decoding: bytes, as: UTF8.self))) }
        for (name, text) in files {
            let yaml = try Self.yaml(name, text)
            var diagnostics: [Diagnostic] = []
            let fromYAML = Procedure(
                parsingGizaYAML: SourceFile(path: "steps-x.yaml", text: yaml), diagnostics: &diagnostics)
            #expect(
                diagnostics.filter { $0.id.rawValue.hasPrefix("steps.") }.isEmpty,
                "\(name): \(diagnostics.map(\.summary))")
            let expected = ModelShape.lines(GizaSource.procedure(text, path: name))
            let actual = ModelShape.lines(fromYAML)
            #expect(
                actual == expected,
                "\(name):\n\(lineDiff(expected.joined(separator: "\n"), actual.joined(separator: "\n")))")
        }
    }

    /// giza writes a `content` block back three columns in, blank lines holding those spaces, then a
    /// blank line: bodies in that form survive YAML unchanged, whatever their ends and indentation.
    @Test(arguments: [
        ["   One line.", "   ", ""],
        ["   No trailing blank line.", ""],
        ["   Two blank lines after.", "   ", "   ", ""],
        ["      Indented first line.", "   ", "   Then less.", "   ", ""],
        ["   ", "   Leading blank line.", "   ", ""],
        ["   Quotes \"and\" backslashes \\ stay.", "   ", ""],
    ])
    func keepsBodiesGizaWroteThroughYAML(_ body: [String]) throws {
        let text = ProcedureText(
            layout: GizaLayout(), steps: [StepText(number: 1, title: "A \"quoted\" title \\ here", body: body)])
        let yaml = SourceFile(path: "steps-body.yaml", bytes: GizaYAMLWriter.bytes(text))
        let back = try ProcedureText(gizaYAML: yaml)
        #expect(back.steps.first?.body == body, "\(String(decoding: yaml.bytes, as: UTF8.self))")
        #expect(back.steps.first?.title == "A \"quoted\" title \\ here")
    }

    @Test func writesLevelsNumbersAndOptionalSteps() throws {
        let text = ProcedureText(
            layout: GizaLayout(),
            steps: [
                StepText(number: 1, title: "Optional: First", headingCharacter: "`", body: []),
                StepText(number: 3, title: "Third", headingCharacter: "`", label: "step-3-file-third", body: []),
            ])
        let yaml = String(decoding: GizaYAMLWriter.bytes(text), as: UTF8.self)
        #expect(
            yaml == """
                title: "First"
                ref: first
                level: 4
                stepnum: 1
                optional: true
                ---
                title: "Third"
                ref: file-third
                level: 4
                stepnum: 3
                ...

                """)
    }
}
