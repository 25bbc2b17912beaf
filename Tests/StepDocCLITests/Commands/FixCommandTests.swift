import Foundation
import StepDocTestSupport
import Testing

/// `stepdoc check --fix` and `--fix --diff`: the fix-its that are safe, and only those.
@Suite struct FixCommandTests {
    static let name = "atlas-live-migration-prerequisites"
    static let config = """
        content: [content]
        procedures:
          atlas-live-migration-prerequisites:
            checks: atlas-live-migration-prerequisites

        """

    static func seed() throws -> String {
        try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
    }

    /// Replaces the `occurrence`-th (1-based) appearance of `text`.
    static func replacing(_ text: String, with replacement: String, occurrence: Int = 1, in source: String) throws
        -> String
    {
        var searchStart = source.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            let range: Range<String.Index> = try #require(
                source.range(of: text, range: searchStart..<source.endIndex), "no \(text)")
            found = range
            searchStart = range.upperBound
        }
        var result = source
        if let found { result.replaceSubrange(found, with: replacement) }
        return result
    }

    /// The seed with the three faults of the issue: a short underline, step 3 numbered 4 in both
    /// branches, and the version title saying 3.0 where the check enforces 2.6.
    static func broken() throws -> String {
        var text = try seed()
        // Step 3 numbered 4, in both branches.
        text = try replacing("<div class=\"sequence-step\">3</div>", with: "<div class=\"sequence-step\">4</div>", in: text)
        text = try replacing("Step 3: Your current deployment", with: "Step 4: Your current deployment", in: text)
        // 3.0 in the title of step 2, both branches.
        text = try replacing("running MongoDB 2.6+", with: "running MongoDB 3.0+", occurrence: 1, in: text)
        text = try replacing("running MongoDB 2.6+", with: "running MongoDB 3.0+", occurrence: 1, in: text)
        // A short underline: drop three characters from the first underline of the step-3 heading.
        let lines = text.components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex { $0.hasSuffix("Step 4: Your current deployment is a MongoDB replica set.") })
        var edited = lines
        edited[heading + 1] = String(lines[heading + 1].dropLast(3))
        return edited.joined(separator: "\n")
    }

    func project(_ text: String) throws -> StepDocProcess {
        let folder = try StepDocProcess()
        try folder.write(Array(Self.config.utf8), to: "stepdoc.yml")
        try folder.write(Array(text.utf8), to: "content/\(Self.name).rst")
        return folder
    }

    @Test func fixesTheThreeFaultsBackToTheSeedByteForByte() throws {
        let folder = try project(try Self.broken())
        defer { folder.remove() }
        let before = try folder.run(["check"])
        #expect(before.status == 1, "the broken seed has findings: \(before.standardError)")
        let outcome = try folder.run(["check", "--fix"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("fixed content/\(Self.name).rst: 3 fixes"), "\(outcome.standardError)")
        #expect(folder.contents(of: "content/\(Self.name).rst") == (try Self.seed()))
        let after = try folder.run(["check"])
        #expect(after.status == 0, "\(after.standardError)")
    }

    @Test func diffShowsExactlyTheThreeChangesAndWritesNothing() throws {
        let broken = try Self.broken()
        let folder = try project(broken)
        defer { folder.remove() }
        let outcome = try folder.run(["check", "--fix", "--diff"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let diff = outcome.standardOutput
        #expect(diff.hasPrefix("--- a/content/\(Self.name).rst\n+++ b/content/\(Self.name).rst\n"), "\(diff)")
        let removed = diff.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }
        let added = diff.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
        // Two version titles, two numbers, one underline.
        #expect(removed.count == 5 && added.count == 5, "\(diff)")
        #expect(removed.filter { $0.contains("3.0+") }.count == 2)
        #expect(added.filter { $0.contains("2.6+") }.count == 2)
        #expect(removed.contains { $0.contains("sequence-step\">4<") } && added.contains { $0.contains("sequence-step\">3<") })
        #expect(removed.contains { $0.contains("Step 4:") } && added.contains { $0.contains("Step 3:") })
        #expect(folder.contents(of: "content/\(Self.name).rst") == broken)
    }

    @Test func diffOfACleanFileIsEmptyAndExits0() throws {
        let folder = try project(try Self.seed())
        defer { folder.remove() }
        let outcome = try folder.run(["check", "--fix", "--diff"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func aReadOnlyFileIsNotReplaced() throws {
        let folder = try project(try Self.broken())
        defer { folder.remove() }
        let file = folder.directory.appendingPathComponent("content/\(Self.name).rst").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file)
        let outcome = try folder.run(["check", "--fix"])
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("read-only"), "\(outcome.standardError)")
        #expect(folder.contents(of: "content/\(Self.name).rst") == (try Self.broken()))
    }

    @Test func diffNeedsFix() throws {
        let folder = try project(try Self.seed())
        defer { folder.remove() }
        let outcome = try folder.run(["check", "--diff"])
        #expect(outcome.status == 2, "\(outcome.standardError)")
    }
}
