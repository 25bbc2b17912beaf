/// The formats `stepdoc check` writes its findings in.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Compiler-style lines with source excerpts, for people.
    case text
    /// One JSON document (``JSONReporter``).
    case json
    /// GitHub Actions workflow commands, plus the job summary (``GitHubReporter``).
    case github
    /// SARIF 2.1.0, for code scanning (``SARIFReporter``).
    case sarif
    /// JUnit XML, for test-result views (``JUnitReporter``).
    case junit

    /// `text, json, github, sarif or junit`, for messages.
    public static var list: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}
