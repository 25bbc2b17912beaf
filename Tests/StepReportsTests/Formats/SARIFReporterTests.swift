import Foundation
import StepDocTestSupport
import StepModel
import StepProject
import StepReports
import StepSyntax
import Testing

/// The SARIF log: the 2.1.0 schema's required properties, rule indexes, paths, columns, fingerprints.
@Suite struct SARIFReporterTests {
    private func log(
        _ report: DiagnosticReport = SampleReport.report, currentDirectory: String = SampleReport.currentDirectory
    )
        throws -> [String: Any]
    {
        var reporter = SARIFReporter(sources: SampleReport.sources, currentDirectory: currentDirectory)
        let text = reporter.render(report)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any], "not a JSON object:\n\(text)")
    }

    private func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        return runs[0]
    }

    /// Each finding's level is its severity: error, warning and note, in the sample's order.
    @Test func givesEachResultTheLevelOfItsSeverity() throws {
        let results = try #require(try run(log())["results"] as? [[String: Any]])
        let levels = results.map { ($0["ruleId"] as? String ?? "", $0["level"] as? String ?? "") }
        #expect(levels.contains { $0 == ("steps.branches-agree", "error") }, "\(levels)")
        #expect(levels.contains { $0 == ("rst.unknown-role", "warning") }, "\(levels)")
        #expect(levels.contains { $0 == ("steps.structure", "note") }, "\(levels)")
    }

    @Test func hasThePropertiesTheSchemaRequires() throws {
        let log = try log()
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try run(log)
        let tool = try #require(run["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "stepdoc")
        #expect(driver["version"] as? String == StepDocVersion.current)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(ruleIDs.count == rules.count, "every rule has an id")
        #expect(Set(ruleIDs).count == ruleIDs.count, "rule ids are unique: \(ruleIDs)")
        for rule in rules {
            let description = rule["shortDescription"] as? [String: Any]
            #expect(description?["text"] is String, "rule \(rule["id"] ?? "?") has a short description")
            let configuration = try #require(rule["defaultConfiguration"] as? [String: Any])
            let level = try #require(configuration["level"] as? String)
            #expect(["error", "warning", "note", "none"].contains(level))
        }
        let invocations = try #require(run["invocations"] as? [[String: Any]])
        #expect(invocations.allSatisfy { $0["executionSuccessful"] is Bool })

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 4)
        for result in results {
            let message = try #require(result["message"] as? [String: Any])
            let text = try #require(message["text"] as? String, "result has a message: \(result)")
            #expect(!text.isEmpty)
            let level = try #require(result["level"] as? String)
            #expect(["error", "warning", "note", "none"].contains(level))
            let ruleID = try #require(result["ruleId"] as? String)
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            try #require(rules.indices.contains(ruleIndex), "ruleIndex \(ruleIndex) out of range")
            #expect(rules[ruleIndex]["id"] as? String == ruleID, "ruleIndex \(ruleIndex) is not rule \(ruleID)")
            // GitHub rejects the whole log when a result has no location.
            let locations = try #require(result["locations"] as? [[String: Any]])
            #expect(!locations.isEmpty)
            for location in locations + (result["relatedLocations"] as? [[String: Any]] ?? []) {
                let physical = try #require(location["physicalLocation"] as? [String: Any])
                let artifact = try #require(physical["artifactLocation"] as? [String: Any])
                let uri = try #require(artifact["uri"] as? String)
                #expect(URL(string: uri) != nil, "uri \(uri) is a URI reference")
                let region = try #require(physical["region"] as? [String: Any])
                let startLine = try #require(region["startLine"] as? Int)
                #expect(startLine >= 1)
                #expect((region["startColumn"] as? Int ?? 1) >= 1)
                #expect((region["endLine"] as? Int ?? startLine) >= startLine)
            }
            let fingerprints = result["partialFingerprints"] as? [String: String]
            #expect(fingerprints?[SARIFReporter.fingerprintKey] != nil)
        }
    }

    @Test func listsFindingsWithoutALocationAsNotificationsOfTheRun() throws {
        let run = try run(try log())
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        #expect((notifications[0]["associatedRule"] as? [String: Any])?["id"] as? String == "io.unreadable")
        #expect(notifications[0]["level"] as? String == "error")
    }

    @Test func reportsAnUnsuccessfulExecutionWhenTheRunDidNotReadEverything() throws {
        var reporter = SARIFReporter(executionSuccessful: false, currentDirectory: SampleReport.currentDirectory)
        let text = reporter.render(DiagnosticReport(diagnostics: [], files: []))
        #expect(text.contains("\"executionSuccessful\": false"))
    }

    @Test func countsColumnsInUTF16CodeUnits() throws {
        let results = try #require(try run(try log())["results"] as? [[String: Any]])
        let locations = try #require(results.first?["locations"] as? [[String: Any]])
        let region = try #require((locations.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
        // Two curly quotes (three bytes, one UTF-16 unit each) come before the word.
        let byteColumn = SampleReport.alpha["1️⃣"].column
        #expect(region["startColumn"] as? Int == byteColumn - 4)
        #expect(try run(try log())["columnKind"] as? String == "utf16CodeUnits")
    }

    @Test func makesPathsUnderTheCurrentFolderRelativeToSourceRoot() throws {
        let inside = finding(in: "/work/project/docs/my steps.rst")
        let outside = finding(in: "/elsewhere/steps.rst")
        let dotted = finding(in: "./docs/../content/a:b.rst")
        let report = DiagnosticReport(diagnostics: [inside, outside, dotted], files: [])
        let results = try #require(try run(try log(report))["results"] as? [[String: Any]])
        let artifacts = results.compactMap { result -> [String: Any]? in
            let location = (result["locations"] as? [[String: Any]])?.first
            return (location?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        }
        try #require(artifacts.count == 3)
        #expect(artifacts[0]["uri"] as? String == "docs/my%20steps.rst")
        #expect(artifacts[0]["uriBaseId"] as? String == "%SRCROOT%")
        #expect(artifacts[1]["uri"] as? String == "file:///elsewhere/steps.rst")
        #expect(artifacts[1]["uriBaseId"] == nil)
        #expect(artifacts[2]["uri"] as? String == "content/a%3Ab.rst")
    }

    @Test func keepsTheFingerprintWhenTheFindingMovesWithinItsStep() throws {
        func fingerprints(line: Int, summary: String = "the body of step 2 differs", stepNumber: String = "2") throws
            -> [String]
        {
            let steps = [
                "a.rst": [
                    StepSummary(number: stepNumber, title: "Check the version", range: SampleReport.lines(10, 40))
                ]
            ]
            let report = DiagnosticReport(
                diagnostics: [finding(in: "a.rst", line: line, summary: summary)], files: ["a.rst"], steps: steps)
            let results = try #require(try run(try log(report))["results"] as? [[String: Any]])
            return results.compactMap {
                ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey]
            }
        }
        let original = try fingerprints(line: 12)
        #expect(original.count == 1)
        #expect(try fingerprints(line: 30) == original, "moving the finding down its step keeps the alert")
        #expect(try fingerprints(line: 12, stepNumber: "3") == original, "renumbering the step keeps the alert")
        #expect(try fingerprints(line: 12, summary: "the title of step 2 differs") != original)
        #expect(try fingerprints(line: 5) != original, "a finding outside the step is another alert")
    }

    @Test func numbersIdenticalFindingsInOneStepApart() throws {
        let first = finding(in: "a.rst", line: 3)
        let report = DiagnosticReport(diagnostics: [first, finding(in: "a.rst", line: 4)], files: ["a.rst"])
        let results = try #require(try run(try log(report))["results"] as? [[String: Any]])
        let keys = results.compactMap {
            ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey]
        }
        #expect(keys.count == 2)
        #expect(keys.first?.hasSuffix(":1") == true && keys.last?.hasSuffix(":2") == true, "\(keys)")
        #expect(keys.first?.dropLast(2) == keys.last?.dropLast(2))
    }

    @Test func addsRulesTheCatalogueDoesNotKnow() throws {
        let report = DiagnosticReport(
            diagnostics: [
                Diagnostic(severity: .warning, id: "custom.rule", summary: "x", location: finding(in: "a.rst").location)
            ],
            files: ["a.rst"])
        let run = try run(try log(report))
        let rules = try #require(
            ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let index = try #require(result["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "custom.rule")
        #expect(rules.count == RuleCatalogue.stepdoc.rules.count + 1)
    }

    private func finding(in file: String, line: Int = 1, summary: String = "x") -> Diagnostic {
        let start = SourceLocation(line: line, column: 1)
        return Diagnostic(
            severity: .error, id: "steps.branches-agree", summary: summary,
            location: DiagnosticLocation(file: file, range: start..<SourceLocation(line: line, column: 2)))
    }
}
