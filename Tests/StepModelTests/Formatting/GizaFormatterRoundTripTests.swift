import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// `fmt(fmt(x)) == fmt(x)`, and `parse(fmt(x))` has the structure of `parse(x)`.
@Suite struct GizaFormatterRoundTripTests {
    /// Well-formed giza files: the seed, the real corpus, and the hand-written era fixtures.
    static func wellFormed() throws -> [(name: String, text: String)] {
        var files = [("seed", try GizaSource.seed())]
        for (name, bytes) in try GizaSource.realFiles() { files.append((name, String(decoding: bytes, as: UTF8.self))) }
        for name in ["legacy-2013.rst", "latex-or-epub-2014.rst", "not-html-2017.rst", "doubled-2019.rst"] {
            let url = Fixtures.directory().appendingPathComponent("eras/\(name)")
            files.append((name, try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    /// Files fmt changes: drifted, renumbered, shortened.
    static func changed() throws -> [(name: String, text: String)] {
        let seed = try GizaSource.seed()
        return [
            (
                "drifted",
                GizaSource.replacing("the latest versions", with: "the newest versions", occurrence: 2, in: seed)
            ),
            (
                "gapped",
                seed.replacingOccurrences(of: "sequence-step\">5<", with: "sequence-step\">9<")
                    .replacingOccurrences(of: "   Step 5: ", with: "   Step 9: ")
            ),
            ("short underline", GizaSource.replacing("``````\n", with: "\n", occurrence: 1, in: seed)),
        ]
    }

    @Test func isIdempotent() throws {
        for (name, text) in try Self.wellFormed() + Self.changed() {
            let once = try GizaSource.format(text)
            let twice = try GizaSource.format(once)
            #expect(twice == once, "\(name):\n\(lineDiff(once, twice))")
        }
    }

    @Test func keepsTheSyntaxAndStepsOfWellFormedFiles() throws {
        for (name, text) in try Self.wellFormed() {
            let formatted = try GizaSource.format(text)
            let before = SyntaxTree(parsing: SourceFile(path: name, text: text))
            let after = SyntaxTree(parsing: SourceFile(path: name, text: formatted))
            let renumbered = name.contains("gapped-stepnums")
            if !renumbered {
                #expect(SyntaxEquivalence.equivalent(before.blocks, after.blocks), "\(name): the syntax trees differ")
            }
            let beforeShape = ModelShape.lines(GizaSource.procedure(text, path: name), numbers: !renumbered)
            let afterShape = ModelShape.lines(GizaSource.procedure(formatted, path: name), numbers: !renumbered)
            #expect(
                afterShape == beforeShape,
                "\(name):\n\(lineDiff(beforeShape.joined(separator: "\n"), afterShape.joined(separator: "\n")))")
            #expect(GizaSource.procedure(formatted).era == GizaSource.procedure(text).era, "\(name)")
        }
    }

    @Test func makesBothBranchesAgree() throws {
        for (name, text) in try Self.changed() {
            let file = SourceFile(path: "steps.rst", text: try GizaSource.format(text))
            var diagnostics: [Diagnostic] = []
            let procedure = Procedure(parsing: file, diagnostics: &diagnostics)
            diagnostics += ProcedureRules.check(procedure, in: file)
            #expect(diagnostics.isEmpty, "\(name): \(diagnostics.map(\.summary))")
        }
    }
}

extension GizaFormatterRoundTripTests {
    /// Every file made by deleting one line of the seed (every other line, to keep the run short) is
    /// either refused or formatted to a fixed point, and converts to the other formats without trapping.
    @Test func survivesOneLineDeletionsFromTheSeed() throws {
        let lines = try GizaSource.seed().components(separatedBy: "\n")
        var formatted = 0
        for index in stride(from: 0, to: lines.count, by: 2) {
            var damaged = lines
            damaged.remove(at: index)
            let text = damaged.joined(separator: "\n")
            guard let once = try? GizaSource.format(text) else { continue }
            formatted += 1
            #expect(try GizaSource.format(once) == once, "line \(index + 1) deleted")
            let file = SourceFile(path: "damaged.rst", text: text)
            var diagnostics: [Diagnostic] = []
            let procedure = Procedure(parsing: file, diagnostics: &diagnostics)
            if let converted = try? ProcedureText(giza: file, procedure: procedure, lowering: diagnostics) {
                _ = ProcedureDirectiveWriter.bytes(converted)
                _ = GizaYAMLWriter.bytes(converted)
            }
        }
        #expect(formatted > lines.count / 4, "only \(formatted) of \(lines.count / 2) damaged files were formatted")
    }
}
