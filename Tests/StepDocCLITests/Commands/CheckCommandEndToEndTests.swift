import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// `stepdoc check` run as a process: exit codes, messages and reports as CI sees them.
@Suite struct CheckCommandEndToEndTests {
    /// The seed with one word changed in the HTML branch of step 2: 1️⃣ marks the changed word, 2️⃣ the
    /// same word in the other branch.
    static func editedSeed() throws -> MarkedSource {
        let seed = try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
        let phrase = "running MongoDB version 2.6 or greater"
        let first = try #require(seed.range(of: phrase), "the seed no longer says '\(phrase)'")
        let second = try #require(seed.range(of: phrase, range: first.upperBound..<seed.endIndex))
        var edited = seed
        edited.replaceSubrange(second, with: "running MongoDB version 2.6 or 2️⃣greater")
        edited.replaceSubrange(first, with: "running MongoDB version 2.6 or 1️⃣higher")
        return MarkedSource(edited)
    }

    private func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON:\n\(text)")
    }

    /// Warnings alone pass; with --strict they fail (exit 1), and the summary says why.
    @Test func failsOnWarningsOnlyWithStrict() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let seed = try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
        let warned = seed.replacingOccurrences(
            of: "This guide focuses on migrating", with: "This guide :managa:`x` focuses on migrating")
        #expect(warned != seed, "the seed no longer has the phrase this test changes")
        try folder.write(Array(warned.utf8), to: "steps.rst")
        let plain = try folder.run(["check", "steps.rst"])
        #expect(plain.status == 0, "\(plain.standardOutput)\(plain.standardError)")
        #expect(plain.standardOutput.contains("rst.unknown-role"), "\(plain.standardOutput)")
        let strict = try folder.run(["check", "--strict", "steps.rst"])
        #expect(strict.status == 1, "\(strict.standardOutput)\(strict.standardError)")
    }

    @Test func exitsWith2WhenThePathDoesNotExist() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let outcome = try folder.run(["check", "missing.rst"])
        #expect(outcome.status == 2)
        #expect(
            outcome.standardError.contains("error: missing.rst: no such file or directory"), "\(outcome.standardError)")
        #expect(!outcome.standardOutput.contains("no problems"))
    }

    @Test func exitsWith2WhenAFolderHoldsNoStepFiles() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array("not a step file\n".utf8), to: "docs/readme.txt")
        let outcome = try folder.run(["check", "docs"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("error: docs: no .rst files found"), "\(outcome.standardError)")
        #expect(!outcome.standardOutput.contains("no problems"))
    }

    @Test func exitsWith2OnABinaryFileAndSaysSoInEveryReport() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE, 0x00, 0x01], to: "image.rst")
        let text = try folder.run(["check", "image.rst"])
        #expect(text.status == 2)
        #expect(text.standardError.contains("error: image.rst: not a text file"), "\(text.standardError)")
        #expect(!text.standardOutput.contains("no problems"))

        let json = try folder.run([
            "check", "--format", "json", "--report", "sarif:image.sarif", "--report", "text:image.txt", "image.rst",
        ])
        #expect(json.status == 2)
        let diagnostics = try #require(try jsonObject(json.standardOutput)["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["id"] as? String == "io.unreadable")
        #expect(diagnostics.first?["severity"] as? String == "error")
        #expect(diagnostics.first?["file"] as? String == "image.rst")
        let sarif = try #require(folder.contents(of: "image.sarif"), "the SARIF report was not written")
        #expect(sarif.contains("\"executionSuccessful\": false"))
        #expect(sarif.contains("\"ruleId\": \"io.unreadable\""))
        // No excerpt of the binary bytes, and a count that is not "no problems".
        #expect(
            folder.contents(of: "image.txt")
                == "image.rst:1:1: error: not a text file (it holds NUL bytes or is mostly "
                + "invalid UTF-8) [io.unreadable]\n1 error in 1 file\n")
    }

    @Test func reportsAWordEditedInOneBranchAsJSONAtTheEditedWord() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let seed = try Self.editedSeed()
        try folder.write(Array(seed.text.utf8), to: "content/atlas-live-migration-prerequisites.rst")
        let outcome = try folder.run(["check", "--format", "json"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let diagnostics = try #require(try jsonObject(outcome.standardOutput)["diagnostics"] as? [[String: Any]])
        let finding = try #require(
            diagnostics.first { $0["id"] as? String == "steps.branches-agree" }, "\(outcome.standardOutput)")
        #expect(finding["file"] as? String == "content/atlas-live-migration-prerequisites.rst")
        #expect(finding["severity"] as? String == "error")
        #expect(finding["line"] as? Int == seed["1️⃣"].line)
        #expect(finding["column"] as? Int == seed["1️⃣"].column)
        let note = try #require((finding["notes"] as? [[String: Any]])?.first)
        #expect(note["line"] as? Int == seed["2️⃣"].line)
        #expect(note["column"] as? Int == seed["2️⃣"].column)
    }

    @Test func writesSARIFAndJUnitReportsBesideTheTextOutput() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array(try Self.editedSeed().text.utf8), to: "content/prerequisites.rst")
        let outcome = try folder.run([
            "check", "--report", "sarif:reports/stepdoc.sarif", "--report", "junit:reports/junit.xml", "content",
        ])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardOutput.contains(
                "error: the body of step 2 differs between the branches [steps.branches-agree]"))
        let sarif = try jsonObject(try #require(folder.contents(of: "reports/stepdoc.sarif"), "no SARIF report"))
        #expect(sarif["version"] as? String == "2.1.0")
        let results = (sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        #expect(results.contains { $0["ruleId"] as? String == "steps.branches-agree" })
        let junit = try #require(folder.contents(of: "reports/junit.xml"), "no JUnit report")
        #expect(junit.contains("<testsuite name=\"content/prerequisites.rst\""))
        #expect(junit.contains("type=\"steps.branches-agree\""))
        let leftovers =
            (try? FileManager.default.contentsOfDirectory(
                atPath: folder.directory.appendingPathComponent("reports").path)) ?? []
        #expect(leftovers.sorted() == ["junit.xml", "stepdoc.sarif"], "no temporary files stay behind")
    }

    @Test func appendsToTheGitHubStepSummaryAndExitsCleanOnTheSeed() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(
            Array(try String(contentsOf: Fixtures.seedFile(), encoding: .utf8).utf8), to: "content/seed.rst")
        let summary = folder.directory.appendingPathComponent("summary.md").path
        let outcome = try folder.run(["check", "--format", "github"], environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(outcome.status == 0, "\(outcome.standardOutput)\(outcome.standardError)")
        #expect(outcome.standardOutput == "no problems in 1 file\n")
        #expect(folder.contents(of: "summary.md") == "### stepdoc: no problems in 1 file\n\n")
    }

    @Test(arguments: [
        (["check", "--format", "xml"], "'xml' is invalid for '--format <format>'"),
        (["check", "--report", "yaml:out.yml"], "unknown format 'yaml'"),
        (["check", "--report", "sarif"], "must be FORMAT:PATH"),
        (["check", "--report", "json:a.json", "--report", "sarif:a.json"], "another --report already writes 'a.json'"),
    ])
    func rejectsABadFormatOrReportAsAUsageError(arguments: [String], message: String) throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let outcome = try folder.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func rejectsAnUnknownRuleIdInTheConfiguration() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array("rules:\n  steps.numbring: warning\n".utf8), to: "stepdoc.yml")
        let outcome = try folder.run(["check", "--format", "json"])
        #expect(outcome.status == 2)
        #expect(
            outcome.standardError.contains(
                "stepdoc.yml:2:3: error: unknown rule id 'steps.numbring'; did you mean 'steps.numbering'?"),
            "\(outcome.standardError)")
        let diagnostics = try #require(try jsonObject(outcome.standardOutput)["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["id"] as? String == "config.invalid")
    }
}
