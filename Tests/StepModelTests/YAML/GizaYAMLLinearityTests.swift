import StepModel
import StepSyntax
import Testing

/// Reading a giza steps YAML file is linear in its size: each field is read as reST where it stands
/// without the parser being handed the lines above it (10,000 steps with `content` took 4.2 s and
/// 20,000 took 15.7 s when every field was padded to its line with blank ones).
@Suite struct GizaYAMLLinearityTests {
    static func steps(_ count: Int, badRoleInLast: Bool = false) -> String {
        (1...count).map { index in
            let role = badRoleInLast && index == count ? " with :nosuchrole:`x`" : ""
            return "title: Step \(index)\nref: step-\(index)\ncontent: |\n  Run the command\(role).\n\n"
                + "  .. code-block:: sh\n\n     echo \(index)\n"
        }.joined(separator: "---\n")
    }

    /// The bytes the reST reader is given for a file of `count` steps, and the file's size.
    static func cost(_ count: Int) -> (parsed: Int, size: Int) {
        let file = SourceFile(path: "steps-many.yaml", text: steps(count))
        var diagnostics: [Diagnostic] = []
        var parsed = 0
        _ = Procedure(parsingGizaYAML: file, options: LoweringOptions(), diagnostics: &diagnostics, bytesParsed: &parsed)
        return (parsed, file.bytes.count)
    }

    @Test func readsTwiceTheStepsForTwiceTheWork() {
        let small = Self.cost(2_000)
        let large = Self.cost(4_000)
        let ratio = Double(large.parsed) / Double(small.parsed)
        #expect(ratio < 2.2, "reading 4,000 steps cost \(ratio)× reading 2,000: \(small) → \(large)")
        #expect(large.parsed <= large.size, "the fields are read once: \(large)")
    }

    @Test func placesFindingsOfTheLastStepOfALongFileOnItsLine() throws {
        let text = Self.steps(3_000, badRoleInLast: true)
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsingGizaYAML: SourceFile(path: "steps-many.yaml", text: text), diagnostics: &diagnostics)
        #expect(procedure.steps.count == 3_000)
        let finding = try #require(diagnostics.first { $0.id == .rstUnknownRole }, "\(diagnostics.prefix(3))")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(":nosuchrole:") }) + 1
        let column = Array(lines[line - 1].utf8).firstIndex(of: UInt8(ascii: ":")).map { $0 + 1 }
        #expect(finding.location?.range.lowerBound == SourceLocation(line: line, column: column ?? 0), "\(finding)")
    }
}
