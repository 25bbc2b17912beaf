import Foundation
import StepSyntax

/// Writes the findings of a check as `--format` and `--report` ask: one format on standard output, any
/// number to files (each written atomically), and the GitHub job summary when the `github` format is
/// among them.
///
/// When parts of the run failed (an input could not be read), every report still gets what was found,
/// with each failure added as an error finding, so no report of such a run looks clean.
struct ReportWriter {
    var options: ReportOptions
    /// Whether warnings fail the run (`--strict`), for JUnit's failures.
    var strict: Bool
    var environment: [String: String]

    init(options: ReportOptions, strict: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.strict = strict
        self.environment = environment
    }

    /// Prints and writes `report`; returns what could not be written.
    func write(_ report: DiagnosticReport, failures: [StepDocFailure], sources: [SourceFile]) -> [StepDocFailure] {
        let complete = failures.isEmpty ? report : report.recording(failures)
        let completed = failures.isEmpty
        if options.format == .text {
            // On a terminal the failures go to standard error, after the findings and without a count line.
            var reporter = TextReporter(
                useColor: TextReporter.wantsColor(fileDescriptor: 1), sources: SourceExcerpts(sources))
            let text =
                failures.isEmpty ? reporter.render(report) : report.diagnostics.map { reporter.render($0) }.joined()
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            FileHandle.standardOutput.write(
                Data(render(options.format, complete, completed: completed, sources: sources).utf8))
        }
        var problems: [StepDocFailure] = []
        for destination in options.reports {
            do {
                try AtomicWriter.write(
                    Array(render(destination.format, complete, completed: completed, sources: sources).utf8),
                    to: destination.path)
            } catch {
                problems.append(error)
            }
        }
        if options.format == .github || options.reports.contains(where: { $0.format == .github }) {
            do {
                try GitHubStepSummary().append(complete, environment: environment)
            } catch {
                problems.append(error)
            }
        }
        return problems
    }

    /// Writes the reports of a run that stopped before it had a report (a missing input, a broken
    /// stepdoc.yml), so they say why instead of keeping an earlier run's findings.
    func write(stoppedBy failure: StepDocFailure) -> [StepDocFailure] {
        write(DiagnosticReport(diagnostics: [], files: []), failures: [failure], sources: [])
    }

    /// The report in `format`, without colour; `completed` says whether the run read all its input.
    func render(_ format: ReportFormat, _ report: DiagnosticReport, completed: Bool, sources: [SourceFile]) -> String {
        let excerpts = SourceExcerpts(sources)
        switch format {
        case .text:
            var reporter = TextReporter(useColor: false, sources: excerpts)
            return reporter.render(report)
        case .json:
            return JSONReporter().render(report)
        case .github:
            var reporter = GitHubReporter(sources: excerpts)
            return reporter.render(report)
        case .sarif:
            var reporter = SARIFReporter(executionSuccessful: completed, sources: excerpts)
            return reporter.render(report)
        case .junit:
            return JUnitReporter(strict: strict).render(report)
        }
    }
}
