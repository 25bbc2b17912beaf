import Foundation
import StepDocTestSupport
import StepRender
import TemplateEmbedding
import Testing

/// The template sets compiled into stepdoc are the files of `templates/`, as
/// `GeneratedFilesValidityTests` in swift-format keeps its generated files honest.
@Suite struct BuiltinTemplatesDriftTests {
    @Test func generatedSourceMatchesTheTemplatesFolder() throws {
        let root = Fixtures.projectRoot()
        let expected = try EmbeddedTemplateSource.generate(fromFolder: root.appendingPathComponent("templates").path)
        let committed = try String(
            contentsOf: root.appendingPathComponent(EmbeddedTemplateSource.generatedPath), encoding: .utf8)
        // A Bool, so the failure is the one line that says what to do rather than two copies of the file.
        let current = committed == expected
        #expect(
            current,
            "\(EmbeddedTemplateSource.generatedPath) is stale: run `\(EmbeddedTemplateSource.command)` and commit it")
    }

    @Test func everyBuiltinFileIsByteForByteTheFileInTemplates() throws {
        let root = Fixtures.projectRoot().appendingPathComponent("templates")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }
        // Every folder is compiled in: the sets, and the preview's own pages (not a set).
        #expect(BuiltinTemplates.setNames + [BuiltinTemplates.previewFolder] == folders.sorted())
        for set in folders {
            let files = try #require(
                set == BuiltinTemplates.previewFolder
                    ? Dictionary(
                        uniqueKeysWithValues: ["index.mustache", "overlay.mustache"].compactMap { name in
                            BuiltinTemplates.previewTemplate(name).map { (name, $0) }
                        })
                    : BuiltinTemplates.files(ofSet: set))
            let onDisk = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(set).path)
            #expect(files.keys.sorted() == onDisk.sorted(), "set \(set)")
            for (name, text) in files {
                let bytes = try Data(contentsOf: root.appendingPathComponent("\(set)/\(name)"))
                let same = Array(text.utf8) == Array(bytes)
                #expect(
                    same, "built-in \(set)/\(name) differs from templates/\(set)/\(name): run `make templates`")
            }
        }
    }

    @Test func everyBuiltinSetParses() throws {
        for set in BuiltinTemplates.setNames {
            let files = try #require(BuiltinTemplates.files(ofSet: set))
            var sources: [String: (path: String, text: String)] = [:]
            for (name, text) in files where name.hasSuffix(".mustache") {
                sources[String(name.dropLast(".mustache".count))] = (name, text)
            }
            let templates = try TemplateSet(name: set, sources: sources, stylesheet: files["style.css"] ?? "")
            #expect(templates.hasTemplate("page") && templates.hasTemplate("preflight"), "set \(set)")
            #expect(!templates.stylesheet.isEmpty, "set \(set) has no style.css")
        }
    }

    @Test func linesKeepQuotesBackslashesAndTheLastNewline() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepdoc-embed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("x-set"), withIntermediateDirectories: true)
        try Data("a \"b\" \\c\t\r\n\n".utf8).write(to: folder.appendingPathComponent("x-set/page.mustache"))
        try Data("ignored".utf8).write(to: folder.appendingPathComponent("x-set/notes.txt"))
        let source = try EmbeddedTemplateSource.generate(fromFolder: folder.path)
        #expect(source.contains(#""page.mustache": xSetPageMustache.joined(separator: "\n"),"#), "\(source)")
        #expect(source.contains(#"        "a \"b\" \\c\t\r","#), "\(source)")
        #expect(source.contains("        \"\",\n        \"\",\n    ]"), "two empty lines after it: \(source)")
        #expect(!source.contains("notes.txt"))
    }
}
