import Foundation
import MigrationChecks
import StepDocTestSupport
import StepPreflight
import StepProject
import StepRender
import Testing

/// The text, JSON and both HTML templates of a preflight report, for the 2.4 standalone (a pass, two
/// failures with documentation, and a cannot-tell), compared with golden files.
@Suite struct PreflightGoldenTests {
    private func run() throws -> (report: PreflightReport, procedure: ProcessedSource) {
        let source = try ShippedProcedure.read()
        let options = RenderOptions(textWidth: 72 - PreflightTextReporter.bodyIndent)
        let report = PreflightReport(
            procedure: source.procedure, suite: AtlasLiveMigrationPrerequisites.suite(),
            facts: try FactsFixture("standalone-2.4").facts(), factsFile: "facts.json", options: options)
        return (report, source)
    }

    private func golden(_ name: String) -> String {
        Fixtures.directory().appendingPathComponent("preflight/\(name)").path
    }

    @Test func rendersTheTextReportAsTheGolden() throws {
        expectGolden(PreflightTextReporter(useColor: false).render(try run().report), at: golden("standalone-2.4.txt"))
    }

    @Test func rendersTheJSONReportAsTheGolden() throws {
        expectGolden(try run().report.json(), at: golden("standalone-2.4.json"))
    }

    @Test(arguments: ["default", "giza"])
    func rendersThePreflightTemplateAsTheGolden(templateSet: String) throws {
        let (report, source) = try run()
        let templates = try TemplateLoader.load(
            directory: Fixtures.projectRoot().appendingPathComponent("templates").path, name: templateSet)
        #expect(templates.hasTemplate("preflight"))
        var context = PreflightPageContext(
            runs: [(report, source.procedure, "Prerequisites for migrating a MongoDB deployment to Atlas")],
            facts: "facts.json", renderer: HTMLRenderer(templates: templates))
        // The stylesheet has goldens of its own (output/); keep these about the template.
        context.stylesheet = "/* style.css */"
        let html = try #require(templates.render(context, template: "preflight"))
        expectGolden(html, at: golden("standalone-2.4.\(templateSet).html"))
    }

    @Test func colorsTheMarksOnlyWhenAsked() throws {
        let report = try run().report
        #expect(!PreflightTextReporter(useColor: false).render(report).contains("\u{1B}["))
        #expect(PreflightTextReporter(useColor: true).render(report).contains("\u{1B}[1;31m✘\u{1B}[0m"))
    }
}
