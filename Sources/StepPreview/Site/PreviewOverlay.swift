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
        let problems = [problem, templateProblem].compactMap { $0 }
        var values: [String: TemplateValue] = [
            "hasProblems": .bool(!problems.isEmpty), "problems": .list(problems.map(TemplateValue.string)),
            "hasPanel": .bool(pageName != nil),
            // A JavaScript string that cannot close the <script> element.
            "pageScript": .string(pageName.map(TextEscaping.javaScript) ?? "null"),
        ]
        if let pageName {
            let tally = PreviewTally(findings.map(\.diagnostic), strict: strict)
            values["state"] = .string(tally.errors > 0 ? "has-errors" : tally.warnings > 0 ? "has-warnings" : "is-clean")
            values["open"] = .bool(!findings.isEmpty)
            values["summary"] = .string(tally.summary)
            values["textHref"] = .string(PreviewRoute.textPath(pageName))
            values["hasFindings"] = .bool(!findings.isEmpty)
            values["findings"] = .list(findings.map { .object(item($0)) })
        }
        return PreviewTemplates.render(PreviewTemplates.overlay, PreviewContext(values: values))
    }

    private func item(_ finding: PreviewFinding) -> PreviewContext {
        let diagnostic = finding.diagnostic
        var anchor = ""
        if let index = finding.stepIndex, index < stepAnchors.count { anchor = stepAnchors[index] }
        return PreviewContext(values: [
            "severity": .string(PreviewTally.severity(of: diagnostic, strict: strict).rawValue),
            "id": .string(diagnostic.id.rawValue), "message": .string(diagnostic.summary),
            "position": .string(finding.position ?? ""), "anchor": .string(anchor),
        ])
    }
}
