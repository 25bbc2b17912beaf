import Foundation
import StepModel
import StepRender
import StepSyntax

/// A whole build worked out in memory: what was read, what was found, and every file to write.
///
/// `stepdoc build` writes ``outputs`` when there are no errors; the output drift test compares them
/// with the committed `output/` folder.
public struct ProjectBuild: Sendable {
    public var sources: [ProcessedSource]
    /// Sources the build cache found unchanged: not read further, not rendered.
    public var upToDate: [SourceEntry] = []
    /// The hash of each processed source's bytes, by name, for the build cache.
    public var sourceHashes: [String: String] = [:]
    public var report: DiagnosticReport
    public var failures: [StepDocFailure]
    /// Output path → text, in a stable order.
    public var outputs: [(path: String, text: String)]

    /// The files the build read: every source found and the files the processed ones include.
    public var inputs: [String] {
        report.files + sources.flatMap(\.procedure.includedFiles)
    }

    public struct Settings: Sendable {
        public var config: StepDocConfig
        public var paths: [String]
        public var sourceRoot: String
        public var targets: [RenderTarget]
        public var templates: TemplateSet?
        public var outputFolder: String
        public var fragment: Bool
        public var jobs: Int
        /// Docs/code parity for the procedures `stepdoc.yml` binds to check suites.
        public var parity: ProjectParity?
        /// Where relative paths are read from and written to.
        public var directory: WorkingDirectory

        public init(
            config: StepDocConfig, paths: [String], sourceRoot: String, targets: [RenderTarget],
            templates: TemplateSet?,
            outputFolder: String, fragment: Bool = false, jobs: Int = 1, parity: ProjectParity? = nil,
            directory: WorkingDirectory = .current
        ) {
            self.parity = parity
            self.directory = directory
            self.config = config
            self.paths = paths
            self.sourceRoot = sourceRoot
            self.targets = targets
            self.templates = templates
            self.outputFolder = outputFolder
            self.fragment = fragment
            self.jobs = jobs
        }
    }

    /// Reads and checks every source; renders them only when `render` says so (after the caller
    /// has looked at the findings).
    public static func read(
        _ settings: Settings, discovery: ContentDiscovery.Result, cache: BuildCache? = nil,
        progress: (@Sendable (Int) -> Void)? = nil
    ) -> ProjectBuild {
        let pipeline = Pipeline(
            config: settings.config, sourceRoot: settings.sourceRoot, parity: settings.parity, jobs: settings.jobs,
            directory: settings.directory)
        enum Outcome: Sendable {
            case processed(ProcessedSource, hash: String?)
            case upToDate(SourceEntry)
            case failed(StepDocFailure)
        }
        let outcomes = Parallel.map(discovery.entries, jobs: settings.jobs, progress: progress) { entry -> Outcome in
            if let cache, cache.isUpToDateWithoutReading(entry.name, path: entry.path) == true {
                return .upToDate(entry)
            }
            let file: SourceFile
            do throws(StepDocFailure) {
                file = try pipeline.reader.read(entry.path)
            } catch {
                return .failed(error)
            }
            guard let cache else { return .processed(pipeline.process(entry, file: file), hash: nil) }
            let hash = ContentHash.hex(file.bytes)
            if cache.isUpToDate(entry.name, path: entry.path, hash: hash) { return .upToDate(entry) }
            return .processed(pipeline.process(entry, file: file), hash: hash)
        }
        var build = ProjectBuild(
            sources: [], report: DiagnosticReport(diagnostics: [], files: []), failures: [], outputs: [])
        var diagnostics = discovery.diagnostics
        for outcome in outcomes {
            switch outcome {
            case .processed(let source, let hash):
                build.sources.append(source)
                if let hash { build.sourceHashes[source.entry.name] = hash }
                diagnostics.append(contentsOf: source.diagnostics)
            case .upToDate(let entry):
                build.upToDate.append(entry)
            case .failed(let failure):
                build.failures.append(failure)
            }
        }
        var steps: [String: [StepSummary]] = [:]
        for source in build.sources { steps[source.file.path] = source.procedure.steps.map(StepSummary.init) }
        build.report = DiagnosticReport(diagnostics: diagnostics, files: discovery.entries.map(\.path), steps: steps)
        return build
    }

    /// Renders every source to every target, keeping the outputs (for tests and the drift check).
    public mutating func render(_ settings: Settings, progress: (@Sendable (Int) -> Void)? = nil) {
        let rendered = Self.render(sources.map { ($0.entry, $0.procedure) }, settings: settings, progress: progress) {
            path, text in (path: path, text: text)
        }
        outputs = rendered.flatMap { $0 }
    }

    /// Renders procedures to every target on `settings.jobs` threads, handing each output to `deliver`
    /// as soon as it is made (so a build can write it and let it go), and returns what `deliver`
    /// returned, in order.
    public static func render<Result: Sendable>(
        _ procedures: [(SourceEntry, Procedure)], settings: Settings, progress: (@Sendable (Int) -> Void)? = nil,
        deliver: @escaping @Sendable (String, String) -> Result
    ) -> [[Result]] {
        let options = RenderOptions(
            extraTags: Set(settings.config.tags), textWidth: settings.config.textWidth, fragment: settings.fragment
        ).withTextLinks(settings.config.textLinks).withRawHTML(settings.config.rawHTML)
        return Parallel.map(procedures, jobs: settings.jobs, progress: progress) { entry, procedure in
            let title = ProcedureTitle.title(for: entry, config: settings.config, procedure: procedure)
            let pageOptions = options.forPage(named: entry.name)
            var results: [Result] = []
            for target in settings.targets {
                guard let text = render(procedure, to: target, title: title, settings: settings, options: pageOptions)
                else {
                    continue
                }
                results.append(
                    deliver("\(settings.outputFolder)/\(target.rawValue)/\(entry.name).\(target.fileExtension)", text))
            }
            return results
        }
    }

    static func render(
        _ procedure: Procedure, to target: RenderTarget, title: String, settings: Settings, options: RenderOptions
    ) -> String? {
        switch target {
        case .html:
            guard let templates = settings.templates else { return nil }
            return HTMLRenderer(templates: templates, options: options).render(procedure, title: title)
        case .text:
            return PlainTextRenderer(options: options).render(procedure, title: title)
        case .markdown:
            return MarkdownRenderer(options: options).render(procedure, title: title)
        }
    }

}

/// The title a procedure's page gets: from stepdoc.yml, else the procedure's own first heading, else
/// made from its file name.
public enum ProcedureTitle {
    public static func title(for entry: SourceEntry, config: StepDocConfig, procedure: Procedure? = nil) -> String {
        if let title = config.settings(forProcedure: entry.name)?.title { return title }
        for block in procedure?.looseContent ?? [] {
            if case .heading(let heading) = block.kind, !heading.text.isEmpty { return heading.text }
        }
        let base = (entry.name as NSString).lastPathComponent
        return base.split(whereSeparator: { $0 == "-" || $0 == "_" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }
}
