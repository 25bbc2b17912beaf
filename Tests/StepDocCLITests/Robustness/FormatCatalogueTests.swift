import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// The catalogue of bad inputs: files `fmt` must not change the rendering of, and the fixes offered for
/// numbering. fmt rewrites a file only when the result reads back as the same steps for every builder.
@Suite struct FormatCatalogueTests {
    /// `GizaSource.twoSteps` with the first three columns of indentation as a tab.
    static var tabbed: String {
        GizaSource.twoSteps.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("   ") ? "\t" + line.dropFirst(3) : String(line)
        }.joined(separator: "\n")
    }

    @Test func formatsATabIndentedFileWithoutMakingItsBodiesBlockQuotes() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(Self.tabbed, to: "content/steps.rst")
        let before = try await project.check(["content"])
        let run = try await project.run(["fmt", "content/steps.rst"])
        #expect(run.status == 0, "\(run)")
        let formatted = project.process.contents(of: "content/steps.rst") ?? ""
        #expect(!formatted.contains("\t"), "\(formatted)")
        #expect(formatted.contains("\n   Run the command.\n"), "\(formatted)")
        let after = try await project.check(["content"])
        #expect(after.status == 0 && !after.findings.contains { $0.id == "steps.branches-agree" }, "\(after)")
        _ = before
    }

    @Test func refusesAFileWhoseStepsWouldChangeTheirBuilders() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        let older = GizaSource.html("3", "Install", ["Install it."])
            + ".. only:: latex or epub\n\n   Step 3: Install\n   ~~~~~~~~~~~~~~~\n\n   Install it.\n\n"
        let text = GizaSource.twoSteps + older
        try project.write(text, to: "content/steps.rst")
        let run = try await project.run(["fmt", "--check", "content/steps.rst"])
        #expect(run.status == 1, "\(run)")
        #expect(
            run.standardError.contains("formatting would change what step 3 renders: the other branch would be shown to"),
            "\(run)")
        let inPlace = try await project.run(["fmt", "content/steps.rst"])
        #expect(inPlace.status == 1, "\(inPlace)")
        #expect(project.process.contents(of: "content/steps.rst") == text, "the file is left as it is")
    }

    @Test func offersRenumberingToItsPlaceInJSONAndSARIF() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        let text = GizaSource.step("1", "One") + GizaSource.step("2", "Two") + GizaSource.step("1", "Three")
            + GizaSource.step("2", "Four")
        try project.write(text, to: "content/steps.rst")
        let run = try await project.check(["content"])
        let object = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        let diagnostics = (object?["diagnostics"] as? [[String: Any]] ?? []).filter { $0["id"] as? String == "steps.numbering" }
        let messages = diagnostics.compactMap { ($0["fixIts"] as? [[String: Any]])?.first?["message"] as? String }
        #expect(messages == ["renumber to 3", "renumber to 4"], "\(run)")
        let sarif = try await project.run(["check", "--format", "sarif", "content"])
        #expect(sarif.standardOutput.contains("renumber to 4") && !sarif.standardOutput.contains("renumber to 2"), "\(sarif)")
    }

    @Test func reportsAStepsYAMLFileThatIsNotYAMLInYAMLTerms() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write("title: [not closed\nref: a\ncontent: |\n  Text.\n", to: "content/steps-bad.yaml")
        let run = try await project.check(["content"])
        #expect(run.status == 1, "\(run)")
        #expect(run.finding("steps.yaml") != nil, "\(run)")
        #expect(!run.findings.contains { $0.summary.contains("sequence-step") }, "\(run)")
    }
}
