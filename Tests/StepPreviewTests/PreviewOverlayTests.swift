import StepDocTestSupport
import StepPreview
import StepProject
import StepSyntax
import Testing

/// The panel and script the preview adds to a page: escaped, and linking findings to their steps.
@Suite struct PreviewOverlayTests {
    @Test func writesThePageNameAsAStringThatCannotCloseTheScript() {
        let literal = PreviewOverlay.javaScriptString("</script><script>alert(\"x\")</script>\u{2028}\\")
        #expect(!literal.contains("<") && !literal.contains(">"), "\(literal)")
        #expect(
            literal == #""\u003c/script\u003e\u003cscript\u003ealert(\"x\")\u003c/script\u003e\u2028\\""#, "\(literal)")
    }

    @Test func escapesFindingsAndLinksThemToTheirSteps() {
        let start = SourceLocation(line: 12, column: 4)
        let diagnostic = Diagnostic(
            severity: .warning, id: "rst.markup", summary: "stray <b> & \"quotes\"",
            location: DiagnosticLocation(file: "content/<x>.rst", range: start..<start))
        var overlay = PreviewOverlay(pageName: "<x>")
        overlay.findings = [PreviewFinding(diagnostic: diagnostic, stepIndex: 1)]
        overlay.stepAnchors = ["step-1", "step-2"]
        overlay.problem = "content/<x>.rst: cannot read"
        let html = overlay.html
        #expect(html.contains("stray &lt;b&gt; &amp; &quot;quotes&quot;"), "\(html)")
        #expect(
            html.contains("<a class=\"stepdoc-position\" href=\"#step-2\">content/&lt;x&gt;.rst:12:4</a>"), "\(html)")
        #expect(html.contains("<p>content/&lt;x&gt;.rst: cannot read</p>"), "\(html)")
        #expect(html.contains("href=\"/%3Cx%3E.txt\""), "\(html)")
        #expect(html.contains("1 warning"), "\(html)")
        #expect(!html.contains("<x>"), "\(html)")
    }

    @Test func countsWarningsAsErrorsWhenStrict() {
        let start = SourceLocation(line: 1, column: 1)
        let warning = Diagnostic(
            severity: .warning, id: "rst.markup", summary: "s",
            location: DiagnosticLocation(file: "f", range: start..<start))
        #expect(PreviewTally([warning], strict: false).summary == "1 warning")
        #expect(PreviewTally([warning], strict: true).summary == "1 error")
        #expect(PreviewTally([], strict: true).summary == "no findings")
    }
}
