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
        var overlay = PreviewOverlay(pageName: nil)
        overlay.templateProblem = templateProblem
        let context = PreviewContext(values: [
            "stylesheet": .string(stylesheet), "count": .string(count), "contentLabel": .string(contentLabel),
            "summary": .string(tally.summary), "rows": .list(shown.map { .object(row($0, strict: strict)) }),
            "overlayHTML": .string(overlay.html),
        ])
        return PreviewTemplates.render(PreviewTemplates.index, context)
    }

    private static func row(_ page: PreviewPage, strict: Bool) -> PreviewContext {
        let tally = PreviewTally(page.findings.map(\.diagnostic), strict: strict)
        var problem = ""
        if case .unreadable(let reason)? = page.problem {
            problem = "cannot read: \(reason)"
        } else if page.isRefused {
            problem = "not served: it resolves outside the content folder"
        }
        return PreviewContext(values: [
            "hasFindings": .bool(tally.total > 0 || page.problem != nil), "name": .string(page.entry.name),
            "findings": .string(String(tally.total)), "pageHref": .string(PreviewRoute.pagePath(page.entry.name)),
            "title": .string(page.title), "path": .string(page.entry.path),
            "steps": .string(page.procedure.map { String($0.steps.count) } ?? "–"), "problem": .string(problem),
            "summary": .string(tally.summary), "textHref": .string(PreviewRoute.textPath(page.entry.name)),
        ])
    }
}
