import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// `stepdoc fmt` run as a process: rewrites, `--check` diffs and exit codes.
@Suite struct FormatCommandTests {
    static func seed() throws -> String {
        try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
    }

    /// The seed with one word changed in its other branch.
    static func drifted() throws -> String {
        let seed = try seed()
        let first = try #require(seed.range(of: "the latest versions"))
        let second = try #require(seed.range(of: "the latest versions", range: first.upperBound..<seed.endIndex))
        var drifted = seed
        drifted.replaceSubrange(second, with: "the newest versions")
        return drifted
    }

    @Test func checkPrintsADiffAndExitsWith1WithoutChangingTheFile() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array(try Self.drifted().utf8), to: "content/steps.rst")
        let outcome = try folder.run(["fmt", "--check", "content"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(
            outcome.standardOutput.hasPrefix("--- a/content/steps.rst\n+++ b/content/steps.rst\n@@ -"),
            "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("\n-Atlas supports the newest versions") == false)
        #expect(
            outcome.standardOutput.contains("\n-   Atlas supports the newest versions of MongoDB: 3.4, 3.6, and 4.0.\n")
        )
        #expect(
            outcome.standardOutput.contains("\n+   Atlas supports the latest versions of MongoDB: 3.4, 3.6, and 4.0.\n")
        )
        #expect(outcome.standardError.contains("1 file would be reformatted"), "\(outcome.standardError)")
        #expect(folder.contents(of: "content/steps.rst") == (try Self.drifted()))
    }

    @Test func checkExitsWith0WhenEveryFileIsFormatted() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array(try Self.seed().utf8), to: "content/steps.rst")
        let outcome = try folder.run(["fmt", "--check"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func rewritesInPlaceKeepingThePermissions() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array(try Self.drifted().utf8), to: "content/steps.rst")
        let path = folder.directory.appendingPathComponent("content/steps.rst").path
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let outcome = try folder.run(["fmt", "content/steps.rst"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "formatted content/steps.rst\n")
        #expect(folder.contents(of: "content/steps.rst") == (try Self.seed()))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: folder.directory.appendingPathComponent("content").path)
        #expect(leftovers == ["steps.rst"])
    }

    @Test func regeneratesFromTheOtherBranchWhenAsked() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array(try Self.drifted().utf8), to: "steps.rst")
        let outcome = try folder.run(["fmt", "--from", "text", "steps.rst"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(folder.contents(of: "steps.rst")?.components(separatedBy: "the newest versions").count == 3)
    }

    @Test func refusesAFileItCannotRegenerateAndExitsWith1() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let seed = try Self.seed()
        let untitled = seed.replacingOccurrences(
            of: "   Your data is currently in a MongoDB database.\n   " + String(repeating: "`", count: 45) + "\n\n",
            with: "")
        try folder.write(Array(untitled.utf8), to: "steps.rst")
        let outcome = try folder.run(["fmt", "steps.rst"])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains("steps.rst:5:88: error: step 1 has no title [steps.structure]"),
            "\(outcome.standardError)")
        #expect(outcome.standardError.contains("steps.rst: not formatted"))
        #expect(folder.contents(of: "steps.rst") == untitled)
    }

    @Test func exitsWith2ForUnreadableInput() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array(try Self.drifted().utf8), to: "steps.rst")
        try folder.write([0x00, 0x01, 0x02, 0xFF, 0x00, 0x00], to: "binary.rst")
        let outcome = try folder.run(["fmt", "--check", "binary.rst", "steps.rst"])
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("binary.rst: not a text file"))
        #expect(outcome.standardOutput.contains("+++ b/steps.rst"))
    }

    @Test func leavesProcedureAndYAMLFilesAlone() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let procedure = ".. procedure::\n\n   .. step:: One\n\n      Body.\n"
        let yaml = "title: One\nref: one\ncontent: Body.\n"
        try folder.write(Array(procedure.utf8), to: "content/one.rst")
        try folder.write(Array(yaml.utf8), to: "content/steps-one.yaml")
        let outcome = try folder.run(["fmt", "content"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(folder.contents(of: "content/one.rst") == procedure)
        #expect(folder.contents(of: "content/steps-one.yaml") == yaml)
    }
}
