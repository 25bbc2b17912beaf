import Foundation
import FoundationXML
import StepDocTestSupport
import StepProject
import StepReports
import StepSyntax
import Testing

/// JUnit XML: well formed whatever the findings say, one suite per file, one case per step.
@Suite struct JUnitReporterTests {
    /// The elements of a document, as (name, attributes), or the parser's error.
    private final class ElementCollector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append((name, attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }
    }

    private func parse(_ xml: String) throws -> ElementCollector {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        let parsed = parser.parse()
        try #require(parsed, "not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "?")):\n\(xml)")
        return collector
    }

    @Test func writesWellFormedXMLWithASuitePerFileAndACasePerStep() throws {
        let document = try parse(JUnitReporter().render(SampleReport.report))
        let suites = document.elements.filter { $0.name == "testsuite" }
        #expect(
            suites.map { $0.attributes["name"] ?? "" } == [
                SampleReport.alphaPath, SampleReport.betaPath, SampleReport.cleanPath, "stepdoc",
            ])
        let cases = document.elements.filter { $0.name == "testcase" }.map { $0.attributes["name"] ?? "" }
        #expect(cases.contains("Step 1: Install “Atlas” drivers"))
        #expect(cases.contains("Step 3: Verify"))
        #expect(cases.contains("Step 1: Nothing to see"), "clean files have their cases too")
        let failures = document.elements.filter { $0.name == "failure" }
        #expect(
            failures.map { $0.attributes["type"] ?? "" } == [
                "steps.branches-agree", "steps.numbering", "io.unreadable",
            ])
        #expect(failures[1].attributes["message"] == "step 3 follows step 1: \"2\" is missing & <skipped>")
        let root = try #require(document.elements.first)
        #expect(root.name == "testsuites")
        #expect(root.attributes["tests"] == "9")
        #expect(root.attributes["failures"] == "3")
    }

    @Test func putsFindingsOutsideEveryStepInTheFileCase() throws {
        let document = try parse(JUnitReporter(strict: true).render(SampleReport.report))
        // With --strict the warning fails too; the note outside the steps goes to the `file` case's output.
        #expect(document.elements.filter { $0.name == "failure" }.count == 4)
        #expect(document.text.contains("procedures/alpha.rst:14:1: note: text after the last step belongs to no step"))
    }

    @Test func staysWellFormedWithControlCharactersAndMarkupInMessages() throws {
        let start = SourceLocation(line: 1, column: 1)
        let nasty =
            "bell \u{07}, escape \u{1B}[31m, NUL \u{0}, ]]> </failure> & \"quotes\" 'single'\r\nnext line\u{FFFF}"
        let diagnostic = Diagnostic(
            severity: .error, id: "rst.markup", summary: nasty, explanation: nasty,
            location: DiagnosticLocation(file: "we<ird> & \"name\".rst", range: start..<start))
        let report = DiagnosticReport(diagnostics: [diagnostic], files: ["we<ird> & \"name\".rst"])
        let document = try parse(JUnitReporter().render(report))
        let failure = try #require(document.elements.first { $0.name == "failure" })
        #expect(failure.attributes["message"]?.contains("</failure> & \"quotes\" 'single'\r\nnext line") == true)
        #expect(document.elements.first { $0.name == "testsuite" }?.attributes["name"] == "we<ird> & \"name\".rst")
    }
}
