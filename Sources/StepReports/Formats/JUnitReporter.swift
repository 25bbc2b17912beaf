import StepProject
import StepSyntax

/// `--format junit`: JUnit XML, which CI systems show as test results.
///
/// Each file read is a `<testsuite>` (clean files too, so the count of files checked shows), each of
/// its steps a `<testcase name="Step N: title">`, and a test case named `file` takes what lies outside
/// every step. A finding that fails the run (an error, or a warning with `--strict`) is a
/// `<failure type="ID">` of the test case it lies in; other findings go to the case's `<system-out>`.
/// Files with findings that were not read as sources (included files) get suites of their own, and
/// findings without a file one named `stepdoc`.
public struct JUnitReporter {
    /// Whether warnings fail, as with `--strict`.
    public var strict: Bool

    public init(strict: Bool = false) {
        self.strict = strict
    }

    public func render(_ report: DiagnosticReport) -> String {
        var suiteNames = report.files
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in report.diagnostics {
            let file = diagnostic.location?.file ?? "stepdoc"
            if byFile[file] == nil, !report.files.contains(file) { suiteNames.append(file) }
            byFile[file, default: []].append(diagnostic)
        }
        var seen: Set<String> = []
        let suites = suiteNames.filter { seen.insert($0).inserted }.map { name in
            suite(name, steps: report.steps[name] ?? [], diagnostics: byFile[name] ?? [])
        }
        let tests = suites.reduce(0) { $0 + $1.tests }
        let failures = suites.reduce(0) { $0 + $1.failures }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"stepdoc\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for suite in suites { output += suite.xml }
        output += "</testsuites>\n"
        return output
    }

    private struct Suite {
        var xml: String
        var tests: Int
        var failures: Int
    }

    private struct Case {
        var name: String
        var diagnostics: [Diagnostic] = []
    }

    private func suite(_ file: String, steps: [StepSummary], diagnostics: [Diagnostic]) -> Suite {
        var cases = steps.map { Case(name: "Step \($0.number): \($0.title)") }
        var fileCase = Case(name: "file")
        for diagnostic in diagnostics {
            if let location = diagnostic.location,
                let step = StepSummary.containing(location.range.lowerBound, in: steps),
                let index = steps.lastIndex(of: step)
            {
                cases[index].diagnostics.append(diagnostic)
            } else {
                fileCase.diagnostics.append(diagnostic)
            }
        }
        cases.append(fileCase)
        let failing = cases.filter { $0.diagnostics.contains(where: fails) }.count
        let name = XMLEscaping.attribute(file)
        var xml = "  <testsuite name=\"\(name)\" tests=\"\(cases.count)\" failures=\"\(failing)\" errors=\"0\">\n"
        for testCase in cases {
            xml += "    <testcase classname=\"\(name)\" name=\"\(XMLEscaping.attribute(testCase.name))\""
            guard !testCase.diagnostics.isEmpty else {
                xml += "/>\n"
                continue
            }
            xml += ">\n"
            let output = testCase.diagnostics.filter { !fails($0) }
            for diagnostic in testCase.diagnostics where fails(diagnostic) {
                xml +=
                    "      <failure message=\"\(XMLEscaping.attribute(diagnostic.summary))\" "
                    + "type=\"\(XMLEscaping.attribute(diagnostic.id.rawValue))\">"
                    + XMLEscaping.text(describe(diagnostic)) + "</failure>\n"
            }
            if !output.isEmpty {
                xml +=
                    "      <system-out>" + XMLEscaping.text(output.map(describe).joined(separator: "\n"))
                    + "</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n"
        return Suite(xml: xml, tests: cases.count, failures: failing)
    }

    private func fails(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error || (strict && diagnostic.severity == .warning)
    }

    /// `file:line:col: severity: summary [id]`, then the explanation, notes and fix-its.
    private func describe(_ diagnostic: Diagnostic) -> String {
        var lines = [
            position(diagnostic.location) + "\(diagnostic.severity.rawValue): \(diagnostic.summary) [\(diagnostic.id)]"
        ]
        if let explanation = diagnostic.explanation, !explanation.isEmpty { lines.append(explanation) }
        for note in diagnostic.notes {
            lines.append(position(note.location) + "note: " + note.message)
        }
        for fixIt in diagnostic.fixIts {
            let range = fixIt.location.range
            lines.append(
                "fix-it: \(fixIt.message): replace \(range.lowerBound)-\(range.upperBound) with '\(fixIt.replacement)'")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func position(_ location: DiagnosticLocation?) -> String {
        guard let location else { return "stepdoc: " }
        return "\(location.file):\(location.range.lowerBound.line):\(location.range.lowerBound.column): "
    }
}
