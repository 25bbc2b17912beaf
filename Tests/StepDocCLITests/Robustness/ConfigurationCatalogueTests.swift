import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// The catalogue of bad inputs, part 7: configuration and facts the user wrote. Errors at their line
/// and column, exit 2.
@Suite struct ConfigurationCatalogueTests {
    @Test func reportsAnUnknownKeyInStepdocYmlAtTheKey() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        let config = MarkedSource("text-width: 80\n1️⃣contnet: [content]\n")
        try project.write(config.text, to: "stepdoc.yml")
        let run = try await project.check()
        expectFinding(run, "config.invalid", severity: "error", file: "stepdoc.yml", at: config["1️⃣"], status: 2)
        #expect(
            run.finding("config.invalid")?.summary.hasPrefix("unknown key 'contnet'; did you mean 'content'?") == true)
    }

    @Test func reportsAWrongTypeInStepdocYmlAtTheValue() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        let config = MarkedSource("content: [content]\nlimits:\n  max-include-depth: 1️⃣ten\n")
        try project.write(config.text, to: "stepdoc.yml")
        let run = try await project.check()
        expectFinding(run, "config.invalid", severity: "error", file: "stepdoc.yml", at: config["1️⃣"], status: 2)
        #expect(run.finding("config.invalid")?.summary == "'max-include-depth' must be a whole number", "\(run)")
    }

    /// Facts cut off in the middle: exit 2 at the place reading stopped, never a preflight on half the facts.
    @Test func reportsTruncatedFactsWhereReadingStopped() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        let facts = MarkedSource(
            "{\n  \"hello\": {\"setName\": \"rs0\", \"ok\": 1},\n  \"buildInfo\": {\"version\": \"4.0\"1️⃣")
        try project.write(facts.text, to: "facts.json")
        try project.write(String(contentsOf: Fixtures.seedFile(), encoding: .utf8), to: "content/prerequisites.rst")
        let run = try await project.run([
            "preflight", "--facts", "facts.json", "--suite", "atlas-live-migration-prerequisites",
            "content/prerequisites.rst",
        ])
        expectFinding(run, "io.unreadable", file: "facts.json", at: facts["1️⃣"], status: 2)
        #expect(run.standardOutput.isEmpty, "\(run)")
    }

    /// Facts that would flip a check depending on which copy counts: exit 2 at the second key.
    @Test func reportsADuplicateKeyInFactsAtTheSecondKey() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        let facts = MarkedSource(
            "{\n  \"buildInfo\": {\"version\": \"4.0.3\", 1️⃣\"version\": \"2.4.0\", \"ok\": 1}\n}\n")
        try project.write(facts.text, to: "facts.json")
        try project.write(String(contentsOf: Fixtures.seedFile(), encoding: .utf8), to: "content/prerequisites.rst")
        let run = try await project.run([
            "preflight", "--facts", "facts.json", "--suite", "atlas-live-migration-prerequisites",
            "content/prerequisites.rst",
        ])
        expectFinding(run, "io.unreadable", file: "facts.json", at: facts["1️⃣"], status: 2)
        #expect(run.findings.first?.summary.hasPrefix(#"duplicate key "version" (first at 2:17)"#) == true, "\(run)")
        #expect(run.standardOutput.isEmpty, "\(run)")
    }

    @Test func reportsAWrongTypeInFactsByName() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        let facts = MarkedSource("{\"hello\": {\"setName\": \"rs0\", \"ok\": 1}, \"errors\": 1️⃣\"boom\"}\n")
        try project.write(facts.text, to: "facts.json")
        try project.write(String(contentsOf: Fixtures.seedFile(), encoding: .utf8), to: "content/prerequisites.rst")
        let run = try await project.run([
            "preflight", "--facts", "facts.json", "--suite", "atlas-live-migration-prerequisites",
            "content/prerequisites.rst",
        ])
        expectFinding(run, "io.unreadable", file: "facts.json", at: facts["1️⃣"], status: 2)
        #expect(run.findings.first?.summary.hasPrefix(#""errors" must be a document"#) == true, "\(run)")
    }

    /// PowerShell's `>` wrote the facts: UTF-16 with a byte order mark, named as such.
    @Test func namesUTF16FactsAndHowToSaveThemAsUTF8() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "{\"user\": \"migrator\"}\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try project.write(bytes: bytes, to: "facts.json")
        let run = try await project.run(["preflight", "--facts", "facts.json"])
        expectFinding(run, "io.unreadable", file: "facts.json", at: (1, 1), status: 2)
        #expect(run.standardError.contains("UTF-16"), "\(run)")
        #expect(run.standardError.contains("Out-File -Encoding utf8"), "\(run)")
    }

    @Test func namesTheMongoshBannerAndQuiet() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(
            "Current Mongosh Log ID: 64f0c6a1e4b0a1b2c3d4e5f6\nConnecting to: mongodb://127.0.0.1:27017\n{\"user\": \"m\"}\n",
            to: "facts.json")
        let run = try await project.run(["preflight", "--facts", "facts.json"])
        expectFinding(run, "io.unreadable", file: "facts.json", at: (1, 1), status: 2)
        #expect(run.standardError.contains("run mongosh with --quiet"), "\(run)")
    }
}
