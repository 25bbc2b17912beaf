import Foundation
import StepDocTestSupport
import StepRender
import Testing

/// The real binary in a folder that holds nothing but a step file: no stepdoc.yml, no templates/. The
/// built-in template sets make styled pages there, and a project's own files override them.
@Suite struct BareFolderEndToEndTests {
    /// A temporary folder with the seed copied in as `steps.rst`, and nothing else.
    func bareFolder() throws -> StepDocProcess {
        let folder = try StepDocProcess()
        try folder.write(try Data(contentsOf: Fixtures.seedFile()), to: "steps.rst")
        return folder
    }

    /// A line of the built-in stylesheet of `set`, to recognise it in a page.
    func stylesheetLine(_ set: String) throws -> String {
        let css = try #require(BuiltinTemplates.files(ofSet: set)?["style.css"])
        return try #require(css.split(separator: "\n").first { $0.count > 40 }.map(String.init))
    }

    @Test func buildWritesAStyledPageWithTheBuiltinTemplates() throws {
        let folder = try bareFolder()
        defer { folder.remove() }
        let outcome = try folder.spawn(["build", "steps.rst"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let page = try #require(folder.contents(of: "output/html/steps.html"), "\(outcome.standardOutput)")
        let defaultLine = try stylesheetLine("default")
        #expect(page.contains("<style>") && page.contains(defaultLine))
        #expect(page.contains("Your current MongoDB database is running MongoDB"))
        #expect(folder.contents(of: "output/text/steps.txt") != nil)

        let giza = try folder.spawn(["build", "--template", "giza", "--output", "giza", "steps.rst"])
        #expect(giza.status == 0, "\(giza.standardError)")
        let gizaPage = try #require(folder.contents(of: "giza/html/steps.html"))
        let gizaLine = try stylesheetLine("giza")
        #expect(gizaPage.contains(gizaLine) && gizaPage.contains("sequence-block"))
    }

    @Test func aProjectFileOverridesItsBuiltinCounterpartOnly() throws {
        let folder = try bareFolder()
        defer { folder.remove() }
        try folder.write(Array("body { color: rebeccapurple }\n".utf8), to: "templates/default/style.css")
        let outcome = try folder.spawn(["build", "steps.rst"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let page = try #require(folder.contents(of: "output/html/steps.html"))
        #expect(page.contains("body { color: rebeccapurple }"))
        let defaultLine = try stylesheetLine("default")
        #expect(!page.contains(defaultLine), "the built-in stylesheet is replaced")
        #expect(page.contains("<section class=\"procedure\""), "the built-in procedure template is still used")
    }

    @Test func checkAndPreflightWorkThere() throws {
        let folder = try bareFolder()
        defer { folder.remove() }
        let check = try folder.spawn(["check", "steps.rst"])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(check.standardOutput.contains("no problems in 1 file"), "\(check.standardOutput)")

        try folder.write(try FactsFixture("replica-set-4.0-root").data(), to: "facts.json")
        let preflight = try folder.spawn([
            "preflight", "--facts", "facts.json", "--suite", "atlas-live-migration-prerequisites", "--html",
            "report.html", "steps.rst",
        ])
        #expect(preflight.status == 0, "\(preflight.standardOutput)\(preflight.standardError)")
        let report = try #require(folder.contents(of: "report.html"), "\(preflight.standardError)")
        let defaultLine = try stylesheetLine("default")
        #expect(report.contains(defaultLine) && report.contains("preflight"))
    }

    @Test func aTemplatesFolderNamedOnTheCommandLineMustExist() throws {
        let folder = try bareFolder()
        defer { folder.remove() }
        let outcome = try folder.spawn(["build", "--templates", "house-templates", "steps.rst"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("house-templates: no such template folder"), "\(outcome.standardError)")
        #expect(folder.contents(of: "output/html/steps.html") == nil)
        let unknown = try folder.spawn(["build", "--template", "nope", "steps.rst"])
        #expect(unknown.status == 2)
        #expect(
            unknown.standardError.contains("no template set 'nope'; built in: default, giza"),
            "\(unknown.standardError)")
    }
}
