import StepModel
import StepSyntax

/// The findings of one run, with what the CI formats need besides them.
public struct DiagnosticReport: Sendable {
    /// All findings, in source order.
    public var diagnostics: [Diagnostic]
    /// Every source file the run read (also those without findings).
    public var files: [String]
    /// The steps of each file, for JUnit test cases and SARIF fingerprints.
    public var steps: [String: [StepSummary]]

    public init(diagnostics: [Diagnostic], files: [String], steps: [String: [StepSummary]] = [:]) {
        self.diagnostics = diagnostics
        self.files = files
        self.steps = steps
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// `2 errors, 1 warning in 3 files`, or `no problems in 3 files`.
    public var summaryLine: String {
        let fileText = files.count == 1 ? "1 file" : "\(files.count) files"
        let errors = errorCount
        let warnings = warningCount
        if errors == 0 && warnings == 0 { return "no problems in \(fileText)" }
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        return parts.joined(separator: ", ") + " in " + fileText
    }
}

/// A step as reports name it: its number, title and where it is.
public struct StepSummary: Sendable, Equatable {
    public var number: String
    public var title: String
    public var range: SourceRange

    public init(number: String, title: String, range: SourceRange) {
        self.number = number
        self.title = title
        self.range = range
    }

    public init(_ step: Step) {
        self.init(number: step.primary.numberText, title: step.titleText, range: step.range)
    }

    /// The step a diagnostic at `location` belongs to, if any.
    public static func containing(_ location: SourceLocation, in steps: [StepSummary]) -> StepSummary? {
        steps.last { $0.range.lowerBound <= location && location <= $0.range.upperBound }
    }
}
