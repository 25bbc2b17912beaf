import StepEscaping
import StepProject
import StepRender
import StepSyntax

/// What the preview adds to the end of a page's `<body>`: the findings panel, its styles, and the
/// script that reloads the page when it changes.
///
/// Everything from the content (names, messages, paths) is escaped; the page name reaches the script
/// as a JavaScript string that cannot close the `<script>` element.
package struct PreviewOverlay: Sendable {
    /// The page's name as reload events carry it; `nil` for the index, which reloads on every change.
    package var pageName: String?
    package var findings: [PreviewFinding] = []
    /// Each step's anchor, by position, for links from findings to their steps.
    package var stepAnchors: [String] = []
    /// Why the file cannot be shown as it is now; the page under the panel is the last good rendering.
    package var problem: String?
    /// The template set failed to load; pages use the last one that did.
    package var templateProblem: String?
    package var strict = false

    package init(pageName: String?) {
        self.pageName = pageName
    }

    /// The HTML to append to `<body>`.
    package var html: String {
        var html = "<style>\n\(Self.styles)</style>\n"
        let problems = [problem, templateProblem].compactMap { $0 }
        if !problems.isEmpty {
            html += "<div class=\"stepdoc-preview-banner\" role=\"alert\">\n"
            for text in problems { html += "<p>\(escape(text))</p>\n" }
            html += "</div>\n"
        }
        if let pageName {
            html += panel(pageName)
        }
        html += "<script>\n\(script)</script>\n"
        return html
    }

    private func panel(_ pageName: String) -> String {
        let tally = PreviewTally(findings.map(\.diagnostic), strict: strict)
        let state = tally.errors > 0 ? "has-errors" : tally.warnings > 0 ? "has-warnings" : "is-clean"
        var html =
            "<details class=\"stepdoc-preview \(state)\" id=\"stepdoc-preview\"\(findings.isEmpty ? "" : " open")>\n"
        html += "<summary>stepdoc preview · <span class=\"stepdoc-tally\">\(escape(tally.summary))</span></summary>\n"
        html += "<nav class=\"stepdoc-links\"><a href=\"/\">All procedures</a> · "
        html += "<a href=\"\(escape(PreviewRoute.textPath(pageName)))\">Plain text</a></nav>\n"
        if !findings.isEmpty {
            html += "<ol class=\"stepdoc-findings\">\n"
            for finding in findings { html += item(finding) }
            html += "</ol>\n"
        }
        return html + "</details>\n"
    }

    private func item(_ finding: PreviewFinding) -> String {
        let diagnostic = finding.diagnostic
        let severity = PreviewTally.severity(of: diagnostic, strict: strict).rawValue
        var html = "<li class=\"stepdoc-finding stepdoc-\(severity)\" data-id=\"\(escape(diagnostic.id.rawValue))\">"
        html += "<span class=\"stepdoc-severity\">\(severity)</span> "
        html += "<code class=\"stepdoc-id\">\(escape(diagnostic.id.rawValue))</code> "
        html += "<span class=\"stepdoc-message\">\(escape(diagnostic.summary))</span>"
        if let position = finding.position {
            if let index = finding.stepIndex, index < stepAnchors.count {
                html += " <a class=\"stepdoc-position\" href=\"#\(escape(stepAnchors[index]))\">\(escape(position))</a>"
            } else {
                html += " <span class=\"stepdoc-position\">\(escape(position))</span>"
            }
        }
        return html + "</li>\n"
    }

    private var script: String {
        let page = pageName.map(TextEscaping.javaScript) ?? "null"
        return """
            (function () {
              var page = \(page);
              var key = "stepdoc-preview-scroll:" + location.pathname;
              try {
                var saved = sessionStorage.getItem(key);
                if (saved !== null) {
                  sessionStorage.removeItem(key);
                  var y = parseInt(saved, 10) || 0;
                  window.scrollTo(0, y);
                  window.addEventListener("load", function () { window.scrollTo(0, y); });
                }
              } catch (e) {}
              if (!window.EventSource) return;
              var source = new EventSource("/events");
              var opened = false;
              function reload() {
                try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) {}
                source.close();
                location.reload();
              }
              source.addEventListener("open", function () {
                // Back after the server restarted: what changed meanwhile was never announced.
                if (opened) { reload(); }
                opened = true;
              });
              source.addEventListener("reload", function (event) {
                if (page === null || event.data === page || event.data === "*") { reload(); }
              });
            })();

            """
    }

    private func escape(_ text: String) -> String {
        TextEscaping.html(text)
    }

    /// Styles for the panel, the banner and the marked steps; prefixed so they cannot clash with a
    /// template's own.
    static let styles = """
        .has-findings { outline: 2px solid #c62828; outline-offset: 6px; border-radius: 4px; }
        .stepdoc-preview { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; max-width: min(40rem, calc(100vw - 2rem));
          max-height: 45vh; overflow: auto; background: #fff; color: #1c2329; border: 1px solid #c9d3da;
          border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); font: 13px/1.45 system-ui, sans-serif;
          overflow-wrap: anywhere; }
        .stepdoc-preview > summary { cursor: pointer; padding: .5rem .75rem; font-weight: 600; }
        .stepdoc-preview.has-errors > summary { color: #b71c1c; }
        .stepdoc-preview.has-warnings > summary { color: #8a5300; }
        .stepdoc-preview.is-clean > summary { color: #00684a; }
        .stepdoc-preview a { color: #00684a; }
        .stepdoc-preview code { color: inherit; background: #e9eef1; padding: 0 .25em; border-radius: 3px; font-size: 12px; }
        .stepdoc-links { padding: 0 .75rem .5rem; }
        .stepdoc-findings { margin: 0; padding: 0 .75rem .75rem 2rem; }
        .stepdoc-finding { margin: .25rem 0; }
        .stepdoc-severity { font-weight: 700; text-transform: uppercase; font-size: 11px; }
        .stepdoc-error .stepdoc-severity { color: #b71c1c; }
        .stepdoc-warning .stepdoc-severity { color: #8a5300; }
        .stepdoc-position { font-family: ui-monospace, monospace; font-size: 12px; }
        .stepdoc-preview-banner { position: fixed; top: 0; left: 0; right: 0; z-index: 2147483001; margin: 0; padding: .6rem 1rem;
          background: #fdecea; color: #7f1d1d; border-bottom: 2px solid #c62828; font: 14px/1.45 system-ui, sans-serif; }
        .stepdoc-preview-banner p { margin: .2rem 0; }
        @media (prefers-color-scheme: dark) {
          .has-findings { outline-color: #ff8a80; }
          .stepdoc-preview { background: #1a2227; color: #e8edef; border-color: #34414a; box-shadow: 0 6px 24px rgba(0,0,0,.6); }
          .stepdoc-preview.has-errors > summary, .stepdoc-error .stepdoc-severity { color: #ff8a80; }
          .stepdoc-preview.has-warnings > summary, .stepdoc-warning .stepdoc-severity { color: #ffcc80; }
          .stepdoc-preview.is-clean > summary, .stepdoc-preview a { color: #69e0b4; }
          .stepdoc-preview code { background: #26323a; }
          .stepdoc-preview-banner { background: #3b1412; color: #ffd7d2; border-bottom-color: #ff8a80; }
        }

        """
}
