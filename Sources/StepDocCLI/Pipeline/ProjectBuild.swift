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

    public struct Settings: Sendable {
        public var config: StepDocConfig
        public var paths: [String]
        public var sourceRoot: String
        public var targets: [RenderTarget]
        public var templates: TemplateSet?
        public var outputFolder: String
        public var fragment: Bool
        public var jobs: Int

        public init(
            config: StepDocConfig, paths: [String], sourceRoot: String, targets: [RenderTarget], templates: TemplateSet?,
            outputFolder: String, fragment: Bool = false, jobs: Int = 1
        ) {
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
        let pipeline = Pipeline(config: settings.config, sourceRoot: settings.sourceRoot)
        enum Outcome: Sendable {
            case processed(ProcessedSource, hash: String?)
            case upToDate(SourceEntry)
            case failed(StepDocFailure)
        }
        let outcomes = Parallel.map(discovery.entries, jobs: settings.jobs, progress: progress) { entry -> Outcome in
            let file: SourceFile
            do throws(StepDocFailure) {
                file = try pipeline.reader.read(entry.path)
            } catch {
                return .failed(error)
            }
            guard let cache else { return .processed(pipeline.process(entry, file: file), hash: nil) }
            let hash = ContentHash.hex(file.bytes)
            if cache.isUpToDate(entry.name, source: hash) { return .upToDate(entry) }
            return .processed(pipeline.process(entry, file: file), hash: hash)
        }
        var build = ProjectBuild(sources: [], report: DiagnosticReport(diagnostics: [], files: []), failures: [], outputs: [])
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

    /// Renders every source to every target.
    public mutating func render(_ settings: Settings, progress: (@Sendable (Int) -> Void)? = nil) {
        let options = RenderOptions(
            extraTags: Set(settings.config.tags), textWidth: settings.config.textWidth, fragment: settings.fragment)
        let rendered = Parallel.map(sources, jobs: settings.jobs, progress: progress) { source in
            Self.render(source, settings: settings, options: options)
        }
        outputs = rendered.flatMap { $0 }
    }

    static func render(_ source: ProcessedSource, settings: Settings, options: RenderOptions) -> [(path: String, text: String)] {
        let title = ProcedureTitle.title(for: source.entry, config: settings.config)
        var files: [(path: String, text: String)] = []
        for target in settings.targets {
            let text: String
            switch target {
            case .html:
                guard let templates = settings.templates else { continue }
                text = HTMLRenderer(templates: templates, options: options).render(source.procedure, title: title)
            case .text:
                text = PlainTextRenderer(options: options).render(source.procedure, title: title)
            case .markdown:
                text = MarkdownRenderer(options: options).render(source.procedure, title: title)
            }
            files.append(("\(settings.outputFolder)/\(target.rawValue)/\(source.entry.name).\(target.fileExtension)", text))
        }
        return files
    }
}

/// The title a procedure's page gets: from stepdoc.yml, or made from its file name.
public enum ProcedureTitle {
    public static func title(for entry: SourceEntry, config: StepDocConfig) -> String {
        if let title = config.settings(forProcedure: entry.name)?.title { return title }
        let base = (entry.name as NSString).lastPathComponent
        return base.split(whereSeparator: { $0 == "-" || $0 == "_" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }
}
