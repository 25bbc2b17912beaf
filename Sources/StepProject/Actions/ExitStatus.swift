/// How a run ended, as stepdoc's exit codes say it.
public enum ExitStatus: Int32, Sendable, Comparable {
    /// Nothing to report (or nothing that fails the run).
    case clean = 0
    /// Findings: errors, or warnings with `--strict`; or a check that failed.
    case findings = 1
    /// The run stopped: a usage error, unreadable input, an unwritable output, an internal failure.
    case stopped = 2

    /// The status of a report: findings when it has errors, or warnings and `strict`.
    public init(_ report: DiagnosticReport, strict: Bool) {
        self = report.errorCount > 0 || (strict && report.warningCount > 0) ? .findings : .clean
    }

    public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
