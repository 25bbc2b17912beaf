import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// The catalogue of bad inputs, part 2: giza structure and reStructuredText markup gone wrong.
@Suite struct StructureCatalogueTests {
    /// Writes `source` as `content/NAME.rst` and checks it.
    private func check(_ source: MarkedSource, name: String = "steps") async throws -> (
        BadInputProject, BadInputProject.Run
    ) {
        let project = try BadInputProject()
        try project.write(source.text, to: "content/\(name).rst")
        return (project, try await project.check(["content/\(name).rst"]))
    }

    @Test func reportsAStepInOneBranchOnlyAtItsTitle() async throws {
        let source = MarkedSource(
            GizaSource.step("1", "Connect") + GizaSource.html("2", "1️⃣Check the version", ["Text."]))
        let (project, run) = try await check(source)
        defer { project.remove() }
        expectFinding(run, "steps.missing-branch", severity: "error", at: source["1️⃣"], status: 1)
    }

    /// The output does not depend on the order, so a warning; giza always writes the HTML copy first.
    @Test func warnsWhenTheOtherBranchComesBeforeTheHTMLBranch() async throws {
        let source = MarkedSource(
            GizaSource.print("1", "1️⃣Connect", ["Text."]) + GizaSource.html("1", "Connect", ["Text."])
                + GizaSource.step("2", "Check"))
        let (project, run) = try await check(source)
        defer { project.remove() }
        expectFinding(run, "steps.branch-order", severity: "warning", at: source["1️⃣"], status: 0)
        #expect(run.findings.map(\.id) == ["steps.branch-order"], "\(run)")
    }

    @Test func reportsAStepNumberThatIsNotANumber() async throws {
        let source = MarkedSource(
            GizaSource.step("1", "Connect") + GizaSource.html("1️⃣two", "Check", ["Text."])
                + GizaSource.print("two", "Check", ["Text."]))
        let (project, run) = try await check(source)
        defer { project.remove() }
        expectFinding(run, "steps.numbering", severity: "error", at: source["1️⃣"], status: 1)
        #expect(run.finding("steps.numbering")?.summary == "step number 'two' is not a number", "\(run)")
    }

    /// One heading underlined with another character than the others: the odd one is reported, not
    /// the three that agree.
    @Test func reportsTheStepHeadingUnderlinedWithTheWrongCharacter() async throws {
        let source = MarkedSource(
            GizaSource.html("1", "1️⃣Connect", ["Text."], underline: "=") + GizaSource.print("1", "Connect", ["Text."])
                + GizaSource.step("2", "Check"))
        let (project, run) = try await check(source)
        defer { project.remove() }
        expectFinding(run, "rst.heading-levels", severity: "warning", at: source["1️⃣"], status: 0)
        #expect(run.findings.filter { $0.id == "rst.heading-levels" }.count == 1, "\(run)")
    }

    @Test func warnsAboutACodeBlockWithNoContent() async throws {
        let body = ["Run:", "", ".. 1️⃣code-block:: sh", "", "Then check the output."]
        let source = MarkedSource(GizaSource.step("1", "Connect", body) + GizaSource.step("2", "Check"))
        let (project, run) = try await check(source)
        defer { project.remove() }
        expectFinding(run, "rst.directive", severity: "warning", at: source["1️⃣"], status: 0)
    }

    /// A figure without a path cannot render at all: an error.
    @Test func reportsAFigureWithoutAPath() async throws {
        let body = [".. 1️⃣figure::", "", "   The caption."]
        let source = MarkedSource(GizaSource.step("1", "Connect", body) + GizaSource.step("2", "Check"))
        let (project, run) = try await check(source)
        defer { project.remove() }
        expectFinding(run, "rst.directive", severity: "error", at: source["1️⃣"], status: 1)
    }

    @Test func warnsAboutAMalformedHyperlinkTarget() async throws {
        let body = ["See the site.", "", "1️⃣.. _the site :https://example.com", "", "More text."]
        let source = MarkedSource(GizaSource.step("1", "Connect", body) + GizaSource.step("2", "Check"))
        let (project, run) = try await check(source)
        defer { project.remove() }
        expectFinding(run, "rst.markup", severity: "warning", at: source["1️⃣"], status: 0)
        #expect(run.finding("rst.markup")?.summary.hasPrefix("malformed hyperlink target") == true, "\(run)")
    }

    @Test func warnsAboutConflictingTargets() async throws {
        let body = [
            "See `site`_.", "", ".. _site: https://a.example.com", ".. 1️⃣_site: https://b.example.com",
        ]
        let source = MarkedSource(GizaSource.step("1", "Connect", body) + GizaSource.step("2", "Check"))
        let (project, run) = try await check(source)
        defer { project.remove() }
        expectFinding(run, "rst.duplicate-target", severity: "warning", at: source["1️⃣"], status: 0)
    }

    /// Unclosed inline markup is shown as text, as docutils does: a warning at the start-string.
    @Test func warnsAboutAnUnterminatedInlineLiteral() async throws {
        let source = MarkedSource(
            GizaSource.step("1", "Connect", ["Run 1️⃣``mongosh --host db.example.com now."])
                + GizaSource.step("2", "Check"))
        let (project, run) = try await check(source)
        defer { project.remove() }
        expectFinding(run, "rst.markup", severity: "warning", at: source["1️⃣"], status: 0)
        #expect(run.finding("rst.markup")?.summary == "inline literal start-string without end-string", "\(run)")
    }

    @Test func warnsAboutARoleWithNoClosingBacktick() async throws {
        let source = MarkedSource(
            GizaSource.step("1", "Connect", ["Read 1️⃣:manual:`the manual </reference> first."])
                + GizaSource.step("2", "Check"))
        let (project, run) = try await check(source)
        defer { project.remove() }
        expectFinding(run, "rst.markup", severity: "warning", at: source["1️⃣"], status: 0)
    }

    /// A substitution defined by itself would recurse forever: an error at the reference inside the
    /// definition, the name shown as text.
    @Test func reportsASubstitutionThatRefersToItself() async throws {
        let source = MarkedSource(
            GizaSource.step("1", "Connect", ["Use |tool| here."]) + GizaSource.step("2", "Check")
                + ".. |tool| replace:: the 1️⃣|tool|\n")
        let (project, run) = try await check(source)
        defer { project.remove() }
        expectFinding(run, "rst.markup", severity: "error", at: source["1️⃣"], status: 1)
        #expect(run.finding("rst.markup")?.summary == "substitution '|tool|' refers to itself", "\(run)")
    }
}
