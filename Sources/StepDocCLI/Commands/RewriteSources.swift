import StepModel
import StepProject
import StepReports
import StepSyntax

/// What `fmt` and `convert` start from: the step files found under their paths (or the configured
/// content), and a pipeline to read them with. Discovery's own findings are printed on creation.
struct RewriteSources {
    let discovery: ContentDiscovery.Result
    let pipeline: Pipeline

    init(paths: [String], configPath: String?) throws(StepDocFailure) {
        let config = try ConfigLoader.load(path: configPath ?? ConfigLoader.defaultPath, required: configPath != nil)
        discovery = try ContentDiscovery.discover(paths.isEmpty ? config.content : paths)
        let sourceRoot =
            config.sourceRoot ?? (paths.isEmpty ? config.content.first : nil) ?? discovery.entries.first?.root ?? "."
        pipeline = Pipeline(config: config, sourceRoot: sourceRoot)
        Self.print(discovery.diagnostics)
    }

    /// Prints findings to standard error, with excerpts from `file` when given.
    static func print(_ diagnostics: [Diagnostic], excerptsFrom file: SourceFile? = nil) {
        var reporter = TextReporter(
            useColor: TextReporter.wantsColor(fileDescriptor: 2), sources: SourceExcerpts(file.map { [$0] } ?? []))
        for diagnostic in diagnostics { printError(reporter.render(diagnostic)) }
    }
}
