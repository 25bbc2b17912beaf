import StepRender
import Testing

@testable import StepPreview

/// The preview's index and overlay are templates (templates/preview/, compiled in), checked against
/// their own keys when they load.
@Suite struct PreviewTemplatesTests {
    @Test func parseAgainstTheirKeys() throws {
        _ = try PreviewTemplates.index.get()
        _ = try PreviewTemplates.overlay.get()
    }

    @Test func areNotATemplateSetAProjectCanChoose() {
        #expect(!BuiltinTemplates.setNames.contains(BuiltinTemplates.previewFolder))
        #expect(BuiltinTemplates.files(ofSet: BuiltinTemplates.previewFolder) == nil)
    }

    @Test func escapeWhatComesFromTheContent() {
        var overlay = PreviewOverlay(pageName: "a</script><b>")
        overlay.problem = "<img src=x onerror=alert(1)>"
        let html = overlay.html
        #expect(html.contains("<p>&lt;img src=x onerror=alert(1)&gt;</p>"), "\(html.prefix(300))")
        #expect(!html.contains("a</script><b>"))
        #expect(html.contains("<details class=\"stepdoc-preview is-clean\" id=\"stepdoc-preview\">"))
        #expect(html.hasSuffix("</script>\n"))
    }
}
