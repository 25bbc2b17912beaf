import Foundation
import StepProject
import StepSyntax

/// Writes the findings of a check as `--format` and `--report` ask: one format on standard output, any
/// number to files (each written atomically), and the GitHub job summary when the `github` format is
/// among them.
///
/// When parts of the run failed (an input could not be read), every report still gets what was found,
/// with each failure added as an error finding, so no report of such a run looks clean.
public struct ReportWriter {
    /// What goes to standard output.
    public var format: ReportFormat
    /// The files `--report` asks for, in the order given.
    public var reports: [ReportDestination]
    /// Whether warnings fail the run (`--strict`), for JUnit's failures.
    public var strict: Bool
    /// Whether the text format on standard output is coloured.
    public var useColor: Bool
    public var environment: [String: String]
    /// Where relative report paths are written and source paths are made relative to.
    public var directory: WorkingDirectory
    /// What reports must not replace: the run's inputs, and files stepdoc did not write.
    public var protection: OutputProtection

    public init(
        format: ReportFormat, reports: [ReportDestination], strict: Bool, useColor: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment, directory: WorkingDirectory = .current,
        protection: OutputProtection = .none
    ) {
        self.directory = directory
        self.protection = protection
        self.format = format
        self.reports = reports
        self.strict = strict
        self.useColor = useColor
        self.environment = environment
    }

    /// What a run's reports came to: the text for standard output, and what could not be written.
    public struct Written {
        public var standardOutput: String
        public var problems: [StepDocFailure]
    }

    /// Writes the `--report` files, then renders `report` for standard output. A report that could not
    /// be written is one more failure of the run, so standard output never says "no problems" above
    /// the error that one of its reports is missing.
    public func write(_ report: DiagnosticReport, failures: [StepDocFailure], sources: [SourceFile]) -> Written {
        let complete = failures.isEmpty ? report : report.recording(failures)
        let completed = failures.isEmpty
        var problems: [StepDocFailure] = []
        for destination in reports {
            do {
                try protection.check(destination.path, in: directory)
                try AtomicWriter.write(
                    Array(render(destination.format, complete, completed: completed, sources: sources).utf8),
                    to: destination.path, in: directory)
            } catch {
                problems.append(error)
            }
        }
        if format == .github || reports.contains(where: { $0.format == .github }) {
            do {
                if let summary = environment[GitHubStepSummary.environmentKey], !summary.isEmpty {
                    try protection.checkNotAnInput(summary, in: directory)
                }
                try GitHubStepSummary().append(complete, environment: environment, directory: directory)
            } catch {
                problems.append(error)
            }
        }
        let all = failures + problems
        let standardOutput: String
        if format == .text {
            // On a terminal the failures go to standard error, after the findings and without a count line.
            var reporter = TextReporter(useColor: useColor, sources: SourceExcerpts(sources, directory: directory))
            standardOutput =
                all.isEmpty ? reporter.render(report) : report.diagnostics.map { reporter.render($0) }.joined()
        } else {
            let stopped = all.isEmpty ? report : report.recording(all)
            standardOutput = render(format, stopped, completed: all.isEmpty, sources: sources)
        }
        return Written(standardOutput: standardOutput, problems: problems)
    }

    /// Writes the reports of a run that stopped before it had a report (a missing input, a broken
    /// stepdoc.yml), so they say why instead of keeping an earlier run's findings.
    public func write(stoppedBy failure: StepDocFailure) -> Written {
        write(DiagnosticReport(diagnostics: [], files: []), failures: [failure], sources: [])
    }

    /// The folder GitHub annotations and SARIF name files from: the repository (`GITHUB_WORKSPACE`) when
    /// the run is inside it, as GitHub resolves both against the repository's root, so a run in a
    /// subfolder (the action's `working-directory`) still points at the right files; else the run's folder.
    var pathBase: String {
        let run = URL(fileURLWithPath: directory.path).standardizedFileURL.path
        guard let workspace = environment["GITHUB_WORKSPACE"], workspace.hasPrefix("/") else { return run }
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path
        return run == root || run.hasPrefix(root.hasSuffix("/") ? root : root + "/") ? root : run
    }

    /// The report in `format`, without colour; `completed` says whether the run read all its input.
    public func render(_ format: ReportFormat, _ report: DiagnosticReport, completed: Bool, sources: [SourceFile])
        -> String
    {
        let excerpts = SourceExcerpts(sources, directory: directory)
        switch format {
        case .text:
            var reporter = TextReporter(useColor: false, sources: excerpts)
            return reporter.render(report)
        case .json:
            return JSONReporter().render(report)
        case .github:
            var reporter = GitHubReporter(sources: excerpts, currentDirectory: directory.path, pathBase: pathBase)
            return reporter.render(report)
        case .sarif:
            var reporter = SARIFReporter(
                executionSuccessful: completed, sources: excerpts, currentDirectory: directory.path,
                pathBase: pathBase)
            return reporter.render(report)
        case .junit:
            return JUnitReporter(strict: strict).render(report)
        }
    }
}
