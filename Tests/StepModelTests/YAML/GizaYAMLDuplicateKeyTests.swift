import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// A key given twice in one step: giza (PyYAML) keeps the last value; stepdoc warns at the later copy.
@Suite struct GizaYAMLDuplicateKeyTests {
    private let duplicated = MarkedSource(
        """
        title: First title
        ref: one
        content: |
          Old content.
        2️⃣title: Second title
        action:
          pre: Old pre.
          3️⃣pre: New pre.
        ---
        title: Another
        ref: two
        ...
        """)

    @Test func warnsAtTheLaterCopyAndKeepsItsValue() throws {
        let (procedure, diagnostics) = GizaYAMLReaderTests.read(duplicated.text)
        let warnings = diagnostics.filter { $0.id == "steps.yaml" }
        #expect(warnings.count == 2, "\(diagnostics)")
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.first?.location?.range.lowerBound == GizaYAMLReaderTests.at(duplicated, "2️⃣"))
        #expect(warnings.first?.summary.contains("'title' is given again") == true)
        #expect(warnings.first?.notes.first?.location?.range.lowerBound.line == 1)
        #expect(warnings.last?.location?.range.lowerBound == GizaYAMLReaderTests.at(duplicated, "3️⃣"))
        #expect(procedure.steps.count == 2)
        #expect(procedure.steps.first?.primary.titleText == "Second title")
        let body = procedure.steps.first?.body.map { block -> String in
            if case .paragraph(let inlines) = block.kind { return inlines.plainText }
            return ""
        }
        #expect(body == ["New pre.", "Old content."], "\(String(describing: body))")
    }

    @Test func convertsAsGizaDoesWithTheLastValue() throws {
        let plain = """
            ref: one
            content: |
              Old content.
            title: Second title
            action:
              pre: New pre.
            ---
            title: Another
            ref: two
            ...
            """
        let expected = try ProcedureText(gizaYAML: SourceFile(path: "steps-a.yaml", text: plain))
        let converted = try ProcedureText(gizaYAML: SourceFile(path: "steps-a.yaml", text: duplicated.text))
        #expect(GizaWriter.bytes(converted) == GizaWriter.bytes(expected))
    }

    @Test func stillRefusesYAMLThatIsNotValid() {
        let (_, diagnostics) = GizaYAMLReaderTests.read("title: a\ntitle: [b\n")
        #expect(diagnostics.contains { $0.id == "steps.yaml" && $0.severity == .error }, "\(diagnostics)")
    }
}
