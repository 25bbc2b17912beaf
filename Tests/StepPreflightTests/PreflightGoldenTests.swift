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

    /// The vocabulary templates are checked against is what the contexts answer: every listed key has
    /// a value, and a key not listed has none (so neither can drift from the other).
    @Test func answersExactlyTheKeysOfTheTemplateVocabulary() throws {
        let (report, source) = try run()
        let templates = try TemplateLoader.load(
            directory: Fixtures.projectRoot().appendingPathComponent("templates").path, name: "default")
        let renderer = HTMLRenderer(templates: templates)
        let page = PreflightPageContext(runs: [(report, source.procedure, "T")], facts: "f.json", renderer: renderer)
        let procedure = try #require(page.procedures.first)
        let result = try #require(procedure.results.first)
        let steps = renderer.renderSteps(source.procedure)
        let stepPage = renderer.pageContext(source.procedure, title: "T", steps: steps)
        let step = try #require(stepPage.procedure.steps.first)
        let cases: [(any TemplateObject, [String])] = [
            (page, TemplateVocabulary.preflightPage), (procedure, TemplateVocabulary.preflightProcedure),
            (result, TemplateVocabulary.preflightResult), (stepPage, TemplateVocabulary.page),
            (stepPage.procedure, TemplateVocabulary.procedure), (step, TemplateVocabulary.step),
        ]
        for (context, keys) in cases {
            for key in keys { #expect(context.templateValue(for: key) != nil, "\(type(of: context)) has no \(key)") }
            for key in TemplateVocabulary.known.subtracting(keys) {
                #expect(context.templateValue(for: key) == nil, "\(type(of: context)) answers \(key), not listed")
            }
        }
    }

    @Test func colorsTheMarksOnlyWhenAsked() throws {
        let report = try run().report
        #expect(!PreflightTextReporter(useColor: false).render(report).contains("\u{1B}["))
        #expect(PreflightTextReporter(useColor: true).render(report).contains("\u{1B}[1;31m✘\u{1B}[0m"))
    }
}
