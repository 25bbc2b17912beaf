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
}
