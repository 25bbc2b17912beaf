import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// The catalogue of bad inputs, part 5: sizes and depths. Large inputs must finish (no timing is
/// asserted) with positions that stay right; nesting beyond the limit is an error, not a stack overflow.
@Suite struct LimitCatalogueTests {
    private static var templates: String { Fixtures.projectRoot().appendingPathComponent("templates").path }

    /// A megabyte on one line, a finding at its end: the column counts every byte before it, and the
    /// text report shows a window of the line, not the megabyte.
    @Test func findsAPositionAtTheEndOfAOneMegabyteLine() async throws {
        // Large texts are made in the heavy lane (see inHeavyLane): it is slow work in a debug build.
        let source = try await inHeavyLane {
            let words = String(repeating: "lorem ipsum dolor sit amet ", count: 1_048_576 / 27)
            return MarkedSource(
                GizaSource.step("1", "Connect", [words + "see 1️⃣:manaul:`/reference`."]) + GizaSource.step("2", "Check"))
        }
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/long.rst")
        let run = try await project.check(["content/long.rst"])
        #expect(source["1️⃣"].column > 1_000_000)
        expectFinding(run, "rst.unknown-role", severity: "warning", at: source["1️⃣"], status: 0)
        let text = try await project.outcome(["check", "content/long.rst"])
        #expect(text.status == 0)
        #expect(text.standardOutput.utf8.count < 4096, "an excerpt of \(text.standardOutput.utf8.count) bytes")
        #expect(text.standardOutput.contains("unknown role 'manaul'; did you mean 'manual'?"))
        let build = try await project.run([
            "build", "--templates", Self.templates, "--output", "out", "content/long.rst",
        ])
        #expect(build.status == 0, "\(build)")
    }

    /// Ten thousand steps, the last one misnumbered.
    @Test func findsAMisnumberedStepAmongTenThousand() async throws {
        let source = try await inHeavyLane {
            var text = ""
            for number in 1..<10_000 {
                text += GizaSource.step(String(number), "Do step number \(number)", ["Run command \(number)."])
            }
            text +=
                GizaSource.html("1️⃣10001", "The last step", ["Done."])
                + GizaSource.print("10001", "The last step", ["Done."])
            return MarkedSource(text)
        }
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/many.rst")
        let run = try await project.check(["content/many.rst"])
        expectFinding(run, "steps.numbering", severity: "error", at: source["1️⃣"], status: 1)
        #expect(run.finding("steps.numbering")?.summary == "step numbers skip from 9999 to 10001", "\(run)")
    }

    /// Directives nested 1,000 deep: read to the limit of 64 levels, the rest kept as literal text,
    /// an error at the first line beyond it.
    @Test func stopsDirectivesNestedAThousandDeepAtTheLimit() async throws {
        let source = try await inHeavyLane {
            var body: [String] = []
            for level in 0..<1000 {
                body += [String(repeating: " ", count: 3 * level) + (level == 64 ? "1️⃣" : "") + ".. note::", ""]
            }
            body.append(String(repeating: " ", count: 3000) + "The bottom.")
            return MarkedSource(GizaSource.step("1", "Nested notes", body) + GizaSource.step("2", "Check"))
        }
        try await expectNestingLimit(source)
    }

    @Test func stopsListsNestedAThousandDeepAtTheLimit() async throws {
        let source = try await inHeavyLane {
            var body: [String] = []
            for level in 0..<1000 {
                body += [
                    String(repeating: " ", count: 2 * level) + "- " + (level == 63 ? "1️⃣" : "") + "item \(level)", "",
                ]
            }
            return MarkedSource(GizaSource.step("1", "Nested lists", body) + GizaSource.step("2", "Check"))
        }
        try await expectNestingLimit(source)
    }

    private func expectNestingLimit(_ source: MarkedSource, sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/deep.rst")
        let run = try await project.check(["content/deep.rst"])
        expectFinding(
            run, "limits.nesting-depth", severity: "error", at: source["1️⃣"], status: 1, sourceLocation: sourceLocation)
        #expect(
            run.finding("limits.nesting-depth")?.summary == "content is nested more than 64 levels deep",
            sourceLocation: sourceLocation)
        // Allowed depth all the way through lowering and every renderer.
        try project.write("limits:\n  max-nesting-depth: 200\n", to: "deep.yml")
        let build = try await project.run([
            "build", "--config", "deep.yml", "--format", "html,text,markdown", "--templates", Self.templates,
            "--output", "out", "content/deep.rst",
        ])
        #expect(build.status == 1, "\(build)", sourceLocation: sourceLocation)
        #expect(build.standardError.contains("[limits.nesting-depth]"), sourceLocation: sourceLocation)
    }

    /// Content nested 190 deep (under a limit raised to 200) is read, lowered and rendered in a debug
    /// build without exhausting the stack.
    @Test func rendersContentNestedJustUnderARaisedLimit() async throws {
        var body: [String] = []
        for level in 0..<190 {
            body += [
                String(repeating: " ", count: 3 * level) + (level.isMultiple(of: 2) ? ".. note::" : ".. container:: x"),
                "",
            ]
        }
        body.append(String(repeating: " ", count: 570) + "- The bottom, a list item with *emphasis*.")
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.step("1", "Nested", body) + GizaSource.step("2", "Check"), to: "content/deep.rst")
        try project.write("limits:\n  max-nesting-depth: 200\n", to: "deep.yml")
        let build = try await project.run([
            "build", "--config", "deep.yml", "--format", "html,text,markdown", "--templates", Self.templates,
            "--output", "out", "content/deep.rst",
        ])
        #expect(build.status == 0, "\(build)")
        #expect(project.process.contents(of: "out/text/deep.txt")?.contains("The bottom") == true)
    }

    /// A limit above 200 is refused at its value: deeper content could exhaust the stack.
    @Test func refusesANestingLimitAboveTwoHundred() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        try project.write("limits:\n  max-nesting-depth: 1000\n", to: "stepdoc.yml")
        let run = try await project.check()
        expectFinding(run, "config.invalid", file: "stepdoc.yml", at: (2, 22), status: 2)
    }

    /// The default limit is 64 MiB: a (sparse) file one byte over it is refused without being read.
    @Test func refusesAFileOverTheDefaultLimitOf64MiB() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/huge.rst")
        #expect(truncate(project.path("content/huge.rst"), 64 * 1024 * 1024 + 1) == 0)
        let run = try await project.check(["content/huge.rst"])
        expectFinding(run, "io.unreadable", severity: "error", file: "content/huge.rst", at: (1, 1), status: 2)
        #expect(run.standardError.contains("file is 67108865 bytes, over the limit of 67108864"), "\(run)")
    }

    /// A file over `limits.max-file-size` is not read: exit 2, naming the size, the limit and the key.
    @Test func refusesAFileOverTheSizeLimit() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        try project.write("limits:\n  max-file-size: 100\n", to: "stepdoc.yml")
        let run = try await project.check()
        expectFinding(run, "io.unreadable", severity: "error", file: "content/steps.rst", at: (1, 1), status: 2)
        let size = GizaSource.twoSteps.utf8.count
        #expect(
            run.standardError.contains(
                "error: content/steps.rst: file is \(size) bytes, over the limit of 100 (raise 'limits.max-file-size' "
                    + "in stepdoc.yml) [io.unreadable]"), "\(run)")
    }
}
