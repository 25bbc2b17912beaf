import StepEscaping
import StepProject
import StepRender

/// The preview's front page: every procedure with its step and findings counts, each linking to its
/// page and its plain text. Styled by the template set's stylesheet; it reloads on any change.
package enum PreviewIndex {
    package static func render(
        pages: [PreviewPage], stylesheet: String, contentLabel: String, templateProblem: String?, strict: Bool
    ) -> String {
        let shown = pages.filter { !$0.isDeleted }.sorted { $0.entry.name < $1.entry.name }
        let tally = PreviewTally(shown.flatMap { $0.findings.map(\.diagnostic) }, strict: strict)
        let count = shown.count == 1 ? "1 procedure" : "\(shown.count) procedures"
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="stepdoc preview">
            <title>stepdoc preview</title>
            <style>
            \(stylesheet)
            </style>
            <style>
            \(styles)</style>
            </head>
            <body>
            <main class="page stepdoc-index">
            <header class="page-header">
            <h1>Procedures</h1>
            <p class="page-source">\(escape(count)) in <code>\(escape(contentLabel))</code> · \(escape(tally.summary))</p>
            </header>
            <table class="stepdoc-index-table">
            <thead><tr><th scope="col">Procedure</th><th scope="col">Steps</th><th scope="col">Findings</th><th scope="col">Text</th></tr></thead>
            <tbody>

            """
        for page in shown { html += row(page, strict: strict) }
        html += "</tbody>\n</table>\n</main>\n"
        var overlay = PreviewOverlay(pageName: nil)
        overlay.templateProblem = templateProblem
        html += overlay.html
        return html + "</body>\n</html>\n"
    }

    private static func row(_ page: PreviewPage, strict: Bool) -> String {
        let tally = PreviewTally(page.findings.map(\.diagnostic), strict: strict)
        let status: String
        if case .unreadable(let reason)? = page.problem {
            status = "<span class=\"stepdoc-index-problem\">cannot read: \(escape(reason))</span>"
        } else if page.isRefused {
            status = "<span class=\"stepdoc-index-problem\">not served: it resolves outside the content folder</span>"
        } else {
            status = escape(tally.summary)
        }
        let steps = page.procedure.map { String($0.steps.count) } ?? "–"
        let classes = tally.total > 0 || page.problem != nil ? " class=\"has-findings-row\"" : ""
        var html = "<tr\(classes) data-name=\"\(escape(page.entry.name))\" data-findings=\"\(tally.total)\">"
        html += "<td><a href=\"\(escape(PreviewRoute.pagePath(page.entry.name)))\">\(escape(page.title))</a>"
        html += "<br><code>\(escape(page.entry.path))</code></td>"
        html += "<td class=\"stepdoc-index-steps\">\(steps)</td>"
        html += "<td class=\"stepdoc-index-findings\">\(status)</td>"
        html += "<td><a href=\"\(escape(PreviewRoute.textPath(page.entry.name)))\">text</a></td>"
        return html + "</tr>\n"
    }

    private static func escape(_ text: String) -> String {
        TextEscaping.html(text)
    }

    private static let styles = """
        .stepdoc-index-table { width: 100%; border-collapse: collapse; }
        .stepdoc-index-table th, .stepdoc-index-table td { text-align: left; padding: .45rem .5rem;
          border-bottom: 1px solid #d9e1e6; vertical-align: top; }
        .stepdoc-index-table code { font-size: .8rem; color: #56636e; background: transparent; }
        .has-findings-row .stepdoc-index-findings { color: #b71c1c; font-weight: 600; }
        @media (prefers-color-scheme: dark) {
          .stepdoc-index-table th, .stepdoc-index-table td { border-bottom-color: #34414a; }
          .stepdoc-index-table code { color: #a3b1bb; }
          .has-findings-row .stepdoc-index-findings { color: #ff8a80; }
        }

        """
}
