import Foundation
import StepDocTestSupport
import Testing

/// Built pages and the preview in headless Chromium (`make test-browser` installs it): tabs, images,
/// phone widths, contrast in both colour schemes, copy buttons, reloads that keep the scroll position,
/// the findings panel.
@Suite(
    .serialized,
    .enabled(
        if: DevToolsBrowser.isWanted, "needs Debian's chromium and STEPDOC_BROWSER_TESTS=1 (make test-browser)"))
struct BrowserTests {
    /// A one-pixel PNG.
    static let pixel =
        Data(
            base64Encoded:
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        ) ?? Data()

    /// A procedure with what real MongoDB pages hold: tabs, a wide figure, lettered lists, code, a long URL.
    static let showcase = GizaFixture.text([
        (
            "Install the server",
            [
                "Pick your platform.", "",
                ".. tabs::", "", "   tabs:", "     - id: windows", "       name: Windows", "       content: |",
                "         Run ``msiexec.exe``.", "", "     - id: macos", "       content: |",
                "         Run ``brew install mongodb-community``.", "",
            ]
        ),
        (
            "Look at the console",
            [
                ".. figure:: /images/console.png", "   :alt: The console", "   :figwidth: 760", "   :width: 760", "",
                "   The console after the start.", "",
                "See https://www.mongodb.com/docs/manual/reference/configuration-options/#std-setting-storage.dbPath-and-more for every option.",
                "",
            ]
        ),
        (
            "Run the commands",
            [
                "a. First run this:", "", "   .. code-block:: sh", "",
                "      mongod --dbpath /data/db --port 27017 --bind_ip localhost,10.0.0.1 --replSet rs0", "",
                "#. Then this, which you read but need not copy:", "", "   .. code-block:: javascript",
                "      :copyable: false", "", "      db.users.find({ name: \"x\" })", "",
                "#. Last.", "", "Sub-heading", "~~~~~~~~~~~", "", ".. note::", "", "   A note.", "",
                ".. warning::", "", "   A warning.", "",
            ]
        ),
    ])

    final class Site {
        let project: StepDocProcess
        init() throws {
            project = try StepDocProcess()
            try project.write(Array(BrowserTests.showcase.utf8), to: "content/guide/showcase.rst")
            try project.write(BrowserTests.pixel, to: "content/images/console.png")
            try project.write(Array("content: [content]\n".utf8), to: "stepdoc.yml")
            for name in ["page.mustache", "procedure.mustache", "style.css", "preflight.mustache"] {
                let url = Fixtures.projectRoot().appendingPathComponent("templates/default/\(name)")
                try project.write(try Data(contentsOf: url), to: "templates/default/\(name)")
            }
            let outcome = try project.spawn(["build"])
            guard outcome.status == 0 else { throw DevToolsBrowser.Failure(description: outcome.standardError) }
        }
        deinit { project.remove() }
        func url(_ path: String) -> String { project.directory.appendingPathComponent(path).absoluteString }
    }

    static var shippedPage: String {
        Fixtures.projectRoot().appendingPathComponent("output/html/atlas-live-migration-prerequisites.html")
            .absoluteString
    }

    @Test func switchesTabsOnClickAndWithTheKeyboard() throws {
        let site = try Site()
        let browser = try DevToolsBrowser()
        let page = try browser.newPage()
        try page.open(site.url("output/html/guide/showcase.html"))
        let state =
            "[...document.querySelectorAll('[role=tab]')].map(t => t.getAttribute('aria-selected') + ':' + document.getElementById(t.getAttribute('aria-controls')).hidden).join(' ')"
        #expect(try page.evaluate(state) as? String == "true:false false:true")
        #expect(try page.evaluate("document.querySelector('[role=tablist]') !== null") as? Bool == true)
        try page.click("[role=tab]:nth-child(2)")
        #expect(try page.evaluate(state) as? String == "false:true true:false")
        _ = try page.evaluate("document.querySelector('[role=tab]:nth-child(2)').focus()")
        try page.press("ArrowRight", code: 39)  // wraps around to the first
        #expect(try page.evaluate(state) as? String == "true:false false:true")
        #expect(try page.evaluate("document.activeElement.textContent") as? String == "Windows")
        try page.press("End", code: 35)
        #expect(try page.evaluate("document.activeElement.textContent") as? String == "macOS")
    }

    @Test func loadsImagesFromDiskAndFromThePreview() async throws {
        let site = try Site()
        let browser = try DevToolsBrowser()
        let page = try browser.newPage()
        try page.open(site.url("output/html/guide/showcase.html"))
        let loaded = "[...document.images].map(i => i.complete && i.naturalWidth > 0)"
        let source = try page.evaluate("document.images[0].src") as? String ?? ""
        #expect(try page.evaluate(loaded) as? [Bool] == [true], "\(source)")
        let preview = try PreviewProcess(["preview", "--port", "0"], in: site.project.directory)
        defer { preview.process.terminate() }
        let base = try #require(await preview.servingURL(timeout: .seconds(20)), "\(preview.standardError)")
        try page.open(base + "guide/showcase.html")
        #expect(try page.evaluate(loaded) as? [Bool] == [true])
    }

    @Test func nothingOverflowsAPhoneWidth() throws {
        let site = try Site()
        let browser = try DevToolsBrowser()
        let page = try browser.newPage(width: 390, height: 844)
        for url in [site.url("output/html/guide/showcase.html"), Self.shippedPage] {
            try page.open(url)
            // Code scrolls inside its block; nothing else may reach past the viewport.
            let overflowing =
                try page.evaluate(
                    """
                    [...document.querySelectorAll('body *')].filter(e => !e.closest('pre') &&
                      e.getBoundingClientRect().right > 390.5 && e.getBoundingClientRect().width > 0)
                      .map(e => e.tagName + '.' + e.className).slice(0, 10)
                    """) as? [String]
            #expect(overflowing == [], "\(url)")
            #expect(try page.evaluate("document.documentElement.scrollWidth") as? Int == 390, "\(url)")
        }
    }

    @Test(arguments: [false, true])
    func everyTextMeetsAAContrast(dark: Bool) async throws {
        let site = try Site()
        let browser = try DevToolsBrowser()
        let page = try browser.newPage(dark: dark)
        var urls = [site.url("output/html/guide/showcase.html"), Self.shippedPage]
        let preview = try PreviewProcess(["preview", "--port", "0"], in: site.project.directory)
        defer { preview.process.terminate() }
        let base = try #require(await preview.servingURL(timeout: .seconds(20)), "\(preview.standardError)")
        urls += [base, base + "guide/showcase.html"]
        for url in urls {
            try page.open(url)
            if url.hasPrefix(base) {
                _ = try page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            }
            let result = try page.evaluate(Self.contrastScript) as? [String: Any]
            let checked = result?["checked"] as? Int ?? 0
            let failures = result?["failures"] as? [String] ?? ["no result"]
            #expect(checked > 10, "\(url): checked \(checked) texts")
            #expect(failures.isEmpty, "\(dark ? "dark" : "light") \(url): \(failures.joined(separator: "; "))")
        }
    }

    @Test func copiesCodeWithTheCopyButtonButOffersNoneWhereCopyableIsFalse() async throws {
        let site = try Site()
        let preview = try PreviewProcess(["preview", "--port", "0"], in: site.project.directory)
        defer { preview.process.terminate() }
        let base = try #require(await preview.servingURL(timeout: .seconds(20)), "\(preview.standardError)")
        let browser = try DevToolsBrowser()
        let page = try browser.newPage()
        try browser.send(
            "Browser.grantPermissions",
            ["permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"], "origin": String(base.dropLast())])
        try page.send("Emulation.setFocusEmulationEnabled", ["enabled": true])
        try page.send("Page.bringToFront")
        try page.open(base + "guide/showcase.html")
        #expect(try page.evaluate("document.querySelectorAll('.copy-button').length") as? Int == 1)
        let uncopyable = "document.querySelector('.code-block[data-copyable=false] .copy-button') === null"
        #expect(try page.evaluate(uncopyable) as? Bool == true)
        try page.click(".copy-button")
        try page.waitFor("document.querySelector('.copy-button').textContent === 'Copied'")
        let copied = try page.evaluate("navigator.clipboard.readText()") as? String
        #expect(copied == "mongod --dbpath /data/db --port 27017 --bind_ip localhost,10.0.0.1 --replSet rs0")
    }

    @Test func highlightsCodeButReadsWithoutJavaScript() throws {
        let site = try Site()
        let browser = try DevToolsBrowser()
        let page = try browser.newPage()
        try page.open(site.url("output/html/guide/showcase.html"))
        #expect(try page.evaluate("typeof hljs") as? String == "object", "highlight.js is copied beside the page")
        #expect(try page.evaluate("document.querySelectorAll('pre code [class^=hljs-]').length") as? Int ?? 0 > 0)
        try page.send("Emulation.setScriptExecutionDisabled", ["value": true])
        try page.open(site.url("output/html/guide/showcase.html"))
        // Without the script: the code is there and every tab's panel shows under its title.
        let text = try page.evaluate("document.body.innerText") as? String ?? ""
        #expect(text.contains("mongod --dbpath /data/db"))
        #expect(text.contains("msiexec.exe") && text.contains("brew install mongodb-community"))
    }

    @Test func reloadsThePreviewOnSaveAndKeepsTheScrollPosition() async throws {
        let site = try Site()
        let preview = try PreviewProcess(["preview", "--port", "0"], in: site.project.directory)
        defer { preview.process.terminate() }
        let base = try #require(await preview.servingURL(timeout: .seconds(20)), "\(preview.standardError)")
        let browser = try DevToolsBrowser()
        let page = try browser.newPage(width: 800, height: 400)
        try page.open(base + "guide/showcase.html")
        _ = try page.evaluate("window.scrollTo(0, 600)")
        try page.waitFor("window.scrollY === 600")
        _ = try page.evaluate("window.stepdocMarker = 1")
        let changed = Self.showcase.replacingOccurrences(of: "Pick your platform.", with: "Pick a platform now.")
        try site.project.write(Array(changed.utf8), to: "content/guide/showcase.rst")
        try page.waitFor("window.stepdocMarker === undefined && document.readyState === 'complete'", timeout: 20)
        try page.waitFor("document.body.innerText.includes('Pick a platform now.')")
        let restored = try? page.waitFor("Math.abs(window.scrollY - 600) < 2", timeout: 10)
        let position = try page.evaluate("window.scrollY + ' of ' + document.documentElement.scrollHeight") ?? "?"
        #expect(restored != nil, "scrollY is \(position)")
    }

    @Test func showsAReadableFindingsPanelOnAPhone() async throws {
        let site = try Site()
        let broken = Self.showcase.replacingOccurrences(of: "Pick your platform.", with: "Pick :badrole:`x`.")
        try site.project.write(Array(broken.utf8), to: "content/guide/showcase.rst")
        let preview = try PreviewProcess(["preview", "--port", "0"], in: site.project.directory)
        defer { preview.process.terminate() }
        let base = try #require(await preview.servingURL(timeout: .seconds(20)), "\(preview.standardError)")
        let browser = try DevToolsBrowser()
        for dark in [false, true] {
            let page = try browser.newPage(width: 390, height: 844, dark: dark)
            try page.open(base + "guide/showcase.html")
            let panel = "document.getElementById('stepdoc-preview')"
            #expect(try page.evaluate("\(panel).open") as? Bool == true)
            #expect(try page.evaluate("\(panel).innerText.includes('rst.unknown-role')") as? Bool == true)
            let box =
                try page.evaluate("(() => { const r = \(panel).getBoundingClientRect(); return [r.left, r.right]; })()")
                as? [Double] ?? []
            #expect(box.count == 2 && box[0] >= 0 && box[1] <= 390, "\(box)")
            let result =
                try page.evaluate(Self.contrastScript.replacingOccurrences(of: "document.body", with: panel))
                as? [String: Any]
            #expect((result?["failures"] as? [String]) == [], "\(dark ? "dark" : "light"): \(result ?? [:])")
        }
    }

    /// Measures every visible text against its effective background: 4.5:1, or 3:1 for large text.
    static let contrastScript = """
        (() => {
          const parse = c => { const m = /rgba?\\(([^)]+)\\)/.exec(c); if (!m) return null;
            const p = m[1].split(',').map(parseFloat); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const blend = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
            b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
          const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
          const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
          const canvas = parse(getComputedStyle(document.documentElement).backgroundColor);
          const root = canvas && canvas.a > 0 ? canvas :
            (matchMedia('(prefers-color-scheme: dark)').matches ? { r: 18, g: 18, b: 18, a: 1 } : { r: 255, g: 255, b: 255, a: 1 });
          const background = element => { const layers = [];
            for (let e = element; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
              if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
            let base = root; for (let i = layers.length - 1; i >= 0; i--) base = blend(layers[i], base); return base; };
          const scope = document.body;
          const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
          let checked = 0; const failures = [];
          while (walker.nextNode()) {
            const node = walker.currentNode; if (!node.textContent.trim()) continue;
            const element = node.parentElement; if (!element || element.closest('[hidden], script, style, head')) continue;
            const style = getComputedStyle(element); const rect = element.getBoundingClientRect();
            if (style.visibility === 'hidden' || rect.width <= 1 || rect.height <= 1) continue;
            const back = background(element); const fore = blend(parse(style.color), back);
            const a = luminance(fore), b = luminance(back);
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
            const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            checked++;
            if (ratio < need) failures.push(element.tagName + '.' + element.className + ' "' + node.textContent.trim().slice(0, 30)
              + '" ' + ratio.toFixed(2) + ':1 ' + style.color + ' on ' + JSON.stringify(back));
          }
          return { checked, failures: failures.slice(0, 15) };
        })()
        """
}

/// giza-era step files from titles and bodies, for fixtures.
enum GizaFixture {
    static func text(_ steps: [(title: String, body: [String])]) -> String {
        var text = ""
        for (index, step) in steps.enumerated() {
            let body = step.body.map { $0.isEmpty ? "" : "   " + $0 }.joined(separator: "\n")
            text += """
                .. only:: html or dirhtml or singlehtml

                   .. raw:: html

                      <div class="sequence-block"><div class="bullet-block"><div class="sequence-step">\(index + 1)</div></div>

                   \(step.title)
                   \(String(repeating: "`", count: step.title.count))

                \(body)

                   .. raw:: html

                      </div>

                .. only:: not(html or dirhtml or singlehtml)

                   Step \(index + 1): \(step.title)
                   \(String(repeating: "`", count: step.title.count + 8 + String(index + 1).count - 1))

                \(body)


                """
        }
        return text
    }
}
