import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// The giza YAML samples of `../shared/corpus/yaml`: read into steps, and written as giza wrote them.
@Suite struct GizaYAMLSampleTests {
    static func sampleFolder() -> URL? {
        Fixtures.sharedDirectory()?.appendingPathComponent("corpus/yaml")
    }

    /// Serves the sample folder's files to `source:` lookups.
    struct FolderIncludes: IncludeResolver {
        var folder: URL

        func resolve(_ path: String, from includingFile: String) -> IncludeResult {
            let url = folder.appendingPathComponent((path as NSString).lastPathComponent)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return .failure(.missing(path: path))
            }
            return .file(SourceFile(path: url.lastPathComponent, bytes: [UInt8](data)))
        }
    }

    static func read(_ name: String) throws -> (SourceFile, LoweringOptions)? {
        guard let folder = sampleFolder() else { return nil }
        let file = SourceFile(path: name, bytes: try [UInt8](Data(contentsOf: folder.appendingPathComponent(name))))
        return (file, LoweringOptions(includes: FolderIncludes(folder: folder)))
    }

    @Test(.needsYAMLCorpus) func writesStepsSetupCRAsGizaDid() throws {
        guard let (file, options) = try Self.read("steps-setup-cr.yaml"), let folder = Self.sampleFolder() else {
            Issue.record("the trait said ../shared was here, but it is not")
            return
        }
        let expected = try String(contentsOf: folder.appendingPathComponent("steps-setup-cr.rst"), encoding: .utf8)
        let text = try ProcedureText(gizaYAML: file, options: options)
        let written = String(decoding: GizaWriter.bytes(text), as: UTF8.self)
        #expect(written == expected, "\(lineDiff(expected, written))")
    }

    static func sampleNames() -> [String] {
        guard let folder = sampleFolder() else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// The samples that inherit from `steps-test-grandchild.yaml`, which the corpus does not have.
    static let incomplete: Set<String> = ["steps-test.yaml", "steps-test-child.yaml"]

    @Test(.needsYAMLCorpus) func readsEverySampleAsItsGizaOutputReads() throws {
        let names = Self.sampleNames()
        guard !names.isEmpty else {
            Issue.record("the trait said ../shared was here, but it is not")
            return
        }
        var compared = 0
        for name in names {
            guard let (file, options) = try Self.read(name) else { continue }
            var diagnostics: [Diagnostic] = []
            let fromYAML = Procedure(parsingGizaYAML: file, options: options, diagnostics: &diagnostics)
            #expect(fromYAML.format == .gizaYAML)
            #expect(!fromYAML.steps.isEmpty, "\(name)")
            // Only what the corpus lacks is reported: included files, substitutions, the grandchild.
            let unexpected = diagnostics.filter {
                !["rst.include", "rst.image", "rst.unknown-substitution"].contains($0.id)
                    && !Self.incomplete.contains(name)
            }
            #expect(unexpected.isEmpty, "\(name): \(unexpected.map(\.summary))")
            guard !Self.incomplete.contains(name) else {
                #expect(throws: RegenerationRefusal.self) { try ProcedureText(gizaYAML: file, options: options) }
                continue
            }
            let text = try ProcedureText(gizaYAML: file, options: options)
            var gizaDiagnostics: [Diagnostic] = []
            let giza = Procedure(
                parsing: SourceFile(path: name + ".rst", bytes: GizaWriter.bytes(text)), options: options,
                diagnostics: &gizaDiagnostics)
            #expect(giza.steps.allSatisfy { $0.html != nil && $0.print != nil }, "\(name)")
            let expected = ModelShape.lines(giza)
            let actual = ModelShape.lines(fromYAML)
            #expect(
                actual == expected,
                "\(name):\n\(lineDiff(expected.joined(separator: "\n"), actual.joined(separator: "\n")))")
            compared += 1
        }
        #expect(compared == names.count - Self.incomplete.count)
    }
}
