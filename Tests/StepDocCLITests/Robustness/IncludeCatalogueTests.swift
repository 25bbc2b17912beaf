import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// The catalogue of bad inputs, part 4: includes. Every include that cannot be read is an error at its
/// path (the included text would be missing from the output), in the file that holds the directive.
@Suite struct IncludeCatalogueTests {
    /// A project whose step 1 body is `body`, in `content/steps.rst`; `content` is the source root.
    private func project(body: [String]) throws -> (BadInputProject, MarkedSource) {
        let source = MarkedSource(GizaSource.step("1", "Connect", body) + GizaSource.step("2", "Check"))
        let project = try BadInputProject()
        try project.write(source.text, to: "content/steps.rst")
        return (project, source)
    }

    @Test func reportsAnIncludeCycleWhereItCloses() async throws {
        let (project, _) = try project(body: [".. include:: /includes/a.txt"])
        defer { project.remove() }
        let closing = MarkedSource("Text of b.\n\n.. include:: 1️⃣/includes/a.txt\n")
        try project.write("Text of a.\n\n.. include:: /includes/b.txt\n", to: "content/includes/a.txt")
        try project.write(closing.text, to: "content/includes/b.txt")
        let run = try await project.check(["content"])
        expectFinding(
            run, "rst.include", severity: "error", file: "content/includes/b.txt", at: closing["1️⃣"], status: 1)
        #expect(run.finding("rst.include")?.summary.hasPrefix("include cycle") == true, "\(run)")
    }

    @Test(arguments: [
        ("directory", "included path '/includes/folder' is a directory, not a file"),
        ("missing", "included file '/includes/missing.txt' does not exist"),
        ("outside", "included file '../../outside.txt' is outside the source root 'content'"),
    ])
    func reportsAnIncludeThatCannotBeReadAtItsPath(kind: String, summary: String) async throws {
        let path =
            ["directory": "/includes/folder", "missing": "/includes/missing.txt", "outside": "../../outside.txt"][kind]
            ?? ""
        let (project, source) = try project(body: ["Text.", "", ".. include:: 1️⃣\(path)"])
        defer { project.remove() }
        try project.makeFolder("content/includes/folder")
        try project.write("Outside the source root.\n", to: "outside.txt")
        let run = try await project.check(["content"])
        expectFinding(run, "rst.include", severity: "error", file: "content/steps.rst", at: source["1️⃣"], status: 1)
        #expect(run.finding("rst.include")?.summary == summary, "\(run)")
    }

    @Test func reportsALiteralIncludeMarkerThatIsNotInTheFile() async throws {
        let body = [".. literalinclude:: /includes/setup.py", "   :language: python", "   1️⃣:start-after: BEGIN SETUP"]
        let (project, source) = try project(body: body)
        defer { project.remove() }
        try project.write("import os\nprint(os.getcwd())\n", to: "content/includes/setup.py")
        let run = try await project.check(["content"])
        expectFinding(run, "rst.include", severity: "error", at: source["1️⃣"], status: 1)
        #expect(
            run.finding("rst.include")?.summary == "':start-after:' text 'BEGIN SETUP' is not in '/includes/setup.py'")
    }

    /// A substitution defined in an included file and used in the step: a finding in its text points
    /// into the included file (it used to name the step file with the included file's line).
    @Test func reportsAProblemInsideAnIncludedSubstitutionInItsOwnFile() async throws {
        let (project, _) = try project(body: [".. include:: /includes/definitions.txt", "", "Use |tool| here."])
        defer { project.remove() }
        let definitions = MarkedSource("\n\n\n.. |tool| replace:: the 1️⃣:toool:`mongosh` shell\n")
        try project.write(definitions.text, to: "content/includes/definitions.txt")
        let run = try await project.check(["content"])
        expectFinding(
            run, "rst.unknown-role", severity: "warning", file: "content/includes/definitions.txt",
            at: definitions["1️⃣"], status: 0)
    }

    /// Includes nested deeper than `limits.max-include-depth` (10) stop there with an error.
    @Test func stopsIncludesNestedDeeperThanTheLimit() async throws {
        let (project, _) = try project(body: [".. include:: /includes/1.txt"])
        defer { project.remove() }
        for level in 1...11 {
            try project.write(
                "Level \(level).\n\n.. include:: /includes/\(level + 1).txt\n", to: "content/includes/\(level).txt")
        }
        let deepest = MarkedSource("Level 10.\n\n.. include:: 1️⃣/includes/11.txt\n")
        try project.write(deepest.text, to: "content/includes/10.txt")
        let run = try await project.check(["content"])
        expectFinding(
            run, "limits.include-depth", severity: "error", file: "content/includes/10.txt", at: deepest["1️⃣"],
            status: 1)
    }

    /// Nesting continues into included files: ten files each nested 60 deep used to overflow the
    /// stack (600 levels); now the limit of 64 applies to the whole and stops it in the first include.
    @Test func countsNestingAcrossIncludes() async throws {
        let (project, _) = try project(body: Self.notes(60, around: ".. include:: /includes/1.txt"))
        defer { project.remove() }
        for level in 1...10 {
            let inner = level < 10 ? ".. include:: /includes/\(level + 1).txt" : "The bottom."
            try project.write(
                Self.notes(60, around: inner).joined(separator: "\n") + "\n", to: "content/includes/\(level).txt")
        }
        let run = try await project.check(["content"])
        #expect(run.status == 1, "\(run)")
        let finding = try #require(run.finding("limits.nesting-depth"), "\(run)")
        #expect(finding.file == "content/includes/1.txt", "\(run)")
        for command in [["build", "--output", "out"]] {
            try project.makeFolder("templates")
            let build = try await project.run(
                command + ["--templates", Fixtures.projectRoot().appendingPathComponent("templates").path])
            #expect(build.status == 1, "\(build)")
        }
    }

    /// `count` note directives, each inside the one before, with `inner` in the innermost.
    static func notes(_ count: Int, around inner: String) -> [String] {
        var lines: [String] = []
        for level in 0..<count {
            lines += [String(repeating: " ", count: 3 * level) + ".. note::", ""]
        }
        lines.append(String(repeating: " ", count: 3 * count) + inner)
        return lines
    }
}
