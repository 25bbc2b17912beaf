import Foundation
import StepDocTestSupport
import StepModel
import StepRender
import StepSyntax
import Testing

@Suite struct PlainTextBodyTests {
    private func seedStep(_ index: Int) throws -> Step {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.seedFile()))
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: SourceFile(path: "content/atlas-live-migration-prerequisites.rst", bytes: bytes),
            diagnostics: &diagnostics)
        return try #require(procedure.steps.indices.contains(index) ? procedure.steps[index] : nil)
    }

    @Test func rendersOneStepBodyWrappedWithCodeIndented() throws {
        let step = try seedStep(3)
        let text = PlainTextRenderer(options: RenderOptions(textWidth: 60))
            .render(body: step.body, stepLevel: step.primary.heading.level)
        #expect(
            text == """
                The migration process requires that authentication is
                enabled on your source cluster in AWS. See Enable Auth[1]
                for instructions on enabling authentication.

                You can verify that authentication is enabled on your source
                cluster using the mongo[2] command:

                    mongo <mongodb-connection-string> -u <mongodb-username> -p --authenticationDatabase admin

                [1] https://www.mongodb.com/docs/manual/tutorial/enable-authentication/
                [2] https://www.mongodb.com/docs/manual/reference/program/mongo/

                """)
    }

    @Test func rendersAnEmptyBodyAsNothing() {
        #expect(PlainTextRenderer().render(body: [], stepLevel: 1) == "")
    }

    @Test func rendersTheSameBodyTheProcedureRendererDoes() throws {
        let step = try seedStep(1)
        let body = PlainTextRenderer().render(body: step.body, stepLevel: step.primary.heading.level)
        let procedure = Procedure(file: "x.rst", era: .notHTML, steps: [step])
        #expect(PlainTextRenderer(options: RenderOptions(fragment: true)).render(procedure, title: "").hasSuffix(body))
    }
}
