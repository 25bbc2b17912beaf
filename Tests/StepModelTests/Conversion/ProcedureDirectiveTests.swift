import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// `.. procedure::` with `.. step::` directives: one copy per step, numbered by position.
@Suite struct ProcedureDirectiveTests {
    static let sample = """
        Before You Begin
        ================

        .. procedure::
           :style: connected

           .. step:: 1️⃣Install the ``driver``.

              Run:

              .. code-block:: sh

                 pip install pymongo

           .. step:: Optional: 2️⃣Check the
              installation.

              Verify
              ~~~~~~

              Body.

        """

    static func read(_ text: String) -> (Procedure, [Diagnostic]) {
        let file = SourceFile(path: "procedure.rst", text: text)
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(parsing: file, diagnostics: &diagnostics)
        return (procedure, diagnostics + ProcedureRules.check(procedure, in: file))
    }

    @Test func readsEachStepDirectiveAsAStepWithOneCopy() throws {
        let source = MarkedSource(Self.sample)
        let (procedure, diagnostics) = Self.read(source.text)
        #expect(procedure.format == .procedureDirective)
        #expect(procedure.steps.map(\.number) == [1, 2])
        #expect(procedure.steps.map(\.titleText) == ["Install the driver.", "Check the installation."])
        #expect(procedure.steps.map(\.isOptional) == [false, true])
        #expect(procedure.steps.allSatisfy { $0.html != nil && $0.print == nil })
        #expect(
            procedure.steps[0].primary.titleRange.lowerBound
                == StepSyntax.SourceLocation(line: source["1️⃣"].line, column: source["1️⃣"].column))
        #expect(
            procedure.steps[1].primary.titleRange.lowerBound
                == StepSyntax.SourceLocation(line: source["2️⃣"].line, column: source["2️⃣"].column))
        // One copy by design: no missing branch, no numbering findings, and sub-headings below the steps.
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.id) \($0.summary)" })")
        #expect(procedure.steps[1].body.map(\.dump.rendered).first?.hasPrefix("Heading level 2") == true)
        #expect(procedure.steps[1].primary.heading.level == 1)
    }

    @Test func reportsAStepWithoutATitleAndAnUnknownStyle() {
        let (procedure, diagnostics) = Self.read(".. procedure::\n   :style: fancy\n\n   .. step::\n\n      Body.\n")
        #expect(procedure.steps.count == 1)
        #expect(
            diagnostics.map(\.summary).sorted() == [
                "procedure style 'fancy' is not 'normal' or 'connected'", "step 1 has no title",
            ])
    }

    @Test func readsLikeTheGizaFileItWasConvertedFrom() throws {
        let seed = try GizaSource.seed()
        let giza = GizaSource.procedure(seed)
        let text = try ProcedureText(giza: SourceFile(path: "seed.rst", text: seed), procedure: giza, lowering: [])
        let converted = String(decoding: ProcedureDirectiveWriter.bytes(text), as: UTF8.self)
        let (procedure, diagnostics) = Self.read(converted)
        #expect(procedure.format == .procedureDirective)
        #expect(procedure.era == .notHTML)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
        #expect(ModelShape.lines(procedure) == ModelShape.lines(giza))
    }

    @Test func writesTheSeedAsAProcedure() throws {
        let seed = try GizaSource.seed()
        let text = try ProcedureText(
            giza: SourceFile(path: "seed.rst", text: seed), procedure: GizaSource.procedure(seed), lowering: [])
        expectGolden(
            String(decoding: ProcedureDirectiveWriter.bytes(text), as: UTF8.self),
            at: Fixtures.directory().appendingPathComponent(
                "conversions/atlas-live-migration-prerequisites.procedure.rst"
            ).path)
    }

    @Test func keepsGappedNumbersInTheLayoutComment() throws {
        let seed = try GizaSource.seed()
        let gapped = seed.replacingOccurrences(of: "sequence-step\">5<", with: "sequence-step\">7<")
            .replacingOccurrences(of: "   Step 5: ", with: "   Step 7: ")
        let text = try ProcedureText(
            giza: SourceFile(path: "gapped.rst", text: gapped), procedure: GizaSource.procedure(gapped), lowering: [])
        let converted = String(decoding: ProcedureDirectiveWriter.bytes(text), as: UTF8.self)
        #expect(converted.hasPrefix(".. stepdoc: giza era=2017 heading=` numbers=1,2,3,4,7\n"))
        let (procedure, _) = Self.read(converted)
        #expect(procedure.steps.map(\.number) == [1, 2, 3, 4, 7])
        let back = ProcedureText(procedureDirective: SourceFile(path: "p.rst", text: converted), procedure: procedure)
        #expect(String(decoding: GizaWriter.bytes(back), as: UTF8.self) == gapped)
    }

    @Test func readsTheLayoutComment() {
        let comment = GizaLayoutComment(commentText: "stepdoc: giza era=2013 heading=^ numbers=2,4")
        #expect(comment == GizaLayoutComment(era: .legacy2013, headingCharacter: "^", numbers: [2, 4]))
        #expect(comment?.commentText == "stepdoc: giza era=2013 heading=^ numbers=2,4")
        #expect(GizaLayoutComment(commentText: "stepdoc: ignore[steps.numbering]") == nil)
    }
}
