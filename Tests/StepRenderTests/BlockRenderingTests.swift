import StepModel
import StepRender
import Testing

@Suite struct BlockRenderingTests {
    @Test func rendersAdmonitionsAsBoxesWithTheirTitle() throws {
        let html = try RenderTestSupport.bodyHTML([".. note::", "", "   Mind the *gap*."])
        #expect(html.contains("<div class=\"admonition note\">"))
        #expect(html.contains("<p class=\"admonition-title\">Note</p>"))
        #expect(html.contains("<p>Mind the <em>gap</em>.</p>"))
    }

    @Test func marksCodeThatIsNotCopyable() throws {
        let html = try RenderTestSupport.bodyHTML([".. code-block:: js", "   :copyable: false", "", "   db.x.find()"])
        #expect(html.contains("data-copyable=\"false\""))
        #expect(html.contains("<code class=\"language-js\">db.x.find()"))
    }

    @Test func emphasizesLines() throws {
        let html = try RenderTestSupport.bodyHTML([
            ".. code-block:: sh", "   :emphasize-lines: 2", "", "   a", "   b <c>",
        ])
        #expect(html.contains("<mark class=\"line\">b &lt;c&gt;</mark>"))
    }

    @Test func evaluatesOnlyAgainstTheTargetAndExtraTags() throws {
        let body = [".. only:: html", "", "   Web only.", "", ".. only:: beta", "", "   Beta only."]
        let plain = try RenderTestSupport.bodyHTML(body)
        #expect(plain.contains("Web only.") && !plain.contains("Beta only."))
        let beta = try RenderTestSupport.bodyHTML(body, tags: ["beta"])
        #expect(beta.contains("Beta only."))
    }

    @Test func keepsContentOfAMalformedOnlyForEveryBuilder() throws {
        #expect(try RenderTestSupport.bodyHTML([".. only:: (html", "", "   Kept."]).contains("Kept."))
    }

    @Test func dropsScriptingLinksButKeepsTheirText() throws {
        let html = try RenderTestSupport.bodyHTML(["`click <javascript:alert(1)>`_"])
        #expect(!html.contains("javascript:"))
        #expect(html.contains("click"))
    }

    @Test func leavesRawHTMLOutByDefault() throws {
        let html = try RenderTestSupport.bodyHTML([".. raw:: html", "", "   <script>alert(1)</script><b>ok</b>"])
        #expect(!html.contains("<script>") && !html.contains("<b>ok</b>"), "\(html)")
    }

    @Test func rendersListsTightAndNumbered() throws {
        let html = try RenderTestSupport.bodyHTML(["#. one", "#. two", "", "3. three", "4. four"])
        #expect(html.contains("<ol>\n<li>one</li>"))
        #expect(html.contains("<ol start=\"3\">"))
    }

    @Test func rendersTabsAndFigures() throws {
        let html = try RenderTestSupport.bodyHTML([
            ".. tabs::", "", "   .. tab:: Shell", "      :tabid: shell", "", "      Use the shell.", "",
            ".. figure:: /images/x.png", "   :alt: The X", "", "   A caption.",
        ])
        #expect(html.contains("role=\"tablist\""), "\(html)")
        #expect(html.contains("role=\"tabpanel\""), "\(html)")
        #expect(html.contains("data-tab=\"shell\""), "\(html)")
        #expect(html.contains("<img src=\"/images/x.png\" alt=\"The X\" loading=\"lazy\">"), "\(html)")
        #expect(html.contains("<figcaption>"))
    }

    @Test func plainTextIndentsListsAndQuotes() {
        let procedure = RenderTestSupport.procedure(
            GizaStep.text([
                "- first item that is long enough to wrap around the configured width of forty columns", "- second",
                "", ".. note::", "", "   Careful.",
            ]))
        let text = PlainTextRenderer(options: RenderOptions(textWidth: 40)).render(procedure, title: "T")
        #expect(text.contains("- first item that is long enough to wrap\n  around"))
        #expect(text.contains("    Note:\n\n    Careful."))
    }
}
