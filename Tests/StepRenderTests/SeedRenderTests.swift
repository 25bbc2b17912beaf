import Foundation
import StepDocTestSupport
import StepModel
import StepRender
import Testing

/// Goldens for the seed in every target and template.
@Suite struct SeedRenderTests {
    let title = "Prerequisites for migrating a MongoDB deployment to Atlas"

    func golden(_ name: String) -> String {
        Fixtures.directory().appendingPathComponent("seed/\(name)").path
    }

    @Test func defaultTemplateMatchesGolden() throws {
        let html = HTMLRenderer(templates: try RenderTestSupport.templates("default")).render(
            try RenderTestSupport.seed(), title: title)
        expectGolden(html, at: golden("default.html"))
    }

    @Test func gizaTemplateMatchesGolden() throws {
        let html = HTMLRenderer(templates: try RenderTestSupport.templates("giza")).render(
            try RenderTestSupport.seed(), title: title)
        expectGolden(html, at: golden("giza.html"))
    }

    @Test func fragmentMatchesGolden() throws {
        let html = HTMLRenderer(
            templates: try RenderTestSupport.templates("default"), options: RenderOptions(fragment: true)
        )
        .render(try RenderTestSupport.seed(), title: title)
        #expect(!html.contains("<html"))
        expectGolden(html, at: golden("fragment.html"))
    }

    @Test func plainTextMatchesGolden() throws {
        expectGolden(PlainTextRenderer().render(try RenderTestSupport.seed(), title: title), at: golden("seed.txt"))
    }

    @Test func markdownMatchesGolden() throws {
        expectGolden(MarkdownRenderer().render(try RenderTestSupport.seed(), title: title), at: golden("seed.md"))
    }

    @Test func htmlShowsTheFiveStepsWithRolesLinksAndEscapedCode() throws {
        let html = HTMLRenderer(templates: try RenderTestSupport.templates("default")).render(
            try RenderTestSupport.seed(), title: title)
        for number in 1...5 { #expect(html.contains("id=\"step-\(number)\"")) }
        #expect(
            html.contains(
                "<a href=\"https://www.mongodb.com/docs/manual/tutorial/enable-authentication/\">Enable Auth</a>"))
        #expect(html.contains("<code class=\"role-authrole\">clusterMonitor</code>"))
        #expect(html.contains("<pre><code class=\"language-sh\">mongo &lt;mongodb-connection-string&gt;"))
        #expect(html.contains("<a href=\"https://mongodbcom-node-staging-2.corp.mongodb.com/contact\">contact us</a>"))
    }

    @Test(arguments: [RenderTarget.html, .text, .markdown])
    func outputHoldsNoReStructuredTextSyntax(_ target: RenderTarget) throws {
        let procedure = try RenderTestSupport.seed()
        let output: String
        switch target {
        case .html:
            output = HTMLRenderer(templates: try RenderTestSupport.templates("default")).render(procedure, title: title)
        case .text: output = PlainTextRenderer().render(procedure, title: title)
        case .markdown: output = MarkdownRenderer().render(procedure, title: title)
        }
        // Fenced code in CommonMark legitimately holds backticks.
        let residues =
            [":manual:", ":authrole:", "`_", ".. ", "only::", "sequence-step", "raw::"]
            + (target == .markdown ? [] : ["``"])
        for residue in residues {
            #expect(!output.contains(residue), "\(target) output contains '\(residue)'")
        }
    }

    @Test func plainTextHasEveryStepHeading() throws {
        let text = PlainTextRenderer().render(try RenderTestSupport.seed(), title: title)
        for number in 1...5 { #expect(text.contains("\nStep \(number): ")) }
        #expect(text.contains("    mongo <mongodb-connection-string>"))
    }
}
