import ArgumentParser
import Foundation
import StepModel
import StepProject
import StepReports
import StepSyntax

/// `stepdoc check`: validate step files (and docs/code parity) without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check step files: structure, both branches, numbering, roles, links, includes.",
        discussion: "Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 unreadable input or usage error.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var reporting: ReportOptions

    func run() throws {
        let writer = ReportWriter(
            format: reporting.format, reports: reporting.reports, strict: project.strict,
            useColor: TextReporter.wantsColor(fileDescriptor: 1))
        do {
            try check(writer)
        } catch let failure as StepDocFailure {
            let written = writer.write(stoppedBy: failure)
            FileHandle.standardOutput.write(Data(written.standardOutput.utf8))
            for problem in written.problems { _ = fail(problem) }
            throw fail(failure)
        }
    }

    private func check(_ writer: ReportWriter) throws {
        let config = try project.loadConfig()
        let discovery = try ContentDiscovery.discover(project.contentPaths(config))
        let settings = ProjectBuild.Settings(
            config: config, paths: project.contentPaths(config),
            sourceRoot: project.sourceRoot(config, entries: discovery.entries), targets: [], templates: nil,
            outputFolder: config.output, jobs: project.jobCount,
            parity: try ProjectParity(config: config, configPath: project.configPath ?? ConfigLoader.defaultPath))
        let build = ProjectBuild.read(settings, discovery: discovery)
        let report = build.report
        let written = writer.write(report, failures: build.failures, sources: build.sources.map(\.file))
        FileHandle.standardOutput.write(Data(written.standardOutput.utf8))
        let problems = build.failures + written.problems
        for problem in problems { _ = fail(problem) }
        if !problems.isEmpty { finish(2) }
        finish(report.errorCount > 0 || (project.strict && report.warningCount > 0) ? 1 : 0)
    }
}
