import ArgumentParser
import Foundation
import StepModel
import StepProject
import StepRender
import StepReports
import StepSyntax

/// `stepdoc build`: render step files to HTML, plain text and CommonMark.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render step files to HTML, plain text and CommonMark.",
        discussion: """
            Writes output/html/NAME.html, output/text/NAME.txt and output/markdown/NAME.md, NAME being the \
            source path relative to its content folder. Each file is written atomically; when any error is \
            found nothing is written and the previous output stays as it was.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .customLong("output"), help: "The output folder (default: output/).")
    var output: String?

    @Option(name: .customLong("format"), help: "Comma-separated targets: html, text, markdown (default: html,text).")
    var formats: String?

    @Option(name: .customLong("templates"), help: "The templates folder (default: templates/).")
    var templates: String?

    @Option(name: .customLong("template"), help: "The template set in the templates folder (default, giza …).")
    var template: String?

    @Flag(name: .customLong("fragment"), help: "Write the procedure without page chrome, for embedding.")
    var fragment = false

    @Flag(name: .customLong("no-cache"), help: "Rebuild every source, ignoring what the last build recorded.")
    var noCache = false

    func run() throws {
        do {
            try build()
        } catch let failure as StepDocFailure {
            throw fail(failure)
        }
    }

    private func build() throws {
        let config = try project.loadConfig()
        let targets = try parseTargets(formats.map { $0.split(separator: ",").map(String.init) } ?? config.formats)
        let discovery = try ContentDiscovery.discover(project.contentPaths(config))
        let templateSet =
            targets.contains(.html)
            ? try TemplateLoader.load(directory: templates ?? config.templates, name: template ?? config.template) : nil
        let settings = ProjectBuild.Settings(
            config: config, paths: project.contentPaths(config),
            sourceRoot: project.sourceRoot(config, entries: discovery.entries), targets: targets,
            templates: templateSet, outputFolder: output ?? config.output, fragment: fragment, jobs: project.jobCount,
            parity: try ProjectParity(config: config, configPath: project.configPath ?? ConfigLoader.defaultPath))
        let cache =
            noCache
            ? nil
            : BuildCache(
                outputFolder: settings.outputFolder, settings: settingsKey(config: config, targets: targets))
        let progress = ProgressLine(total: discovery.entries.count, verb: "reading")
        var build = ProjectBuild.read(settings, discovery: discovery, cache: cache, progress: progress.callback)
        progress.finish()

        let report = build.report
        if !report.diagnostics.isEmpty {
            var reporter = TextReporter(
                useColor: TextReporter.wantsColor(fileDescriptor: 2), sources: SourceExcerpts(build.sources.map(\.file))
            )
            printError(reporter.render(report))
        }
        for failure in build.failures { _ = fail(failure) }
        if !build.failures.isEmpty { throw ExitCode(2) }
        if report.errorCount > 0 || (project.strict && report.warningCount > 0) {
            printError("nothing written: fix the errors above (the previous output is unchanged)\n")
            throw ExitCode(1)
        }

        // What rendering needs is the model; the sources' bytes can go (a 10 MiB file holds 15 MiB).
        let procedures = build.sources.map { ($0.entry, $0.procedure) }
        let clean = build.sources.filter(\.diagnostics.isEmpty).map {
            ($0.entry.name, $0.entry.path, $0.procedure.includedFiles)
        }
        let processedCount = build.sources.count
        build.sources.removeAll()
        for target in targets {
            AtomicWriter.removeStrayTemporaries(
                under: (settings.outputFolder as NSString).appendingPathComponent(target.rawValue))
        }
        for folder in Set(
            procedures.flatMap { entry, _ in
                targets.map { "\(settings.outputFolder)/\($0.rawValue)/\(entry.name)" }
            }.map { ($0 as NSString).deletingLastPathComponent })
        {
            try AtomicWriter.makeDirectory(folder)
        }
        let renderProgress = ProgressLine(total: procedures.count, verb: "rendering")
        // Each output is written as soon as it is rendered, so only one per thread is held at a time.
        let written = ProjectBuild.render(procedures, settings: settings, progress: renderProgress.callback) {
            path, text -> StepDocFailure? in
            do throws(StepDocFailure) {
                try AtomicWriter.write(text, to: path)
                return nil
            } catch {
                return error
            }
        }.flatMap { $0 }
        renderProgress.finish()
        if let failure = written.compactMap({ $0 }).first { throw failure }
        // Images next to the pages that show them, and the code highlighter.
        let assets = SiteAssets(
            procedures: procedures.map(\.1), outputFolder: settings.outputFolder, targets: targets)
        let copied = try assets.copy()
        if targets.contains(.html), !SiteAssets.highlighterIsInstalled {
            printError(
                "warning: code is not highlighted: \(SiteAssets.highlighterSource) is missing "
                    + "(apt-get install libjs-highlight.js)\n")
        }
        if var cache {
            for entry in build.upToDate { cache.keep(entry.name) }
            for (name, path, dependencies) in clean {
                guard let hash = build.sourceHashes[name] else { continue }
                let outputs = settings.targets.map {
                    "\(settings.outputFolder)/\($0.rawValue)/\(name).\($0.fileExtension)"
                }
                cache.record(name, path: path, hash: hash, dependencies: dependencies, outputs: outputs)
            }
            try cache.save()
        }
        let total = processedCount + build.upToDate.count
        var summary = "built \(total == 1 ? "1 procedure" : "\(total) procedures"): \(written.count) files written"
        if !build.upToDate.isEmpty { summary += ", \(build.upToDate.count) up to date" }
        if copied > 0 { summary += ", \(copied) \(copied == 1 ? "image or script" : "images and scripts") copied" }
        print(summary + " in \(settings.outputFolder)/")
        finish(0)
    }

    /// Everything besides the sources that the outputs depend on: stepdoc itself, the configuration,
    /// the options and the templates. A change to any of them rebuilds everything.
    private func settingsKey(config: StepDocConfig, targets: [RenderTarget]) -> String {
        var parts = [
            StepDocVersion.current, targets.map(\.rawValue).joined(separator: ","), String(fragment),
            config.tags.sorted().joined(separator: ","), template ?? config.template,
        ]
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            parts.append("\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
        }
        let configPath = project.configPath ?? ConfigLoader.defaultPath
        parts.append(
            FileManager.default.contents(atPath: configPath).map { ContentHash.hex([UInt8]($0)) } ?? "no config")
        let folder = ((templates ?? config.templates) as NSString).appendingPathComponent(template ?? config.template)
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
            parts.append(name + "=" + (data.map { ContentHash.hex([UInt8]($0)) } ?? ""))
        }
        return ContentHash.hex(parts.joined(separator: "\n"))
    }

    private func parseTargets(_ names: [String]) throws(StepDocFailure) -> [RenderTarget] {
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
