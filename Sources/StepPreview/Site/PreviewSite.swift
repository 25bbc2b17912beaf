import Foundation
import StepModel
import StepProject
import StepRender
import StepSyntax

/// The rendered site, in memory: every procedure's page from the same pipeline as `stepdoc build`,
/// kept current from the watcher's batches.
///
/// Every file is read and checked at start (the index shows each one's findings); a page is rendered
/// when first asked for, and again as soon as its file changes, so a reload event means the new page
/// is ready. A template change drops every rendering, and each page is rendered anew on its next
/// request rather than all at once. Requests are answered from a table of procedure names, never from
/// the file system.
package actor PreviewSite {
    private let settings: PreviewSettings
    private let pipeline: Pipeline
    private let options: RenderOptions
    private var templates: TemplateSet
    private var templateProblem: String?
    /// By procedure name (path relative to its content folder, without `.rst`).
    private var pages: [String: PreviewPage] = [:]
    /// Canonical source path → procedure name, for the pages that exist now.
    private var namesByPath: [String: String] = [:]
    private let scopes: [ContentScope]
    private let templateFolder: String
    /// Where images are found (with links resolved): nothing outside it is served.
    private let sourceRoot: String
    /// Every read the site makes (pages, includes, images, templates) lands in the content folders, the
    /// source root or the template set, checked on the file opened.
    private let confinement: ReadConfinement
    private let reader: SourceReader

    /// The folders the watcher must watch: content (recursively; a named file's folder alone) and the
    /// template set.
    package nonisolated let watchRoots: [WatchRoot]

    /// Reads and checks every procedure; fails as `stepdoc build` would on missing content or templates.
    package init(settings: PreviewSettings) throws(PreviewFailure) {
        let discovery: ContentDiscovery.Result
        do {
            discovery = try ContentDiscovery.discover(settings.contentPaths)
        } catch {
            throw .project(error)
        }
        let sourceRoot = settings.sourceRoot ?? discovery.entries.first?.root ?? "."
        let scopes = settings.contentPaths.map(ContentScope.init)
        let templateFolder = CanonicalPath.of(
            (settings.templatesFolder as NSString).appendingPathComponent(settings.templateName))
        confinement = ReadConfinement(
            folders: scopes.filter(\.isFolder).map(\.path) + [sourceRoot, templateFolder],
            files: scopes.filter { !$0.isFolder }.map(\.path))
        reader = SourceReader(maximumSize: settings.config.limits.maxFileSize, confinement: confinement)
        do {
            templates = try TemplateLoader.load(
                directory: settings.templatesFolder, name: settings.templateName,
                folderRequired: settings.templatesFolderRequired, confinement: confinement)
        } catch {
            throw .project(error)
        }
        self.sourceRoot = CanonicalPath.resolvingLinks(sourceRoot)
        self.settings = settings
        pipeline = Pipeline(
            config: settings.config, sourceRoot: sourceRoot, parity: settings.parity, confinement: confinement)
        var options = RenderOptions(extraTags: Set(settings.config.tags), textWidth: settings.config.textWidth)
        options.textLinks = settings.config.textLinks
        options.rawHTML = settings.config.rawHTML
        self.options = options
        self.scopes = scopes
        self.templateFolder = templateFolder
        // A project without its own templates uses the built-in sets, which do not change while it runs.
        watchRoots =
            scopes.map(\.watchRoot)
            + (FileManager.default.fileExists(atPath: templateFolder)
                ? [WatchRoot(path: templateFolder, recursive: true)] : [])

        let entries = Self.servable(discovery.entries, scopes: scopes)
        let results = pipeline.process(entries, jobs: settings.jobs)
        for (entry, result) in zip(entries, results) {
            var page = PreviewPage(entry: entry, title: ProcedureTitle.title(for: entry, config: settings.config))
            _ = page.update(with: result)
            page.title = ProcedureTitle.title(for: entry, config: settings.config, procedure: page.procedure)
            pages[entry.name] = page
            namesByPath[CanonicalPath.of(entry.path)] = entry.name
        }
    }

    /// The names of the procedures served now, sorted.
    package var pageNames: [String] {
        pages.values.filter { !$0.isDeleted }.map(\.entry.name).sorted()
    }

    /// The answer to a request. `events` is the server's business and is not found here.
    package func response(for route: PreviewRoute) -> PreviewResponse {
        switch route {
        case .index:
            return .html(
                PreviewIndex.render(
                    pages: Array(pages.values), stylesheet: templates.stylesheet,
                    contentLabel: settings.contentPaths.joined(separator: " "), templateProblem: templateProblem,
                    strict: settings.strict))
        case .page(let name):
            guard var page = pages[name], page.procedure != nil || !page.isDeleted else { return .notFound }
            if page.isRefused { return .refused }
            let html = page.renderedHTML(
                with: HTMLRenderer(templates: templates, options: options.forPage(named: name)),
                templateProblem: templateProblem,
                strict: settings.strict)
            pages[name] = page
            // A deleted page still shows its last rendering, so an open tab can tell what happened, but
            // says 404: the page is not part of the site any more.
            return .html(html, status: page.isDeleted ? 404 : 200)
        case .text(let name):
            if pages[name]?.isRefused == true { return .refused }
            guard var page = pages[name], !page.isDeleted,
                let text = page.plainText(with: PlainTextRenderer(options: options))
            else { return .notFound }
            pages[name] = page
            return .text(text)
        case .stylesheet:
            return .stylesheet(templates.stylesheet)
        case .asset(let path):
            return asset(path)
        case .events:
            return .notFound
        }
    }

    /// An image some page shows, read now and only from under the source root (its links resolved at
    /// the time of the read), or the highlighter a build would copy.
    private func asset(_ path: String) -> PreviewResponse {
        if path == SiteAssets.highlighterPath {
            guard let data = FileManager.default.contents(atPath: SiteAssets.highlighterSource) else {
                return .notFound
            }
            return .file([UInt8](data), name: path)
        }
        let prefix = CommonMarkTreeBuilder.imagesFolder + "/"
        guard path.hasPrefix(prefix) else { return .notFound }
        let relative = String(path.dropFirst(prefix.count))
        for page in pages.values where !page.isDeleted {
            guard let image = page.procedure?.images.first(where: { $0.relativePath == relative }) else { continue }
            let real = CanonicalPath.resolvingLinks(image.path)
            guard CanonicalPath.isInside(real, folder: sourceRoot),
                let data = try? reader.readBytes(image.path)
            else { return .notFound }
            return .file(data, name: relative)
        }
        return .notFound
    }

    /// Takes in one batch of changes; returns the names of the pages to reload, or
    /// ``ServerSentEvent/everyPage`` when every page changed (a template did).
    package func apply(_ batch: ChangeBatch) -> [String] {
        let changed = batch.paths.map(CanonicalPath.of)
        let templatesChanged = batch.rescan || changed.contains { CanonicalPath.isInside($0, folder: templateFolder) }
        let contentChanges = changed.filter { path in scopes.contains { $0.covers(path) } }
        var names = Set(contentChanges.compactMap { namesByPath[$0] })
        var reload: Set<String> = []

        // A path that is no page may be a new file, a folder moved in or out, or a rename.
        if batch.rescan || contentChanges.contains(where: { namesByPath[$0] == nil && mayHoldSteps($0) }) {
            let found = Self.servable(rediscover(), scopes: scopes)
            let foundNames = Set(found.map(\.name))
            for entry in found where pages[entry.name].map({ $0.isDeleted || $0.entry != entry }) ?? true {
                let title = ProcedureTitle.title(for: entry, config: settings.config)
                var page = pages[entry.name] ?? PreviewPage(entry: entry, title: title)
                if page.entry.path != entry.path { namesByPath[CanonicalPath.of(page.entry.path)] = nil }
                page.entry = entry
                pages[entry.name] = page
                names.insert(entry.name)
            }
            for (name, page) in pages where !page.isDeleted && !foundNames.contains(name) {
                names.insert(name)  // reading it again finds it missing
            }
        }

        let work = names.sorted().compactMap { pages[$0] }
        // A few files per thread at a time, so that a stopping server (its task cancelled) is not held
        // up by a batch of thousands: the rest is left unread.
        let jobs = max(1, min(settings.jobs, work.count))
        for start in stride(from: 0, to: work.count, by: jobs * 4) {
            if Task.isCancelled { return reload.sorted() }
            let chunk = Array(work[start..<min(start + jobs * 4, work.count)])
            let results = pipeline.process(chunk.map(\.entry), jobs: jobs)
            for (page, result) in zip(chunk, results) {
                var page = page
                guard page.update(with: result) else { continue }
                let renderer = HTMLRenderer(templates: templates, options: options.forPage(named: page.entry.name))
                page.render(with: renderer, templateProblem: templateProblem, strict: settings.strict)
                pages[page.entry.name] = page
                reload.insert(page.entry.name)
                let key = CanonicalPath.of(page.entry.path)
                namesByPath[key] = page.isDeleted ? nil : page.entry.name
            }
        }

        if templatesChanged && reloadTemplates() { return [ServerSentEvent.everyPage] }
        return reload.sorted()
    }

    /// Whether an unknown changed path can add or remove pages: a step file, a folder, or a folder that
    /// held pages (moved or deleted). Editors' other files (`4913`, `x.rst~`) do not start a search.
    private func mayHoldSteps(_ path: String) -> Bool {
        if path.hasSuffix(".rst") || FolderListing.isFolder(path) { return true }
        let prefix = path + "/"
        return namesByPath.keys.contains { $0.hasPrefix(prefix) }
    }

    /// Reads the template set again and drops every rendering; `false` when nothing changed for the
    /// pages (the set failed again with the same message).
    private func reloadTemplates() -> Bool {
        let previousProblem = templateProblem
        do {
            templates = try TemplateLoader.load(
                directory: settings.templatesFolder, name: settings.templateName,
                folderRequired: settings.templatesFolderRequired, confinement: confinement)
            templateProblem = nil
        } catch {
            // Keep the last set that loaded; every page says why it did not change.
            templateProblem = "templates: \(error.description) — pages use the last templates that loaded"
            if templateProblem == previousProblem { return false }
        }
        for name in Array(pages.keys) { pages[name]?.invalidate() }
        return true
    }

    private func rediscover() -> [SourceEntry] {
        // Path by path: one content folder that vanished must not hide the others.
        settings.contentPaths.flatMap { path in (try? ContentDiscovery.discover([path]).entries) ?? [] }
    }

    /// The entries the preview serves: inside a content folder once symbolic links are resolved (a file
    /// named on the command line is served wherever it is).
    private static func servable(_ entries: [SourceEntry], scopes: [ContentScope]) -> [SourceEntry] {
        entries.filter { entry in
            let real = CanonicalPath.resolvingLinks(entry.path)
            return scopes.contains { $0.servesRealPath(real, of: entry) }
        }
    }
}
