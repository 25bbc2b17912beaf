import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// Files in each giza template era lower to the same model.
@Suite struct TemplateEraTests {
    static let files: [(String, TemplateEra)] = [
        ("legacy-2013.rst", .legacy2013),
        ("latex-or-epub-2014.rst", .latexOrEpub),
        ("not-html-2017.rst", .notHTML),
        ("doubled-2019.rst", .notHTMLDoubledUnderline),
    ]

    func procedure(_ name: String) throws -> (Procedure, [Diagnostic]) {
        let url = Fixtures.directory().appendingPathComponent("eras/\(name)")
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: SourceFile(path: name, bytes: try [UInt8](Data(contentsOf: url))), diagnostics: &diagnostics)
        diagnostics += ProcedureRules.check(
            procedure, in: SourceFile(path: name, bytes: try [UInt8](Data(contentsOf: url))))
        return (procedure, diagnostics)
    }

    /// What a reader sees of a procedure: numbers, titles and bodies, without ranges.
    func shape(_ procedure: Procedure) -> [String] {
        procedure.steps.map { step in
            "\(step.number ?? -1) \(step.titleText) | "
                + step.body.map { $0.dump.rendered.replacing(/@\d+:\d+-\d+:\d+/, with: "") }.joined()
        }
    }

    @Test(arguments: files)
    func recognisesTheEraAndPairsBothCopies(_ name: String, _ era: TemplateEra) throws {
        let (procedure, diagnostics) = try procedure(name)
        #expect(procedure.era == era)
        #expect(procedure.steps.count == 2)
        #expect(procedure.steps.allSatisfy { $0.html != nil && $0.print != nil })
        #expect(diagnostics.isEmpty, "\(name): \(diagnostics.map(\.summary))")
    }

    @Test func everyEraLowersToTheSameShape() throws {
        let shapes = try Self.files.map { try shape(procedure($0.0).0) }
        for (index, other) in shapes.enumerated().dropFirst() {
            #expect(other == shapes[0], "\(Self.files[index].0) differs from \(Self.files[0].0)")
        }
    }

    @Test func legacyFilesKeepTheirStepLabels() throws {
        let (procedure, _) = try procedure("legacy-2013.rst")
        #expect(procedure.steps.map(\.label) == ["step-1-agent", "step-2-agent"])
    }
}
