import StepModel
import StepProject
import StepSyntax
import Testing

/// Reading a large file on two threads gives exactly what reading it on one gives.
@Suite struct PipelinedReadingTests {
    /// One giza step, both branches.
    static func step(_ number: Int) -> String {
        let title = "Step \(number) with :authrole:`backup`"
        let body = """
               A paragraph with ``code`` and `a link <https://example.com/\(number)>`_.

               - a list item
               - another :unknownrole:`x`

               .. note::

                  Mind the gap.

            """
        let underline = String(repeating: "`", count: title.utf8.count)
        let printTitle = "Step \(number): " + title
        return """
            .. only:: html or dirhtml or singlehtml

               .. raw:: html

                  <div class="sequence-block"><div class="bullet-block"><div class="sequence-step">\(number)</div></div>

               \(title)
               \(underline)

            \(body)
               .. raw:: html

                  </div>

            .. only:: not(html or dirhtml or singlehtml)

               \(printTitle)
               \(String(repeating: "`", count: printTitle.utf8.count))

            \(body)

            """
    }

    @Test func pipelinedReadingMatchesSequentialReading() {
        var text = ""
        var number = 1
        while text.utf8.count < 512 * 1024 + 4096 {
            text += Self.step(number)
            number += 1
        }
        let file = SourceFile(path: "big.rst", text: text)
        let entry = SourceEntry(path: "big.rst", root: ".", name: "big")
        let sequential = Pipeline(config: StepDocConfig(), sourceRoot: ".", jobs: 1).process(entry, file: file)
        let pipelined = Pipeline(config: StepDocConfig(), sourceRoot: ".", jobs: 2).process(entry, file: file)
        #expect(sequential.procedure.steps.count == number - 1)
        #expect(pipelined.procedure == sequential.procedure)
        #expect(pipelined.diagnostics == sequential.diagnostics)
        #expect(pipelined.suppressions == sequential.suppressions)
        #expect(!sequential.diagnostics.isEmpty)
    }
}
