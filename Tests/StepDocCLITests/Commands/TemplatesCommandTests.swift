import Foundation
import StepDocTestSupport
import StepRender
import Testing

/// `stepdoc templates export DIR` and `templates list`.
@Suite struct TemplatesCommandTests {
    @Test func exportWritesEveryBuiltinSetAsTheRepositoryHoldsIt() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let outcome = try folder.run(["templates", "export", "my-templates"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("wrote my-templates/default/page.mustache\n"))
        let templates = Fixtures.projectRoot().appendingPathComponent("templates")
        for set in ["default", "giza"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: templates.appendingPathComponent(set).path)
            {
                let original = try Data(contentsOf: templates.appendingPathComponent("\(set)/\(name)"))
                #expect(
                    folder.contents(of: "my-templates/\(set)/\(name)").map { Data($0.utf8) } == original,
                    "my-templates/\(set)/\(name)")
            }
        }
        // What it wrote is a project's set that builds.
        try folder.write(try Data(contentsOf: Fixtures.seedFile()), to: "steps.rst")
        let build = try folder.run(["build", "--templates", "my-templates", "steps.rst"])
        #expect(build.status == 0, "\(build.standardError)")
    }

    @Test func exportReplacesNothingWithoutForce() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array("mine\n".utf8), to: "templates/giza/style.css")
        let refused = try folder.run(["templates", "export", "templates"])
        #expect(refused.status == 2)
        #expect(
            refused.standardError.contains("templates/giza/style.css: cannot write output: the file exists"),
            "\(refused.standardError)")
        #expect(refused.standardError.contains("--force"))
        #expect(folder.contents(of: "templates/giza/style.css") == "mine\n")
        #expect(folder.contents(of: "templates/default/page.mustache") == nil, "a refusal writes nothing at all")

        let one = try folder.run(["templates", "export", "templates", "--set", "default"])
        #expect(one.status == 0, "\(one.standardError)")
        #expect(folder.contents(of: "templates/default/page.mustache") != nil)
        #expect(folder.contents(of: "templates/giza/style.css") == "mine\n")

        let forced = try folder.run(["templates", "export", "templates", "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(folder.contents(of: "templates/giza/style.css") == BuiltinTemplates.files(ofSet: "giza")?["style.css"])
    }

    @Test func exportRefusesAnUnknownSetAndAFileInTheWay() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let unknown = try folder.run(["templates", "export", "out", "--set", "house"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("no built-in template set 'house'; the built-in sets are default, giza"))
        try folder.write(Array("x".utf8), to: "file")
        let blocked = try folder.run(["templates", "export", "file"])
        #expect(blocked.status == 2, "\(blocked.standardOutput)")
        #expect(blocked.standardError.contains("file"), "\(blocked.standardError)")
    }

    @Test func listNamesTheSetsAndTheirFiles() throws {
        let outcome = try StepDocProcess.run(["templates", "list"])
        #expect(outcome.status == 0)
        #expect(
            outcome.standardOutput
                == "default: page.mustache, preflight.mustache, procedure.mustache, style.css\n"
                + "giza: page.mustache, preflight.mustache, procedure.mustache, style.css\n")
    }
}
