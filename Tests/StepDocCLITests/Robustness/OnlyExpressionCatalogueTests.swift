import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// The catalogue of bad inputs, part 3: `.. only::` expressions that do not parse. Each is an error
/// at the place the expression goes wrong: the content is then kept for every builder (as Sphinx
/// does), so a branch meant for some builders would show in all of them.
@Suite struct OnlyExpressionCatalogueTests {
    @Test(arguments: [
        ".. 1️⃣only::",
        ".. only:: html or1️⃣",
        ".. only:: (html1️⃣",
        ".. only:: html 1️⃣&& latex",
        ".. only:: 1️⃣and html",
    ])
    func reportsAMalformedExpressionWhereItGoesWrong(_ directive: String) async throws {
        let source = MarkedSource(GizaSource.twoSteps + directive + "\n\n   Text for some builders.\n")
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/only.rst")
        let run = try await project.check(["content/only.rst"])
        expectFinding(run, "rst.only-expression", severity: "error", at: source["1️⃣"], status: 1)
    }

    /// The note of an unclosed parenthesis points at the parenthesis, in file columns.
    @Test func pointsAtTheParenthesisThatIsNotClosed() async throws {
        let source = MarkedSource(GizaSource.twoSteps + ".. only:: not 1️⃣(html or latex2️⃣\n\n   Text.\n")
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/only.rst")
        let outcome = try await project.outcome(["check", "content/only.rst"])
        #expect(outcome.status == 1)
        let position = source["2️⃣"]
        let open = source["1️⃣"]
        #expect(
            outcome.standardOutput.contains(
                "content/only.rst:\(position.line):\(position.column): error: malformed 'only' expression: "
                    + "expected ')' to close the '(', found the end of the expression [rst.only-expression]"),
            "\(outcome.standardOutput)")
        #expect(
            outcome.standardOutput.contains(
                "content/only.rst:\(open.line):\(open.column): note: the '(' that is not closed"),
            "\(outcome.standardOutput)")
    }

    /// A chain of thousands of `or` would make a tree too deep to evaluate: refused after 100 operators.
    @Test func refusesAnExpressionWithTooManyOperators() async throws {
        let head = "html" + String(repeating: " or html", count: 100)
        let source = MarkedSource(
            GizaSource.twoSteps + ".. only:: \(head) 1️⃣" + String(repeating: "or html ", count: 5000) + "\n\n   Text.\n")
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/only.rst")
        let run = try await project.check(["content/only.rst"])
        expectFinding(run, "rst.only-expression", severity: "error", at: source["1️⃣"], status: 1)
        #expect(run.finding("rst.only-expression")?.summary.contains("more than 100 'and' and 'or' operators") == true)
        // Building evaluates expressions: it must stop with the error, not overflow the stack.
        let build = try await project.run([
            "build", "--templates", Fixtures.projectRoot().appendingPathComponent("templates").path, "content/only.rst",
        ])
        #expect(build.status == 1, "\(build)")
    }
}
