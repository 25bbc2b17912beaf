import StepModel
import StepProject
import StepRender
import StepSyntax

/// One procedure as the preview holds it: the last good reading of its file, what is wrong with the
/// file now, and its renderings.
package struct PreviewPage: Sendable {
    package var entry: SourceEntry
    package var title: String
    /// The last reading that produced a procedure; `nil` until the file has been read once.
    package var procedure: Procedure?
    /// The findings of that reading.
    package var findings: [PreviewFinding] = []
    /// Why the file cannot be shown as it is now; the last good rendering stays under the message.
    package var problem: Problem?
    /// The rendered page, overlay included; `nil` until asked for, and again after a template change.
    private var html: String?
    /// The plain text, rendered when first asked for.
    private var text: String?
    /// Identifies the bytes last read, so a save that changed nothing renders nothing.
    private var fingerprint: Int?

    package enum Problem: Sendable, Equatable {
        /// The file exists but cannot be read as a step file (permissions, binary, too large).
        case unreadable(String)
        /// The file is gone (deleted or renamed).
        case deleted(path: String)
        /// The file now resolves outside the folders the preview serves (replaced by a link): nothing of
        /// it is served, not even the last good rendering.
        case outside(path: String)

        package var message: String {
            switch self {
            case .unreadable(let reason): "\(reason) — showing the last good rendering"
            case .deleted(let path): "\(path) was deleted or renamed — showing the last good rendering"
            case .outside(let path): "\(path) resolves outside the content folder now; it is not served"
            }
        }
    }

    package init(entry: SourceEntry, title: String) {
        self.entry = entry
        self.title = title
    }

    package var isDeleted: Bool {
        if case .deleted = problem { return true }
        return false
    }

    /// Whether the file resolves outside the served folders now: its page is refused (403).
    package var isRefused: Bool {
        if case .outside = problem { return true }
        return false
    }

    /// Takes in a new reading of the file; `false` when it is the same as the last one.
    package mutating func update(with result: Result<ProcessedSource, StepDocFailure>) -> Bool {
        switch result {
        case .success(let source):
            let fingerprint = source.file.bytes.hashValue
            if problem == nil, procedure != nil, fingerprint == self.fingerprint { return false }
            self.fingerprint = fingerprint
            procedure = source.procedure
            findings = PreviewFinding.locate(source.diagnostics, in: source.procedure)
            problem = nil
        case .failure(let failure):
            let problem: Problem
            if case .missingPath = failure {
                problem = .deleted(path: entry.path)
            } else if case .outsideServedFolders = failure {
                problem = .outside(path: entry.path)
            } else {
                problem = .unreadable(failure.description)
            }
            if problem == self.problem { return false }
            self.problem = problem
            fingerprint = nil
        }
        text = nil
        return true
    }

    /// Whether the page is rendered (and would be served without rendering).
    package var isRendered: Bool { html != nil }

    /// Drops the renderings, so the next request renders with what changed (the templates).
    package mutating func invalidate() {
        html = nil
        text = nil
    }

    /// The page, rendered now unless it already is.
    package mutating func renderedHTML(with renderer: HTMLRenderer, templateProblem: String?, strict: Bool) -> String {
        if let html { return html }
        render(with: renderer, templateProblem: templateProblem, strict: strict)
        return html ?? ""
    }

    /// Renders the page with `renderer`'s templates, marking the steps that have findings.
    package mutating func render(with renderer: HTMLRenderer, templateProblem: String?, strict: Bool) {
        let procedure = self.procedure ?? Procedure(file: entry.path, era: .unknown, steps: [])
        let steps = renderer.renderSteps(procedure)
        var context = renderer.pageContext(procedure, title: title, steps: steps)
        context.showsSource = true
        let marked = Set(findings.compactMap(\.stepIndex))
        for index in context.procedure.steps.indices where marked.contains(index) {
            context.procedure.steps[index].classes += " has-findings"
        }
        var overlay = PreviewOverlay(pageName: entry.name)
        overlay.findings = findings
        overlay.stepAnchors = steps.map(\.anchor)
        overlay.problem = problem?.message
        overlay.templateProblem = templateProblem
        overlay.strict = strict
        context.extraBodyHTML = overlay.html
        html = renderer.templates.renderPage(context)
    }

    /// The plain-text rendering of the last good reading, or `nil` when there never was one.
    package mutating func plainText(with renderer: PlainTextRenderer) -> String? {
        if let text { return text }
        guard let procedure else { return nil }
        var rendered = renderer.render(procedure, title: title)
        if let problem { rendered = "stepdoc preview: \(problem.message)\n\n" + rendered }
        text = rendered
        return rendered
    }
}
