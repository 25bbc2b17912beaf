import StepModel
import StepSyntax
import Testing

/// Reading a large file on two threads gives exactly what reading it on one gives.
@Suite struct PipelinedReadingTests {
    @Test func pipelinedReadingMatchesSequentialReading() {
        var text = ""
        var number = 1
        while text.utf8.count < LoweringOptions.pipelineThreshold + 4096 {
            text += GizaText.step(
                number, "Step \(number) with :authrole:`backup`",
                [
                    "A paragraph with ``code`` and `a link <https://example.com/\(number)>`_.", "",
                    "- a list item", "- another :unknownrole:`x`", "", ".. note::", "", "   Mind the gap.",
                ])
            number += 1
        }
        let file = SourceFile(path: "big.rst", text: text)
        func read(pipelined: Bool) -> (Procedure, [Diagnostic]) {
            var options = LoweringOptions()
            options.pipelinesLargeFiles = pipelined
            var diagnostics: [Diagnostic] = []
            let procedure = Procedure(parsing: file, options: options, diagnostics: &diagnostics)
            return (procedure, diagnostics)
        }
        let (sequential, sequentialDiagnostics) = read(pipelined: false)
        let (pipelined, pipelinedDiagnostics) = read(pipelined: true)
        #expect(sequential.steps.count == number - 1)
        #expect(pipelined == sequential)
        #expect(pipelinedDiagnostics == sequentialDiagnostics)
        #expect(!sequentialDiagnostics.isEmpty)
    }
}
