import StepProject
import StepReports
import StepSyntax

extension Terminal {
    /// Prints a failure that stops a command (or part of it) to standard error, ending with its rule id
    /// as every finding does.
    func report(_ failure: StepDocFailure) {
        let prefix = colorsError ? "\u{1B}[1;31merror:\u{1B}[0m " : "error: "
        let message = failure.description + " [\(failure.diagnostic.id)]"
        // Failures that carry their own position already say "error:".
        if let range = message.range(of: ": error: ") {
            writeError(message.replacingCharacters(in: range, with: ": " + prefix) + "\n")
        } else {
            writeError(prefix + message + "\n")
        }
    }

    /// Prints a run's findings and its count line to standard error.
    func reportFindings(_ report: DiagnosticReport, sources: [SourceFile]) {
        guard !report.diagnostics.isEmpty else { return }
        var reporter = TextReporter(useColor: colorsError, sources: SourceExcerpts(sources, directory: directory))
        writeError(reporter.render(report))
    }

    /// Prints findings to standard error, with excerpts from `sources` (or from disk).
    func reportFindings(_ diagnostics: [Diagnostic], sources: [SourceFile] = []) {
        guard !diagnostics.isEmpty else { return }
        var reporter = TextReporter(useColor: colorsError, sources: SourceExcerpts(sources, directory: directory))
        writeError(diagnostics.map { reporter.render($0) }.joined())
    }

    /// The status a command ends with, given what it did: a failed write to a standard stream stops
    /// the run (it lost output), whatever else happened.
    func finalStatus(_ status: ExitStatus) -> ExitStatus {
        guard let failure = writeFailure else { return status }
        // Standard error may be the stream that failed; try anyway.
        report(failure)
        return .stopped
    }
}
