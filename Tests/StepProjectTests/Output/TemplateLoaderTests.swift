import Foundation
import StepProject
import StepRender
import Testing

/// Built-in sets, a project's folder over them file by file, and the errors when neither has the set.
@Suite struct TemplateLoaderTests {
    let folder: URL
    var directory: WorkingDirectory { WorkingDirectory(folder.path) }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stepdoc-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ text: String, to path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func usesTheBuiltinSetWhenTheProjectHasNoTemplatesFolder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["default", "giza"] {
            let set = try TemplateLoader.load(directory: "templates", name: name, in: directory)
            #expect(set.stylesheet == BuiltinTemplates.files(ofSet: name)?["style.css"], "set \(name)")
            #expect(set.hasTemplate("page") && set.hasTemplate("procedure") && set.hasTemplate("preflight"))
        }
    }

    @Test func aProjectFileReplacesOnlyItsBuiltinCounterpart() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("body { color: red }\n", to: "templates/default/style.css")
        try write("<p>{{title}}</p>{{#procedure}}{{> procedure}}{{/procedure}}", to: "templates/default/page.mustache")
        let set = try TemplateLoader.load(directory: "templates", name: "default", in: directory)
        #expect(set.stylesheet == "body { color: red }\n")
        // The procedure template is still the built-in one, and the preflight page too.
        #expect(set.hasTemplate("procedure") && set.hasTemplate("preflight"))
        let giza = try TemplateLoader.load(directory: "templates", name: "giza", in: directory)
        #expect(giza.stylesheet == BuiltinTemplates.files(ofSet: "giza")?["style.css"], "another set is untouched")
    }

    @Test func aFolderOfANewNameIsASetOfItsOwn() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("<p>{{title}}</p>", to: "templates/house/page.mustache")
        #expect(throws: StepDocFailure.templates("templates/house/procedure.mustache: missing template")) {
            try TemplateLoader.load(directory: "templates", name: "house", in: directory)
        }
        try write("<ol></ol>", to: "templates/house/procedure.mustache")
        let set = try TemplateLoader.load(directory: "templates", name: "house", in: directory)
        #expect(set.stylesheet == "" && !set.hasTemplate("preflight"))
    }

    @Test func anUnknownSetNamesTheBuiltinAndTheProjectSets() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("<p></p>", to: "templates/house/page.mustache")
        #expect(
            throws: StepDocFailure.templates(
                "templates/nope: no template set 'nope'; built in: default, giza; in 'templates': house")
        ) {
            try TemplateLoader.load(directory: "templates", name: "nope", in: directory)
        }
    }

    @Test func aTemplatesFolderNamedOnTheCommandLineMustExist() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: StepDocFailure.templates("my-templates: no such template folder")) {
            try TemplateLoader.load(directory: "my-templates", name: "default", folderRequired: true, in: directory)
        }
        #expect(throws: Never.self) {
            try TemplateLoader.load(directory: "my-templates", name: "default", in: directory)
        }
    }

    @Test func aSyntaxErrorInAnOverrideNamesTheProjectFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("<p>{{#title}}</p>", to: "templates/default/page.mustache")
        do {
            _ = try TemplateLoader.load(directory: "templates", name: "default", in: directory)
            Issue.record("an unclosed section loaded")
        } catch {
            guard case .templateSyntax(let path, _, _, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(path == "templates/default/page.mustache")
        }
    }
}
