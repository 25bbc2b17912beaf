import ArgumentParser
import Foundation
import StepModel
import StepSyntax

/// `stepdoc check`: validate step files (and docs/code parity) without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check step files: structure, both branches, numbering, roles, links, includes.",
        discussion: "Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 unreadable input or usage error.")

    @OptionGroup var project: ProjectOptions

    func run() throws {
        do {
            try check()
        } catch let failure as StepDocFailure {
            throw fail(failure)
        }
    }

    private func check() throws {
        let config = try project.loadConfig()
        let discovery = try ContentDiscovery.discover(project.contentPaths(config))
        let settings = ProjectBuild.Settings(
            config: config, paths: project.contentPaths(config),
            sourceRoot: project.sourceRoot(config, entries: discovery.entries), targets: [], templates: nil,
            outputFolder: config.output, jobs: project.jobCount)
        var build = ProjectBuild.read(settings, discovery: discovery)
        try ProjectParity.check(&build, settings: settings, configPath: project.configPath ?? ConfigLoader.defaultPath)
        let report = build.report
        var reporter = TextReporter(
            useColor: TextReporter.wantsColor(fileDescriptor: 1), sources: SourceExcerpts(build.sources.map(\.file)))
        if build.failures.isEmpty {
            print(reporter.render(report), terminator: "")
        } else {
            for diagnostic in report.diagnostics { print(reporter.render(diagnostic), terminator: "") }
            for failure in build.failures { _ = fail(failure) }
            throw ExitCode(2)
        }
        if report.errorCount > 0 || (project.strict && report.warningCount > 0) { throw ExitCode(1) }
    }
}
