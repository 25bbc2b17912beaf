import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// The structural rules, each with positions marked in the source.
@Suite struct RuleTests {
    func findings(_ marked: MarkedSource, includes: [String: String] = [:]) -> [Diagnostic] {
        let file = SourceFile(path: "t.rst", text: marked.text)
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: file, options: LoweringOptions(includes: InMemoryIncludes(includes)), diagnostics: &diagnostics)
        return diagnostics + ProcedureRules.check(procedure, in: file)
    }

    func at(_ source: MarkedSource, _ marker: String) -> StepSyntax.SourceLocation {
        StepSyntax.SourceLocation(line: source[marker].line, column: source[marker].column)
    }

    @Test func warnsWhenStepNumbersSkipAndRepeat() {
        let source = MarkedSource(
            GizaText.step(1, "One", ["Body."]) + GizaText.step(2, "Two", ["Body."])
                + GizaText.html(.init(number: "1️⃣5", title: "Five", body: ["Body."])) + "\n"
                + GizaText.print(.init(number: "5", title: "Five", body: ["Body."])) + "\n"
                + GizaText.html(.init(number: "2️⃣5", title: "Again", body: ["Body."])) + "\n"
                + GizaText.print(.init(number: "5", title: "Again", body: ["Body."])))
        let numbering = findings(source).filter { $0.id == "steps.numbering" }
        #expect(numbering.map(\.summary) == ["step numbers skip from 2 to 5", "step number 5 is used twice"])
        #expect(numbering.map { $0.location?.range.lowerBound } == [at(source, "1️⃣"), at(source, "2️⃣")])
        #expect(numbering[1].notes.first?.location?.range.lowerBound == at(source, "1️⃣"))
        #expect(numbering[0].fixIts.first?.replacement == "3")
    }

    /// A skip of one (1, 2, 4) is a skip as much as 2 to 5 is.
    @Test func warnsWhenStepNumbersSkipOne() {
        let source = MarkedSource(
            GizaText.step(1, "One", ["Body."]) + GizaText.step(2, "Two", ["Body."])
                + GizaText.html(.init(number: "1️⃣4", title: "Four", body: ["Body."])) + "\n"
                + GizaText.print(.init(number: "4", title: "Four", body: ["Body."])))
        let numbering = findings(source).filter { $0.id == "steps.numbering" }
        #expect(numbering.map(\.summary) == ["step numbers skip from 2 to 4"])
        #expect(numbering.first?.location?.range.lowerBound == at(source, "1️⃣"))
    }

    /// 1, 2, 1, 2: the fix-its give each step its place (3 and 4), never a number it already has, and
    /// renumber both branches so they still agree.
    @Test func renumbersRepeatedStepsToTheirPlaceInBothBranches() {
        let source = MarkedSource(
            GizaText.step(1, "One", ["Body."]) + GizaText.step(2, "Two", ["Body."])
                + GizaText.html(.init(number: "1️⃣1", title: "Three", body: ["Body."])) + "\n"
                + GizaText.print(.init(number: "2️⃣1", title: "Three", body: ["Body."])) + "\n"
                + GizaText.html(.init(number: "3️⃣2", title: "Four", body: ["Body."])) + "\n"
                + GizaText.print(.init(number: "2", title: "Four", body: ["Body."])))
        let numbering = findings(source).filter { $0.id == "steps.numbering" }
        #expect(numbering.map { $0.fixIts.map(\.replacement) } == [["3", "3"], ["4", "4"]])
        #expect(numbering.first?.fixIts.map(\.location.range.lowerBound) == [at(source, "1️⃣"), at(source, "2️⃣")])
        #expect(numbering.last?.location?.range.lowerBound == at(source, "3️⃣"))
    }

    @Test func reportsStepsThatDoNotStartAtOne() {
        let source = MarkedSource(
            GizaText.html(.init(number: "1️⃣2", title: "Two", body: ["Body."])) + "\n"
                + GizaText.print(.init(number: "2", title: "Two", body: ["Body."])) + "\n"
                + GizaText.step(3, "Three", ["Body."]))
        let numbering = findings(source).filter { $0.id == "steps.numbering" }
        #expect(numbering.map(\.summary) == ["step numbers start at 2, not 1"])
        #expect(numbering.first?.location?.range.lowerBound == at(source, "1️⃣"))
        #expect(numbering.first?.fixIts.first?.replacement == "1")
    }

    @Test func reportsAStepNumberedDifferentlyInTheTwoBranches() {
        let source = MarkedSource(
            GizaText.html(.init(number: "2️⃣1", title: "One", body: ["Body."])) + "\n"
                + GizaText.print(.init(number: "1️⃣2", title: "One", body: ["Body."])))
        let diagnostic = findings(source).first { $0.id == "steps.numbering" }
        #expect(diagnostic?.summary == "step is numbered 1 in the HTML branch but 'Step 2' in the other branch")
        #expect(diagnostic?.location?.range.lowerBound == at(source, "1️⃣"))
        #expect(diagnostic?.notes.first?.location?.range.lowerBound == at(source, "2️⃣"))
    }

    @Test func reportsAStepNumberThatIsNotANumber() {
        let source = MarkedSource(
            GizaText.html(.init(number: "1️⃣x", title: "One", body: [])) + "\n"
                + GizaText.print(.init(number: "x", title: "One", body: [])))
        let diagnostic = findings(source).first { $0.summary == "step number 'x' is not a number" }
        #expect(diagnostic?.id == "steps.numbering")
        #expect(diagnostic?.location?.range.lowerBound == at(source, "1️⃣"))
    }

    @Test func reportsAStepInOneBranchOnly() {
        let source = MarkedSource(
            GizaText.step(1, "One", ["Body."])
                + GizaText.html(.init(number: "2", title: "1️⃣Lonely", body: ["Body."])) + "\n"
                + GizaText.step(3, "Three", ["Body."]))
        let diagnostic = findings(source).first { $0.id == "steps.missing-branch" }
        #expect(diagnostic?.summary == "step 2 'Lonely' is only in the HTML branch")
        #expect(diagnostic?.location?.range.lowerBound == at(source, "1️⃣"))
    }

    @Test func pointsAtTheFirstDifferingWordInBothCopies() {
        let source = MarkedSource(
            GizaText.html(.init(number: "1", title: "One", body: ["Atlas supports the 1️⃣newest versions."])) + "\n"
                + GizaText.print(.init(number: "1", title: "One", body: ["Atlas supports", "the 2️⃣latest versions."])))
        let diagnostic = findings(source).first { $0.id == "steps.branches-agree" }
        #expect(diagnostic?.summary == "the body of step 1 differs between the branches")
        #expect(diagnostic?.location?.range.lowerBound == at(source, "1️⃣"))
        #expect(diagnostic?.notes.first?.location?.range.lowerBound == at(source, "2️⃣"))
        #expect(diagnostic?.explanation?.contains("- Atlas supports the newest versions.") == true)
        #expect(diagnostic?.explanation?.contains("+ Atlas supports the latest versions.") == true)
    }

    @Test func ignoresWhitespaceOnlyDifferencesBetweenCopies() {
        let source = MarkedSource(
            GizaText.html(.init(number: "1", title: "One", body: ["A long", "sentence   here."])) + "\n"
                + GizaText.print(.init(number: "1", title: "One", body: ["A long sentence here."])))
        #expect(findings(source).isEmpty)
    }

    @Test func reportsDifferingTitles() {
        let source = MarkedSource(
            GizaText.html(.init(number: "1", title: "Start the 1️⃣agent", body: [])) + "\n"
                + GizaText.print(.init(number: "1", title: "Start the 2️⃣daemon", body: [])))
        let diagnostic = findings(source).first { $0.id == "steps.branches-agree" }
        #expect(diagnostic?.summary == "the title of step 1 differs between the branches")
        #expect(diagnostic?.location?.range.lowerBound == at(source, "1️⃣"))
        #expect(diagnostic?.notes.first?.location?.range.lowerBound == at(source, "2️⃣"))
    }

    @Test func reportsStructureDifferencesWithTheSameWords() {
        let source = MarkedSource(
            GizaText.html(.init(number: "1", title: "One", body: ["1️⃣First.", "", "Second."])) + "\n"
                + GizaText.print(.init(number: "1", title: "One", body: ["First.", "Second."])))
        let diagnostic = findings(source).first { $0.id == "steps.branches-agree" }
        #expect(diagnostic?.location?.range.lowerBound == at(source, "1️⃣"))
    }

    @Test func warnsAboutActionHeadingsThatAreNotBelowTheirStep() {
        let source = MarkedSource(GizaText.step(1, "One", ["1️⃣Action", "``````", "", "Text."]))
        let diagnostic = findings(source).first { $0.id == "rst.heading-levels" }
        #expect(diagnostic?.summary == "heading 'Action' is not below its step's heading")
        #expect(diagnostic?.location?.range.lowerBound == at(source, "1️⃣"))
    }

    @Test func reportsUnknownRolesAndDirectivesWithSuggestions() {
        let source = MarkedSource(
            GizaText.step(
                1, "One",
                [
                    "Use 1️⃣:autrole:`backup`.", "", ".. 2️⃣cod-block:: sh", "", "   ls",
                ]))
        let all = findings(source)
        let role = all.first { $0.id == "rst.unknown-role" }
        #expect(role?.summary == "unknown role 'autrole'; did you mean 'authrole'?")
        #expect(role?.location?.range.lowerBound == at(source, "1️⃣"))
        let directive = all.first { $0.id == "rst.unknown-directive" }
        #expect(directive?.summary.hasPrefix("unknown directive 'cod-block'; did you mean 'code-block'") == true)
        #expect(directive?.location?.range.lowerBound == at(source, "2️⃣"))
    }

    @Test func reportsUnknownAndConflictingTargets() {
        let source = MarkedSource(
            GizaText.step(
                1, "One",
                [
                    "See 1️⃣MongoClinet_ and MongoClient_.", "",
                    ".. _MongoClient: https://a.example.com", "",
                    ".. _2️⃣MongoClient: https://b.example.com",
                ]))
        let all = findings(source)
        let unknown = all.first { $0.id == "rst.unknown-target" }
        #expect(unknown?.summary == "no hyperlink target named 'MongoClinet'; did you mean 'MongoClient'?")
        #expect(unknown?.location?.range.lowerBound == at(source, "1️⃣"))
        let duplicate = all.first { $0.id == "rst.duplicate-target" }
        #expect(duplicate?.location?.range.lowerBound.line == source["2️⃣"].line)
    }

    @Test func reportsMalformedOnlyExpressionsAtTheirColumn() {
        let source = MarkedSource(".. only:: html 1️⃣&& latex\n\n   Text.\n")
        let diagnostic = findings(source).first { $0.id == "rst.only-expression" }
        #expect(diagnostic?.summary == "malformed 'only' expression: unexpected '&' after the expression")
        #expect(diagnostic?.location?.range.lowerBound == at(source, "1️⃣"))
    }

    @Test func readsIncludesAndReportsMissingOnesAndCycles() {
        let source = MarkedSource(
            GizaText.step(
                1, "One",
                [
                    ".. include:: /includes/fine.rst", "", ".. include:: 1️⃣/includes/missing.rst", "",
                    ".. include:: 2️⃣/includes/loop.rst",
                ]))
        let all = findings(
            source,
            includes: [
                "/includes/fine.rst": "Included *text*.\n",
                "/includes/loop.rst": ".. include:: /includes/loop.rst\n",
            ])
        let includes = all.filter { $0.id == "rst.include" }
        #expect(
            includes.contains {
                $0.summary == "included file '/includes/missing.rst' does not exist"
                    && $0.location?.range.lowerBound == at(source, "1️⃣")
            })
        #expect(
            includes.contains { $0.summary.hasPrefix("include cycle") && $0.location?.file == "/includes/loop.rst" })
    }

    @Test func reportsALiteralIncludeMarkerThatIsNotInTheFile() {
        let source = MarkedSource(
            GizaText.step(
                1, "One",
                [
                    ".. literalinclude:: /code/x.py", "   :language: python", "   1️⃣:start-after: # begin",
                ]))
        let diagnostic = findings(source, includes: ["/code/x.py": "print(1)\n"]).first { $0.id == "rst.include" }
        #expect(diagnostic?.summary == "':start-after:' text '# begin' is not in '/code/x.py'")
        #expect(diagnostic?.location?.range.lowerBound == at(source, "1️⃣"))
    }

    @Test func ignoreCommentSilencesARuleOnTheNextLine() throws {
        let text =
            GizaText.step(1, "One", [".. stepdoc: ignore[rst.unknown-role]", "", "Use :autrole:`x`."])
            + GizaText.step(2, "Two", ["Use :autrole:`y`."])
        let file = SourceFile(path: "t.rst", text: text)
        let tree = SyntaxTree(parsing: file)
        var diagnostics: [Diagnostic] = []
        _ = Procedure(lowering: tree, diagnostics: &diagnostics)
        let suppressions = Suppressions(tree: tree)
        let kept = diagnostics.filter { !suppressions.suppresses($0) }
        // One finding per step: the other branch's copy reads the same, so it is not lowered twice.
        let unknown = diagnostics.filter { $0.id == "rst.unknown-role" }
        #expect(unknown.count == 2)
        // The comment silences step 1; step 2 still reports.
        #expect(kept.filter { $0.id == "rst.unknown-role" }.map(\.location) == [unknown[1].location])
    }
}
