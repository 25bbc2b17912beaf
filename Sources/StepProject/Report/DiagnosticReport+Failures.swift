import StepSyntax

extension DiagnosticReport {
    /// The report with each failure that stopped part of the run added as an error finding at the end.
    public func recording(_ failures: [StepDocFailure]) -> DiagnosticReport {
        var report = self
        report.diagnostics.append(contentsOf: failures.map(\.diagnostic))
        return report
    }
}
