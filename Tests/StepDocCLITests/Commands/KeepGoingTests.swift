import Foundation
import StepDocTestSupport
import Testing

/// `build --keep-going` (and `keep-going: true`): the clean files are written, the broken ones keep
/// their previous output, and the run says which were skipped.
@Suite struct KeepGoingTests {
    static func seed() throws -> String {
        try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
    }

    /// Two procedures built once cleanly; then `a.rst` edited and `b.rst` broken (a missing include).
    func project(config: String = "content: [content]\n") throws -> StepDocProcess {
        let folder = try StepDocProcess()
        try folder.write(Array(config.utf8), to: "stepdoc.yml")
        try folder.write(Array(try Self.seed().utf8), to: "content/a.rst")
        try folder.write(Array(try Self.seed().utf8), to: "content/b.rst")
        let first = try folder.run(["build"])
        #expect(first.status == 0, "\(first.standardError)")
        try folder.write(
            Array(try Self.seed().replacingOccurrences(of: "the latest versions", with: "the newest versions").utf8),
            to: "content/a.rst")
        try folder.write(Array((try Self.seed() + "\n.. include:: /nowhere.rst\n").utf8), to: "content/b.rst")
        return folder
    }

    @Test func writesTheCleanFilesAndLeavesTheBrokenOnesOutput() throws {
        let folder = try project()
        defer { folder.remove() }
        let before = folder.contents(of: "output/html/b.html")
        let outcome = try folder.run(["build", "--keep-going"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(folder.contents(of: "output/html/a.html")?.contains("the newest versions") == true)
        #expect(folder.contents(of: "output/text/a.txt")?.contains("the newest versions") == true)
        #expect(folder.contents(of: "output/html/b.html") == before)
        #expect(
            outcome.standardError.contains("skipped content/b.rst: "), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("(its previous output is unchanged)"))
        #expect(outcome.standardOutput.contains("1 skipped"), "\(outcome.standardOutput)")
    }

    @Test func withoutItNothingIsWritten() throws {
        let folder = try project()
        defer { folder.remove() }
        let outcome = try folder.run(["build"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(folder.contents(of: "output/html/a.html")?.contains("the newest versions") == false)
        #expect(outcome.standardError.contains("nothing written"))
    }

    @Test func theConfigurationKeyDoesTheSame() throws {
        let folder = try project(config: "content: [content]\nkeep-going: true\n")
        defer { folder.remove() }
        let outcome = try folder.run(["build"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(folder.contents(of: "output/html/a.html")?.contains("the newest versions") == true)
        #expect(outcome.standardError.contains("skipped content/b.rst"))
    }

    @Test func aCleanRunWithItExitsZero() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array(try Self.seed().utf8), to: "content/a.rst")
        let outcome = try folder.run(["build", "--keep-going"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("skipped"))
    }
}
