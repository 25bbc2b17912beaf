import StepProject
import StepSyntax

/// Errors and warnings counted for a summary line: "2 errors, 1 warning".
package struct PreviewTally: Sendable, Equatable {
    package var errors = 0
    package var warnings = 0

    /// Counts `diagnostics`; with `strict`, warnings count as errors, as `check --strict` fails on them.
    package init(_ diagnostics: some Sequence<Diagnostic>, strict: Bool) {
        for diagnostic in diagnostics {
            switch PreviewTally.severity(of: diagnostic, strict: strict) {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: break
            }
        }
    }

    package var total: Int { errors + warnings }

    package var summary: String {
        if total == 0 { return "no findings" }
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        return parts.joined(separator: ", ")
    }

    /// The severity shown for a diagnostic.
    package static func severity(of diagnostic: Diagnostic, strict: Bool) -> Diagnostic.Severity {
        strict && diagnostic.severity == .warning ? .error : diagnostic.severity
    }
}
