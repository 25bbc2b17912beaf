import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// The catalogue of bad inputs: inputs whose size multiplies (include bombs, deep templates, long
/// steps files, big diffs). Each ends promptly with a finding at its position, never runs for minutes
/// or overflows the stack.
@Suite struct HangCatalogueTests {
    /// A project whose step 1 body is `body`, in `content/steps.rst`.
    private func project(body: [String], config: String? = nil) throws -> (BadInputProject, MarkedSource) {
        let source = MarkedSource(GizaSource.step("1", "Connect", body) + GizaSource.step("2", "Check"))
        let project = try BadInputProject()
        try project.write(source.text, to: "content/steps.rst")
        if let config { try project.write(config, to: "stepdoc.yml") }
        return (project, source)
    }

    /// Six files of 20 lines, each including the next 20 times: 20⁶ includes of about 1 KB of files.
    private func writeBomb(in project: BadInputProject) throws {
        for level in 1...5 {
            let line = ".. include:: /includes/\(level + 1).rst\n"
            try project.write(String(repeating: line, count: 20), to: "content/includes/\(level).rst")
        }
        try project.write("Bottom of the bomb, twenty lines of it.\n", to: "content/includes/6.rst")
    }

    @Test func stopsAnIncludeBombAtTheIncludeThatGoesOverTheLimit() async throws {
        let (project, source) = try project(body: ["Start.", "", ".. include:: 1️⃣/includes/1.rst"])
        defer { project.remove() }
        try writeBomb(in: project)
        let run = try await project.check(["content"])
        #expect(run.status == 1, "\(run)")
        // One per top-level file: includes/1.rst … are step files of the folder too.
        let findings = run.findings.filter { $0.id == "limits.included-bytes" }
        #expect(!findings.isEmpty && findings.count <= 6, "\(run)")
        #expect(findings.first?.summary.hasPrefix("included text exceeds 4194304 bytes in all at") == true, "\(run)")
        #expect(findings.first?.file?.hasPrefix("content/includes/") == true, "\(run)")
        _ = source
    }

    @Test func takesTheIncludedBytesLimitFromTheConfiguration() async throws {
        let (project, source) = try project(
            body: ["Start.", "", ".. include:: /includes/a.rst", "", ".. include:: 1️⃣/includes/a.rst"],
            config: "limits:\n  max-included-bytes: 1500\n")
        defer { project.remove() }
        try project.write(String(repeating: "Sixty bytes of included text, give or take a few bytes.\n", count: 1),
            to: "content/includes/a.rst")
        let run = try await project.check(["content"])
        expectFinding(run, "limits.included-bytes", severity: "error", file: "content/steps.rst", at: source["1️⃣"], status: 1)
    }

    @Test func refusesAnIncludedBytesLimitThatIsNotANumber() async throws {
        let (project, _) = try project(body: ["Text."], config: "limits:\n  max-included-bytes: lots\n")
        defer { project.remove() }
        let run = try await project.check(["content"])
        #expect(run.status == 2, "\(run)")
        #expect(run.finding("config.invalid")?.summary == "'max-included-bytes' must be a whole number", "\(run)")
    }

    @Test func refusesATemplateOfThirtyThousandNestedSections() async throws {
        let (project, _) = try project(body: ["Text."])
        defer { project.remove() }
        let depth = 30_000
        let page = "<html>" + String(repeating: "{{#title}}", count: depth) + "x"
            + String(repeating: "{{/title}}", count: depth) + "</html>\n"
        try project.write(page, to: "templates/default/page.mustache")
        let run = try await project.run(["build", "--output", "out", "content"])
        #expect(run.status == 2, "\(run)")
        let finding = run.finding("templates.invalid")
        #expect(finding?.summary == "template syntax: sections are nested more than 32 deep", "\(run)")
        #expect(finding?.line == 1 && finding?.column == 7 + 32 * 10, "\(run)")
        #expect(!run.standardError.contains("Crash"), "\(run)")
    }

    @Test func checksAStepsFileOfTenThousandSteps() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        let steps = (1...10_000).map { "title: Step \($0)\nref: s\($0)\ncontent: |\n  Run command \($0).\n" }
        try project.write(steps.joined(separator: "---\n") + "---\ntitle: Last\ncontent: |\n  A :nosuchrole:`x`.\n",
            to: "content/steps-many.yaml")
        let run = try await project.check(["content"])
        expectFinding(run, "rst.unknown-role", severity: "warning", file: "content/steps-many.yaml",
            at: (50_003, 5), status: 0)
    }
}
