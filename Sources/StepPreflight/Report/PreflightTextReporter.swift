import StepProject

/// Preflight results as text for people: one line per step with `✔` / `✘` / `?` / `–`, its documented
/// number and title; under a step that failed or cannot tell, the reason and the step's documented body,
/// indented. Colour only when asked (on a terminal, never with NO_COLOR).
public struct PreflightTextReporter: Sendable {
    public var useColor: Bool

    /// Columns the documented body is indented by; render bodies `indent` narrower than the page.
    public static let bodyIndent = 6

    public init(useColor: Bool) {
        self.useColor = useColor
    }

    public func render(_ report: PreflightReport) -> String {
        var output = "Preflight of \(report.procedure) (suite \(report.suite)) with the facts of \(report.facts)\n\n"
        for result in report.results {
            output += render(result)
        }
        // One blank line before the summary, whether or not the last step ended with its documentation.
        while output.hasSuffix("\n\n") {
            output.removeLast()
        }
        output += "\n" + paint(report.summaryLine, report.passed ? .green : .bold) + "\n"
        return output
    }

    public func render(_ result: PreflightResult) -> String {
        let status = result.status
        let style: Style =
            switch status {
            case .pass: .green
            case .fail: .red
            case .cannotTell: .yellow
            case .noCheck: .dim
            }
        var line = paint(status.symbol, style) + "  "
        if let step = result.step {
            line += "Step \(step): \(result.title)"
        } else {
            line += "check '\(result.check ?? "")' (no documented step): \(result.title)"
        }
        if status == .noCheck {
            line += paint(" (no check)", .dim)
        }
        var output = line + "\n"
        guard status == .fail || status == .cannotTell else { return output }
        if let reason = result.reason {
            output += "   " + (status == .cannotTell ? "cannot tell: " : "") + reason + "\n"
        }
        if let fact = result.missingFact {
            output += "   missing fact: \(fact)\n"
        }
        if let remedy = result.remedy {
            output += "   to fix: " + remedy + "\n"
        }
        var documentation = result.documentation
        while documentation.hasSuffix("\n") {
            documentation.removeLast()
        }
        if !documentation.isEmpty {
            let indent = String(repeating: " ", count: Self.bodyIndent)
            output += "\n"
            for text in documentation.split(separator: "\n", omittingEmptySubsequences: false) {
                output += (text.isEmpty ? "" : indent + text) + "\n"
            }
            output += "\n"
        }
        return output
    }

    private enum Style {
        case bold, dim, red, yellow, green
    }

    private func paint(_ text: String, _ style: Style) -> String {
        guard useColor else { return text }
        let code =
            switch style {
            case .bold: "1"
            case .dim: "2"
            case .red: "1;31"
            case .yellow: "1;33"
            case .green: "1;32"
            }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
