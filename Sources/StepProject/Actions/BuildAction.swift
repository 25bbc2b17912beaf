import Foundation
import StepModel
import StepRender
import StepSyntax

/// `stepdoc build`: reads, checks and renders every step file, and writes the outputs when nothing is
/// an error. The previous output stays as it was otherwise.
public struct BuildAction: Sendable {
    public var inputs: ProjectInputs
    public var options: Options

    /// What `build` adds to the shared inputs; `nil` means stepdoc.yml's setting.
    public struct Options: Sendable, Equatable {
        public var output: String?
        public var formats: [String]?
        public var templates: String?
        public var template: String?
        /// The procedure without page chrome, for embedding.
        public var fragment: Bool
        /// Whether unchanged sources are skipped (`--no-cache` turns it off).
        public var usesCache: Bool
        /// Write the files without errors and leave the previous output of the others (`--keep-going`;
        /// `nil` means stepdoc.yml's `keep-going`).
        public var keepGoing: Bool?

        public init(
            output: String? = nil, formats: [String]? = nil, templates: String? = nil, template: String? = nil,
            fragment: Bool = false, usesCache: Bool = true, keepGoing: Bool? = nil
        ) {
            self.keepGoing = keepGoing
            self.output = output
            self.formats = formats
            self.templates = templates
            self.template = template
            self.fragment = fragment
            self.usesCache = usesCache
        }
    }

    public init(inputs: ProjectInputs, options: Options = Options()) {
        self.inputs = inputs
        self.options = options
    }

    /// The phases a long build reports progress in.
    public enum Phase: String, Sendable {
        case reading, rendering
    }

    /// What a build did.
    public struct Result: Sendable {
        public var report: DiagnosticReport
        /// What stopped the build or part of it.
        public var failures: [StepDocFailure]
        /// The files read, for excerpts.
        public var sources: [SourceFile]
        /// The output files written, in order.
        public var written: [String]
        /// Outputs of sources that no longer exist, removed.
        public var removed: [String] = []
        /// Images and scripts copied beside the pages (those already there and unchanged are not).
        public var copied = 0
        /// Whether pages link a code highlighter that is not installed (they read the same without it).
        public var highlighterMissing = false
        /// Procedures read and rendered, and those the cache found unchanged.
        public var processed: Int
        public var upToDate: Int
        public var outputFolder: String
        /// Whether the build refused to write because of errors (or warnings with `--strict`).
        public var refused: Bool
        /// With `--keep-going`: the sources not written (their previous output is left), and why.
        public var skipped: [(path: String, reason: String)] = []
        public var status: ExitStatus

        static func stopped(_ failure: StepDocFailure, outputFolder: String = "") -> Result {
            Result(
                report: DiagnosticReport(diagnostics: [], files: []), failures: [failure], sources: [], written: [],
                processed: 0, upToDate: 0, outputFolder: outputFolder, refused: false, status: .stopped)
        }
    }

    public func run(progress: (@Sendable (Phase, Int, Int) -> Void)? = nil) -> Result {
        do throws(StepDocFailure) {
            return try build(progress: progress)
        } catch {
            return .stopped(error)
        }
    }

    private func build(progress: (@Sendable (Phase, Int, Int) -> Void)?) throws(StepDocFailure) -> Result {
        let project = try Project.load(inputs)
        let config = project.config
        let directory = inputs.directory
        let targets = try Self.targets(options.formats ?? config.formats)
        let discovery = try project.discover()
        let outputFolder = options.output ?? config.output
        let collisions = Self.collisions(discovery.entries, outputFolder: outputFolder, target: targets[0])
        if let first = collisions.first {
            var result = Result.stopped(first, outputFolder: outputFolder)
            result.failures = collisions
            return result
        }
        let templatesFolder = options.templates ?? config.templates
        let templateName = options.template ?? config.template
        let templateSet =
            targets.contains(.html)
            ? try TemplateLoader.load(
                directory: templatesFolder, name: templateName, folderRequired: options.templates != nil, in: directory)
            : nil
        let settings = ProjectBuild.Settings(
            config: config, paths: project.contentPaths, sourceRoot: project.sourceRoot(entries: discovery.entries),
            targets: targets, templates: templateSet, outputFolder: options.output ?? config.output,
            fragment: options.fragment, jobs: inputs.jobs, parity: try project.parity(), directory: directory)
        // Kept with --no-cache too: it also records what was written, for removing stale outputs.
        var cache = BuildCache(
            outputFolder: settings.outputFolder, settings: settingsKey(project, targets: targets),
            reuses: options.usesCache, in: directory)
        let total = discovery.entries.count
        var reading: (@Sendable (Int) -> Void)? = nil
        if let progress { reading = { done in progress(.reading, done, total) } }
        var build = ProjectBuild.read(settings, discovery: discovery, cache: cache, progress: reading)

        var result = Result(
            report: build.report, failures: build.failures, sources: build.sources.map(\.file), written: [],
            processed: build.sources.count, upToDate: build.upToDate.count, outputFolder: settings.outputFolder,
            refused: false, status: .clean)
        let keepGoing = options.keepGoing ?? config.keepGoing
        if !build.failures.isEmpty && !keepGoing {
            result.status = .stopped
            return result
        }
        if ExitStatus(build.report, strict: inputs.strict) != .clean {
            guard keepGoing else {
                result.refused = true
                result.status = .findings
                return result
            }
            // Only the files with errors (or warnings with --strict) are left out; discovery's own
            // findings (an unreadable folder) name no file to leave out.
            var kept: [ProcessedSource] = []
            for source in build.sources {
                let blocking = source.diagnostics.filter {
                    $0.severity == .error || (inputs.strict && $0.severity == .warning)
                }
                guard let first = blocking.first else {
                    kept.append(source)
                    continue
                }
                let more = blocking.count == 1 ? "" : " (and \(blocking.count - 1) more)"
                let at = first.location.map { " (line \($0.range.lowerBound.line))" } ?? ""
                result.skipped.append((source.entry.path, first.summary + at + more))
            }
            build.sources = kept
        }
        for failure in build.failures {
            result.skipped.append((failure.diagnostic.location?.file ?? "", failure.description))
        }

        // What rendering needs is the model; the sources' bytes can go (a 10 MiB file holds 15 MiB).
        let procedures = build.sources.map { ($0.entry, $0.procedure) }
        let built = build.sources.map {
            (name: $0.entry.name, path: $0.entry.path, dependencies: $0.procedure.includedFiles,
             clean: $0.diagnostics.isEmpty)
        }
        // No output may replace a file the build read (an include under the output folder).
        let protection = OutputProtection(
            inputs: build.inputs + [project.configPath, (templatesFolder as NSString).appendingPathComponent(templateName)],
            in: directory)
        for (entry, _) in procedures {
            for target in targets {
                try protection.checkNotAnInput(
                    "\(settings.outputFolder)/\(target.rawValue)/\(entry.name).\(target.fileExtension)", in: directory)
            }
        }
        build.sources.removeAll()
        for target in targets {
            AtomicWriter.removeStrayTemporaries(
                under: (settings.outputFolder as NSString).appendingPathComponent(target.rawValue), in: directory)
        }
        let folders = Set(
            procedures.flatMap { entry, _ in targets.map { "\(settings.outputFolder)/\($0.rawValue)/\(entry.name)" } }
                .map { ($0 as NSString).deletingLastPathComponent })
        for folder in folders.sorted() { try AtomicWriter.makeDirectory(folder, in: directory) }
        let count = procedures.count
        var rendering: (@Sendable (Int) -> Void)? = nil
        if let progress { rendering = { done in progress(.rendering, done, count) } }
        // Each output is written as soon as it is rendered, so only one per thread is held at a time.
        let written = ProjectBuild.render(procedures, settings: settings, progress: rendering) {
            path, text -> (String, StepDocFailure?) in
            do throws(StepDocFailure) {
                try AtomicWriter.write(text, to: path, in: directory)
                return (path, nil)
            } catch {
                return (path, error)
            }
        }.flatMap { $0 }
        if let failure = written.compactMap(\.1).first { throw failure }
        result.written = written.map(\.0)
        // Images next to the pages that show them, and the code highlighter.
        let assets = SiteAssets(procedures: procedures.map(\.1), outputFolder: settings.outputFolder, targets: targets)
        result.copied = try assets.copy(in: directory)
        result.highlighterMissing = targets.contains(.html) && !SiteAssets.highlighterIsInstalled
        for entry in build.upToDate { cache.keep(entry.name) }
        var outputs: Set<String> = []
        for source in built {
            let written = targets.map { "\(settings.outputFolder)/\($0.rawValue)/\(source.name).\($0.fileExtension)" }
            outputs.formUnion(written)
            cache.record(
                source.name, path: source.path, hash: build.sourceHashes[source.name] ?? "", dependencies: source.dependencies,
                outputs: written, reusable: source.clean && build.sourceHashes[source.name] != nil)
        }
        // The pages of sources deleted since they were built, which readers would otherwise keep seeing.
        result.removed = cache.removeOutputsOfDeletedSources(keeping: outputs)
        try cache.save()
        if !build.failures.isEmpty {
            result.status = .stopped
        } else if !result.skipped.isEmpty {
            result.status = .findings
        }
        return result
    }

    /// Everything besides the sources that the outputs depend on: stepdoc itself, the configuration,
    /// the options and the templates. A change to any of them rebuilds everything.
    private func settingsKey(_ project: Project, targets: [RenderTarget]) -> String {
        let config = project.config
        let directory = inputs.directory
        let templateName = options.template ?? config.template
        var parts = [
            StepDocVersion.current, targets.map(\.rawValue).joined(separator: ","), String(options.fragment),
            config.tags.sorted().joined(separator: ","), templateName,
        ]
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            parts.append("\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
        }
        parts.append(
            FileManager.default.contents(atPath: directory.resolve(project.configPath)).map {
                ContentHash.hex([UInt8]($0))
            } ?? "no config")
        let folder = directory.resolve(
            ((options.templates ?? config.templates) as NSString).appendingPathComponent(templateName))
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
            parts.append(name + "=" + (data.map { ContentHash.hex([UInt8]($0)) } ?? ""))
        }
        return ContentHash.hex(parts.joined(separator: "\n"))
    }

    /// Sources that would write one output file (one name in two content folders, `steps-x.rst` beside
    /// `steps-x.yaml`): each after the first, naming the first and the output of `target`.
    static func collisions(_ entries: [SourceEntry], outputFolder: String, target: RenderTarget) -> [StepDocFailure] {
        var first: [String: String] = [:]
        var failures: [StepDocFailure] = []
        for entry in entries {
            if let other = first[entry.name] {
                let output = "\(outputFolder)/\(target.rawValue)/\(entry.name).\(target.fileExtension)"
                failures.append(.outputCollision(path: entry.path, other: other, output: output))
            } else {
                first[entry.name] = entry.path
            }
        }
        return failures
    }

    /// The targets named by `--format` or `formats:`, each once.
    static func targets(_ names: [String]) throws(StepDocFailure) -> [RenderTarget] {
        var targets: [RenderTarget] = []
        for name in names {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let target = RenderTarget(rawValue: trimmed) else {
                throw .usage("unknown format '\(trimmed)'; expected html, text or markdown")
            }
            if !targets.contains(target) { targets.append(target) }
        }
        guard !targets.isEmpty else { throw .usage("--format needs at least one of html, text, markdown") }
        return targets
    }
}
