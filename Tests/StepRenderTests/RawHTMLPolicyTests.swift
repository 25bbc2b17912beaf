import StepModel
import StepRender
import StepSyntax
import Testing

/// One raw-HTML policy: giza's scaffolding is structure; other raw HTML, script URLs and link roles
/// given URLs are left out of HTML and CommonMark with a finding, unless `raw-html: pass`.
@Suite struct RawHTMLPolicyTests {
    private func lowered(_ body: [String], policy: RawHTMLPolicy = .omit) -> (Procedure, [Diagnostic]) {
        var options = LoweringOptions(includes: InMemoryIncludes([:], images: ["/images/x.png"]))
        options.rawHTML = policy
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: SourceFile(path: "t.rst", text: GizaStep.text(body)), options: options, diagnostics: &diagnostics)
        return (procedure, diagnostics)
    }

    private func html(_ body: [String], policy: RawHTMLPolicy = .omit) throws -> String {
        let (procedure, _) = lowered(body, policy: policy)
        let renderer = HTMLRenderer(
            templates: try RenderTestSupport.templates("default"), options: RenderOptions().withRawHTML(policy))
        return renderer.renderSteps(procedure).first?.bodyHTML ?? ""
    }

    private func markdown(_ body: [String], policy: RawHTMLPolicy = .omit) -> String {
        let (procedure, _) = lowered(body, policy: policy)
        return MarkdownRenderer(options: RenderOptions().withRawHTML(policy)).render(procedure, title: "T")
    }

    /// The 1-based line of the first line of the step file holding `text`.
    private func line(of text: String, in body: [String]) -> Int? {
        GizaStep.text(body).split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(text) }.map { $0 + 1 }
    }

    static let attacks = [
        "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<details open ontoggle=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>", "<base href=\"https://evil.example/\">",
        "<meta http-equiv=refresh content=\"0;url=https://evil.example\">", "</div></div><script>alert(1)</script>",
    ]

    @Test(arguments: attacks)
    func leavesRawHTMLOutOfHTMLAndCommonMarkWithAWarningAtItsLine(_ attack: String) throws {
        let body = ["Before.", "", ".. raw:: html", "", "   \(attack)", "", "After."]
        let (_, diagnostics) = lowered(body)
        let findings = diagnostics.filter { $0.id == .rstRawHTML }
        // The print copy is the same as the HTML one and shares its lowering, so one finding may do for both.
        #expect((1...2).contains(findings.count), "\(diagnostics)")
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.explanation?.contains("raw-html: pass") == true)
        let page = try html(body)
        #expect(!page.contains(attack) && !page.contains("alert") && !page.contains("evil"), "\(page)")
        #expect(page.contains("Before.") && page.contains("After."))
        let commonMark = markdown(body)
        #expect(!commonMark.contains("alert") && !commonMark.contains("evil"), "\(commonMark)")
    }

    @Test func reportsTheRawDirectiveLine() {
        let body = ["Before.", "", ".. raw:: html", "", "   <b>x</b>"]
        let (_, diagnostics) = lowered(body)
        let lines = GizaStep.text(body).split(separator: "\n", omittingEmptySubsequences: false)
        let expected = lines.indices.filter { lines[$0].hasSuffix(".. raw:: html") }.map { $0 + 1 }
        let reported = diagnostics.filter { $0.id == .rstRawHTML }.compactMap { $0.location?.range.lowerBound.line }
        // giza's own raw blocks (the sequence-step div and its closer) are structure and not reported.
        #expect(!reported.isEmpty && Set(reported).isSubset(of: Set(expected)), "\(reported) in \(expected)")
        #expect(!reported.contains(expected.first ?? 0), "the sequence-step opener is structure")
    }

    @Test func passesRawHTMLThroughWhenTrusted() throws {
        let body = [".. raw:: html", "", "   <iframe src=\"https://example.com/demo\"></iframe>"]
        let (_, diagnostics) = lowered(body, policy: .pass)
        #expect(!diagnostics.contains { $0.id == .rstRawHTML }, "\(diagnostics)")
        #expect(try html(body, policy: .pass).contains("<iframe src=\"https://example.com/demo\"></iframe>"))
        #expect(markdown(body, policy: .pass).contains("<iframe src=\"https://example.com/demo\"></iframe>"))
    }

    @Test func readsEveryFormatOfARawDirective() throws {
        let body = [".. raw:: latex html", "", "   <b>both</b>"]
        #expect(lowered(body).1.contains { $0.id == .rstRawHTML })
        #expect(try !html(body).contains("<b>both</b>"))
        #expect(try html(body, policy: .pass).contains("<b>both</b>"))
        #expect(!lowered([".. raw:: latex", "", "   \\newpage"]).1.contains { $0.id == .rstRawHTML })
    }

    @Test(arguments: [
        "`x <javascript:alert(1)>`_", "`x <JavaScript:alert(1)>`_", "`x <java\tscript:alert(1)>`_",
        "`x <vbscript:msgbox(1)>`_", "`x <data:text/html;base64,PHNjcmlwdD4=>`_", "x_\n\n.. _x: javascript:alert(1)",
    ])
    func leavesScriptURLsOutWithAFinding(_ link: String) throws {
        let body = ["See \(link)"]
        let (_, diagnostics) = lowered(body)
        let finding = diagnostics.first { $0.id == .rstUnsafeURL }
        #expect(finding?.severity == .warning, "\(diagnostics)")
        #expect(finding?.location?.range.lowerBound.line == line(of: "See ", in: body))
        let page = try html(body)
        #expect(!page.contains("href") && !page.lowercased().contains("script:"), "\(page)")
        #expect(page.contains("See x") || page.contains("See <span"), "\(page)")
        #expect(!markdown(body).lowercased().contains("script:"))
    }

    @Test func passesScriptURLsWhenTrusted() throws {
        let body = ["See `x <javascript:void(0)>`_"]
        #expect(!lowered(body, policy: .pass).1.contains { $0.id == .rstUnsafeURL })
        #expect(try html(body, policy: .pass).contains("href=\"javascript:void(0)\""))
    }

    @Test func keepsOrdinaryAndImageDataURLs() throws {
        let body = ["See `x <https://example.com/a>`_, `y <mailto:a@example.com>`_ and `z </docs/x>`_."]
        #expect(!lowered(body).1.contains { $0.id == .rstUnsafeURL })
        let page = try html(body)
        #expect(page.contains("href=\"https://example.com/a\"") && page.contains("href=\"mailto:a@example.com\""))
        #expect(ScriptURL.scheme(of: "data:image/png;base64,AAAA") == nil)
        #expect(ScriptURL.scheme(of: "data:image/svg+xml,<svg onload=alert(1)>") == "data")
        #expect(ScriptURL.scheme(of: " JAVASCRIPT:alert(1)") == "javascript")
        #expect(ScriptURL.scheme(of: "/javascript:alert(1)") == nil)
    }

    @Test func linksNoFigureToAScriptURL() throws {
        let body = [".. figure:: /images/x.png", "   :alt: X", "   :target: javascript:alert(1)"]
        let (_, diagnostics) = lowered(body)
        let finding = diagnostics.first { $0.id == .rstUnsafeURL }
        #expect(finding != nil, "\(diagnostics)")
        #expect(finding?.location?.range.lowerBound.line == line(of: ":target:", in: body))
        let page = try html(body)
        #expect(page.contains("<img") && !page.contains("javascript") && !page.contains("image-link"), "\(page)")
        let source = [".. image:: javascript:alert(1)", "   :alt: X"]
        #expect(lowered(source).1.contains { $0.id == .rstUnsafeURL })
        #expect(try !html(source).contains("javascript"))
    }

    @Test(arguments: [
        ":manual:`n <javascript:alert(1)>`", ":manual:`javascript:alert(1)`", ":manual:`n <https://evil.example/>`",
        ":manual:`reference/method`", ":atlas:`n <data:text/html,x>`",
    ])
    func refusesALinkRoleTargetThatIsNotAPath(_ role: String) throws {
        let body = ["See \(role)."]
        let (_, diagnostics) = lowered(body)
        let finding = diagnostics.first { $0.id == .rstRoleTarget }
        #expect(finding?.severity == .warning, "\(diagnostics)")
        #expect(finding?.location?.range.lowerBound.line == line(of: "See ", in: body))
        let page = try html(body)
        #expect(!page.contains("href"), "never glued onto the base URL: \(page)")
        #expect(!page.contains("manualjavascript") && !page.contains("manualhttps") && !page.contains("manualreference"))
    }

    @Test(arguments: [
        (":manual:`/reference/method/db.getUser`", "https://www.mongodb.com/docs/manual/reference/method/db.getUser/"),
        (":rfc:`2119`", "https://tools.ietf.org/html/2119"),
        (":pep:`8`", "https://peps.python.org/pep-8/"),
        (":android:`reference/x`", "https://developer.android.com/reference/x"),
    ])
    func linksARoleTargetThatFitsItsTemplate(_ role: String, _ url: String) throws {
        let body = ["See \(role)."]
        #expect(!lowered(body).1.contains { $0.id == .rstRoleTarget || $0.id == .rstUnsafeURL })
        #expect(try html(body).contains("href=\"\(url)\""))
    }
}
