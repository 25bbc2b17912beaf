import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// The catalogue of bad inputs: HTML that a source writes itself. Raw HTML, script URLs, link roles given
/// URLs and figure options that would become attributes never reach a page (or the CommonMark output)
/// unless `raw-html: pass` says the repository is trusted; each is a warning at its line.
@Suite struct HTMLSecurityCatalogueTests {
    private static var templates: String { Fixtures.projectRoot().appendingPathComponent("templates").path }

    /// A project whose step 1 body is `body`, in `content/steps.rst`.
    private func project(body: [String], config: String? = nil) throws -> (BadInputProject, MarkedSource) {
        let source = MarkedSource(GizaSource.step("1", "Connect", body) + GizaSource.step("2", "Check"))
        let project = try BadInputProject()
        try project.write(source.text, to: "content/steps.rst")
        if let config { try project.write(config, to: "stepdoc.yml") }
        return (project, source)
    }

    /// `build` into `out` with HTML and CommonMark; the two pages.
    private func build(_ project: BadInputProject) async throws -> (html: String, markdown: String) {
        let run = try await project.run([
            "build", "--templates", Self.templates, "--output", "out", "--format", "html,markdown", "content",
        ])
        #expect(run.status == 0, "\(run)")
        return (
            project.process.contents(of: "out/html/steps.html") ?? "",
            project.process.contents(of: "out/markdown/steps.md") ?? ""
        )
    }

    @Test(arguments: [
        "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<details open ontoggle=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>", "<object data=\"javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "</div></section></main><script>alert(1)</script>",
    ])
    func leavesRawHTMLOutOfEveryPage(_ attack: String) async throws {
        let (project, source) = try project(body: ["Before.", "", ".. 1️⃣raw:: html", "", "   \(attack)"])
        defer { project.remove() }
        let run = try await project.check(["content"])
        expectFinding(run, "rst.raw-html", severity: "warning", at: source["1️⃣"], status: 0)
        let pages = try await build(project)
        #expect(pages.html.contains("Before.") && !pages.html.contains("alert(1)"), "\(pages.html)")
        #expect(!pages.html.contains("evil.example"), "\(pages.html)")
        #expect(!pages.markdown.contains("alert(1)") && !pages.markdown.contains("evil.example"), "\(pages.markdown)")
    }

    @Test func passesRawHTMLWhenTheConfigurationTrustsIt() async throws {
        let widget = "<iframe src=\"https://example.com/demo\" title=\"demo\"></iframe>"
        let (project, _) = try project(body: [".. raw:: html", "", "   \(widget)"], config: "raw-html: pass\n")
        defer { project.remove() }
        let run = try await project.check(["content"])
        #expect(run.status == 0 && run.finding("rst.raw-html") == nil, "\(run)")
        let pages = try await build(project)
        #expect(pages.html.contains(widget), "\(pages.html)")
        #expect(pages.markdown.contains(widget), "\(pages.markdown)")
    }

    @Test func refusesAnUnknownRawHTMLSetting() async throws {
        let (project, _) = try project(body: ["Text."], config: "raw-html: sanitize\n")
        defer { project.remove() }
        let run = try await project.check(["content"])
        #expect(run.status == 2, "\(run)")
        #expect(run.standardError.contains("'raw-html' must be 'omit' or 'pass', not 'sanitize'"), "\(run)")
    }

    @Test(arguments: [
        "`click <javascript:alert(document.cookie)>`_", "`click <  JaVaScRiPt:alert(1)>`_",
        "`click <vbscript:msgbox(1)>`_", "`click <data:text/html;base64,PHNjcmlwdD4=>`_",
    ])
    func leavesScriptURLsOutWithAFinding(_ link: String) async throws {
        let (project, source) = try project(body: ["See 1️⃣\(link) now."])
        defer { project.remove() }
        let run = try await project.check(["content"])
        expectFinding(run, "rst.unsafe-url", severity: "warning", at: source["1️⃣"], status: 0)
        let pages = try await build(project)
        #expect(pages.html.contains("click"), "\(pages.html)")
        let body = pages.html.lowercased()
        #expect(!body.contains("javascript:alert") && !body.contains("vbscript:") && !body.contains("data:text"), "\(body)")
        #expect(!pages.markdown.lowercased().contains("script:"), "\(pages.markdown)")
    }

    @Test func keepsALinkRoleFromGluingASchemeOntoItsBaseURL() async throws {
        let (project, source) = try project(body: ["See 1️⃣:manual:`n <javascript:alert(1)>`."])
        defer { project.remove() }
        let run = try await project.check(["content"])
        expectFinding(run, "rst.role-target", severity: "warning", at: source["1️⃣"], status: 0)
        let pages = try await build(project)
        #expect(!pages.html.contains("manualjavascript") && !pages.html.contains("javascript:"), "\(pages.html)")
    }

    @Test func dropsAFigureWidthThatWouldStyleThePage() async throws {
        let (project, source) = try project(body: [
            ".. figure:: https://example.com/x.png", "   :alt: X",
            "   1️⃣:width: 1px;position:fixed;top:0;left:0;width:100%;height:100%;background:url(https://evil.example/)",
        ])
        defer { project.remove() }
        let run = try await project.check(["content"])
        expectFinding(run, "rst.directive", severity: "warning", at: source["1️⃣"], status: 0)
        let pages = try await build(project)
        #expect(pages.html.contains("<img src=\"https://example.com/x.png\""), "\(pages.html)")
        #expect(!pages.html.contains("position:fixed") && !pages.html.contains("evil.example"), "\(pages.html)")
    }

    @Test func linksAFigureToItsTargetButNotToAScript() async throws {
        let (project, source) = try project(body: [
            ".. figure:: https://example.com/x.png", "   :alt: X", "   1️⃣:target: javascript:alert(1)", "",
            ".. figure:: https://example.com/y.png", "   :alt: Y", "   :target: https://example.com/big.png",
        ])
        defer { project.remove() }
        let run = try await project.check(["content"])
        expectFinding(run, "rst.unsafe-url", severity: "warning", at: source["1️⃣"], status: 0)
        let pages = try await build(project)
        #expect(pages.html.contains("href=\"https://example.com/big.png\""), "\(pages.html)")
        #expect(!pages.html.contains("javascript:"), "\(pages.html)")
    }
}
