import ArgumentParser
import Foundation
import StepModel
import StepRender
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
        let templateSet = targets.contains(.html)
            ? try TemplateLoader.load(directory: templates ?? config.templates, name: template ?? config.template) : nil
        let settings = ProjectBuild.Settings(
            config: config, paths: project.contentPaths(config),
            sourceRoot: project.sourceRoot(config, entries: discovery.entries), targets: targets,
            templates: templateSet, outputFolder: output ?? config.output, fragment: fragment, jobs: project.jobCount)
        let progress = ProgressLine(total: discovery.entries.count, verb: "reading")
        var build = ProjectBuild.read(settings, discovery: discovery, progress: progress.callback)
        progress.finish()

        let report = build.report
        if !report.diagnostics.isEmpty {
            var reporter = TextReporter(
                useColor: TextReporter.wantsColor(fileDescriptor: 2), sources: SourceExcerpts(build.sources.map(\.file)))
            printError(reporter.render(report))
        }
        for failure in build.failures { _ = fail(failure) }
        if !build.failures.isEmpty { throw ExitCode(2) }
        if report.errorCount > 0 || (project.strict && report.warningCount > 0) {
            printError("nothing written: fix the errors above (the previous output is unchanged)\n")
            throw ExitCode(1)
        }

        let renderProgress = ProgressLine(total: build.sources.count, verb: "rendering")
        build.render(settings, progress: renderProgress.callback)
        renderProgress.finish()
        for target in targets {
            AtomicWriter.removeStrayTemporaries(under: (settings.outputFolder as NSString).appendingPathComponent(target.rawValue))
        }
        for (path, text) in build.outputs {
            try AtomicWriter.write(text.utf8, to: path)
        }
        let procedures = build.sources.count == 1 ? "1 procedure" : "\(build.sources.count) procedures"
        print("built \(procedures): \(build.outputs.count) files in \(settings.outputFolder)/")
        finish(0)
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
