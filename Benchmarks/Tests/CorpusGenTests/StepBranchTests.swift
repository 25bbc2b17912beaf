import CorpusGen
import Foundation
import Testing

@Suite struct StepBranchTests {
    static let layout = CorpusLayout(fileCount: 20)
    static let inputs = layout.inputs.filter { $0.name != "ten-mib" }

    private func steps(of input: CorpusLayout.Input, seed: UInt64 = 1) throws -> [GizaStepFileReader.Step] {
        try GizaStepFileReader(Self.layout.generate(input, seed: seed, markdown: false).rst).steps
    }

    @Test(arguments: inputs)
    func bothBranchesOfEveryStepAgree(input: CorpusLayout.Input) throws {
        for step in try steps(of: input) {
            #expect(step.html == step.print, "\(input.name) step \(step.printNumber): the branches differ")
        }
    }

    @Test(arguments: inputs)
    func stepsAreNumberedOneToN(input: CorpusLayout.Input) throws {
        let steps = try steps(of: input)
        #expect(steps.map(\.htmlNumber) == Array(1...steps.count), "\(input.name): HTML branch numbers")
        #expect(steps.map(\.printNumber) == Array(1...steps.count), "\(input.name): print branch numbers")
    }

    @Test(arguments: inputs)
    func underlinesAreBackticksAsLongAsTheHeading(input: CorpusLayout.Input) throws {
        for step in try steps(of: input) {
            for branch in [step.html, step.printAsWritten] {
                #expect(
                    branch.underline == "   " + String(repeating: "`", count: branch.heading.count - 3),
                    "\(branch.heading)")
                #expect(branch.heading.hasPrefix("   ") && !branch.heading.hasPrefix("    "))
            }
        }
    }

    @Test(arguments: inputs)
    func bodiesAreIndentedAsGizaWritesThem(input: CorpusLayout.Input) throws {
        for step in try steps(of: input) {
            let body = step.html.body
            // A body opens with an empty line then a three-space one, and closes with the same two reversed.
            #expect(body.prefix(2) == ["", "   "], "\(step.html.heading)")
            #expect(body.suffix(2) == ["   ", ""], "\(step.html.heading)")
            var inDirective = false
            for line in body.dropFirst(2).dropLast(2) {
                #expect(!line.isEmpty, "\(step.html.heading): a blank line inside a body must hold three spaces")
                #expect(line.hasPrefix("   "), "\(step.html.heading): \"\(line)\" is not indented")
                if line.hasPrefix("   .. code-block:: ") || line == "   .. note::" {
                    inDirective = true
                } else if line != "   ", !line.hasPrefix("      ") {
                    inDirective = false
                }
                if inDirective, line != "   ", !line.hasPrefix("   .. ") {
                    #expect(line.hasPrefix("      "), "\(step.html.heading): \"\(line)\" is inside a directive")
                }
            }
        }
    }

    @Test func bodiesHoldEveryKindOfBlockAndInline() throws {
        let input = try #require(Self.layout.inputs.first { $0.name == "one-mib" })
        let rst = String(decoding: Self.layout.generate(input, seed: 1, markdown: false).rst, as: UTF8.self)
        let wanted = [
            "   .. code-block:: sh\n", "   .. code-block:: javascript\n", "      :copyable: false\n", "   .. note::\n",
            "   - ", ":manual:`", ":authrole:`", ":binary:`~bin.", ":dbcommand:`", ":method:`", ":setting:`",
            ":program:`", ":guilabel:`", ":issue:`", "``", " *", " **", ">`_",
        ]
        #expect(wanted.filter { !rst.contains($0) } == [], "missing from one-mib.rst")
        let patterns = [
            "a link with its URL on the next line": #"`[A-Za-z0-9 .-]+\n +<https://[^>]+>`_"#,
            "a bullet item spanning two lines": #"\n   - [^\n]+\n     \S"#,
            "an optional step": #"\n   Step \d+: Optional: [A-Z]"#,
        ]
        let absent = try patterns.filter { try !rst.contains(Regex($0.value)) }.map(\.key)
        #expect(absent == [], "missing from one-mib.rst")
    }
}

extension CorpusLayout.Input: CustomTestStringConvertible {
    public var testDescription: String { name }
}

@Suite struct GizaStepFileReaderTests {
    private let file = Array(
        """
        .. only:: html or dirhtml or singlehtml

           .. raw:: html
           \("")
              <div class="sequence-block"><div class="bullet-block"><div class="sequence-step">1</div></div>

           Title
           `````

           \("")
           Body text.
           \("")

           .. raw:: html
           \("")
              </div>

        .. only:: not(html or dirhtml or singlehtml)

           Step 1: Title
           `````````````

           \("")
           Body text.
           \("")


        """.utf8
    )

    @Test func readsTheSeedLayout() throws {
        let steps = try GizaStepFileReader(file).steps
        #expect(steps.count == 1)
        #expect(steps.first?.html == steps.first?.print)
        #expect(steps.first?.html.body == ["", "   ", "   Body text.", "   ", ""])
    }

    @Test func noticesABodyThatDiffers() throws {
        let text = String(decoding: file, as: UTF8.self)
        let printBranch = try #require(text.range(of: GizaStepFileReader.printOnly))
        let changed = Array(
            (text[..<printBranch.lowerBound]
                + text[printBranch.lowerBound...].replacing("Body text.", with: "Body text!")).utf8)
        let step = try #require(try GizaStepFileReader(changed).steps.first)
        #expect(step.html != step.print)
    }

    @Test func rejectsAMissingSequenceStepDiv() {
        let broken = Array(String(decoding: file, as: UTF8.self).replacing("sequence-step", with: "other").utf8)
        #expect(throws: GizaStepFileReader.Failure.self) { try GizaStepFileReader(broken) }
    }
}

/// The reader must accept the file the project was built from, so "the reader accepts our output" means
/// "our output has the seed's layout".
@Suite struct SeedLayoutTests {
    static let seed = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/seed/atlas-live-migration-prerequisites.rst")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seed.path), "needs ../shared/seed beside the repository"))
    func readerAcceptsTheSeedFile() throws {
        let steps = try GizaStepFileReader(Array(try Data(contentsOf: Self.seed))).steps
        #expect(steps.map(\.printNumber) == [1, 2, 3, 4, 5])
        #expect(steps.allSatisfy { $0.html == $0.print })
    }
}
