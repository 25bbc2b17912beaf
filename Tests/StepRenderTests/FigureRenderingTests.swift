import StepModel
import StepRender
import StepSyntax
import Testing

/// Figures and images: validated options, copied images linked relative to the page, alt text, targets.
@Suite struct FigureRenderingTests {
    private func lowered(_ body: [String], images: Set<String> = ["/images/x.png"]) -> (Procedure, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: SourceFile(path: "t.rst", text: GizaStep.text(body)),
            options: LoweringOptions(includes: InMemoryIncludes([:], images: images)), diagnostics: &diagnostics)
        return (procedure, diagnostics)
    }

    private func html(_ body: [String], images: Set<String> = ["/images/x.png"], siteRoot: String = "") throws -> String
    {
        let (procedure, _) = lowered(body, images: images)
        var options = RenderOptions()
        options.siteRoot = siteRoot
        let renderer = HTMLRenderer(templates: try RenderTestSupport.templates("default"), options: options)
        return renderer.renderSteps(procedure).first?.bodyHTML ?? ""
    }

    @Test func linksACopiedImageRelativeToThePage() throws {
        let page = try html([".. figure:: /images/x.png", "   :alt: X"], siteRoot: "../")
        #expect(page.contains("<img src=\"../_images/images/x.png\" alt=\"X\""), "\(page)")
    }

    @Test func warnsAtTheDirectiveWhenTheImageIsMissing() {
        let (_, diagnostics) = lowered([".. figure:: /images/gone.png", "   :alt: Gone"])
        let finding = diagnostics.first { $0.id == "rst.image" }
        #expect(finding?.severity == .warning)
        #expect(finding?.summary == "image file '/images/gone.png' does not exist", "\(diagnostics)")
        let lines = GizaStep.text([".. figure:: /images/gone.png"]).split(
            separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.contains("/images/gone.png") }.map { $0 + 1 }
        #expect(finding?.location?.range.lowerBound.line == line)
    }

    @Test func usesTheCaptionAsAltTextWithANote() throws {
        let body = [".. figure:: /images/x.png", "", "   The login page."]
        let (_, diagnostics) = lowered(body)
        #expect(diagnostics.contains { $0.id == "rst.image" && $0.severity == .note }, "\(diagnostics)")
        #expect(try html(body).contains("alt=\"The login page.\""))
        #expect(try html([".. image:: /images/x.png"]).contains("alt=\"x.png\""))
    }

    @Test(arguments: [
        ("760", "width: 760px"), ("760px", "width: 760px"), ("50%", "width: 50%"), ("12.5em", "width: 12.5em"),
    ])
    func givesFigureWidthsAUnit(_ value: String, _ style: String) throws {
        let page = try html([".. figure:: /images/x.png", "   :alt: X", "   :figwidth: \(value)"])
        #expect(page.contains("<figure class=\"figure\" style=\"\(style)\">"), "\(page)")
    }

    @Test(arguments: [
        ("width", "1px;position:fixed;background:url(https://example.com/x)"), ("width", "wide"),
        ("height", "50%"), ("align", "middle"), ("figwidth", "expression(alert(1))"), ("scale", "big"),
    ])
    func dropsOptionsThatAreNotValidWithAFinding(_ option: String, _ value: String) throws {
        let body = [".. figure:: /images/x.png", "   :alt: X", "   :\(option): \(value)"]
        let (procedure, diagnostics) = lowered(body)
        #expect(
            diagnostics.contains {
                $0.id == "rst.directive" && $0.summary.hasPrefix("':\(option):' of 'figure' must be")
            },
            "\(diagnostics)")
        let page = try html(body)
        #expect(!page.contains("position") && !page.contains("url(") && !page.contains("expression"), "\(page)")
        guard case .figure(let figure)? = procedure.steps.first?.body.first?.kind else {
            Issue.record("no figure")
            return
        }
        #expect(figure.width == nil && figure.height == nil && figure.align == nil && figure.figureWidth == nil)
    }

    @Test func linksAFigureToItsTarget() throws {
        let page = try html([".. figure:: /images/x.png", "   :alt: X", "   :target: https://example.com/big.png"])
        #expect(page.contains("<a class=\"image-link\" href=\"https://example.com/big.png\"><img"), "\(page)")
        let named = try html([
            ".. figure:: /images/x.png", "   :alt: X", "   :target: docs_", "", ".. _docs: https://example.com/docs",
        ])
        #expect(named.contains("href=\"https://example.com/docs\""), "\(named)")
    }

    @Test func aligns() throws {
        #expect(try html([".. figure:: /images/x.png", "   :alt: X", "   :align: center"]).contains("align-center"))
    }

    @Test func writesImagesInPlainTextAsSphinxDoes() {
        let text = RenderTestSupport.bodyText([".. figure:: /images/x.png", "   :alt: The X", "", "   Caption."])
        #expect(text.hasPrefix("[image: The X]\n\nCaption."), "\(text)")
    }
}
