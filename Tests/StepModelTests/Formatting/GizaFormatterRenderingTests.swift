import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// fmt never changes what a file renders: it reads the result back and compares the rendered model
/// (titles, bodies, which builders see each branch, content outside the steps), refusing otherwise.
/// Tabs count as docutils counts them (stops of 8), so a tab-indented file formats to spaces.
@Suite struct GizaFormatterRenderingTests {
    /// `text` with every line's leading whitespace normalized away at its end, for comparing files
    /// that differ only in what blank lines hold.
    static func normalized(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while line.last == " " || line.last == "\t" { line = line.dropLast() }
            return String(line)
        }
    }

    /// The seed with the first three columns of indentation written as `replacement`.
    static func reindented(_ seed: String, with replacement: String) -> String {
        seed.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("   ") ? replacement + line.dropFirst(3) : String(line)
        }.joined(separator: "\n")
    }

    @Test(arguments: ["\t", "    ", " \t"])
    func formatsAFileIndentedOtherwiseAsDocutilsReadsIt(_ indentation: String) throws {
        let seed = try GizaSource.seed()
        let tabbed = Self.reindented(seed, with: indentation)
        #expect(tabbed != seed)
        let formatted = try GizaSource.format(tabbed)
        #expect(Self.normalized(formatted) == Self.normalized(seed), "\(lineDiff(seed, formatted))")
        #expect(!formatted.split(separator: "\n").contains { $0.hasPrefix("\t") || $0.hasPrefix(" \t") })
    }

    @Test func refusesAFileMixingTemplateErasRatherThanChangingItsBuilders() throws {
        let url = Fixtures.directory().appendingPathComponent("eras/latex-or-epub-2014.rst")
        let older = try String(contentsOf: url, encoding: .utf8)
        let newer = GizaText.step(1, "Connect", ["Connect to the server."])
            + GizaText.step(2, "Check", ["Check the version."])
        // The 2014 steps, renumbered to follow the 2017 ones.
        var renumbered = older
        for number in (1...2).reversed() {
            renumbered = renumbered.replacingOccurrences(
                of: "sequence-step\">\(number)<", with: "sequence-step\">\(number + 2)<"
            ).replacingOccurrences(of: "Step \(number): ", with: "Step \(number + 2): ")
        }
        let mixed = newer + renumbered
        #expect(GizaSource.procedure(mixed).steps.count >= 4)
        #expect(throws: RegenerationRefusal.self) { try GizaSource.format(mixed) }
        do {
            _ = try GizaSource.format(mixed)
        } catch {
            let summary = error.diagnostics.first?.summary ?? ""
            #expect(
                summary == "formatting would change what step 3 renders: the other branch would be shown to latex, "
                    + "epub, text, man, texinfo, markdown instead of latex, epub (the file mixes giza template eras)",
                "\(error.diagnostics)")
            #expect(error.diagnostics.first?.severity == .error)
        }
    }

    @Test func findsABodyThatWouldBecomeABlockQuote() throws {
        let good = GizaText.step(1, "Connect", ["Connect to the server.", "", "Then check it."])
        let indented = GizaText.html(.init(number: "1", title: "Connect", body: ["Connect to the server.", "", "     Then check it."]))
            + "\n" + GizaText.print(.init(number: "1", title: "Connect", body: ["Connect to the server.", "", "     Then check it."]))
        let change = GizaFormatter.renderingChange(
            from: GizaSource.procedure(good), to: GizaSource.procedure(indented), branch: .html)
        #expect(change?.step == 0)
        #expect(change?.reason.hasPrefix("the body in the HTML branch would read differently") == true, "\(String(describing: change))")
        #expect(GizaFormatter.renderingChange(from: GizaSource.procedure(good), to: GizaSource.procedure(good), branch: .html) == nil)
    }

    @Test func offersTheFourthStepNumberFourAfterOneTwoOneTwo() {
        let text = GizaText.step(1, "One", ["Body."]) + GizaText.step(2, "Two", ["Body."])
            + GizaText.step(1, "Three", ["Body."]) + GizaText.step(2, "Four", ["Body."])
        let file = SourceFile(path: "steps.rst", text: text)
        let procedure = GizaSource.procedure(text)
        let numbering = ProcedureRules.check(procedure, in: file).filter { $0.id == .stepsNumbering }
        #expect(numbering.map { $0.fixIts.first?.message } == ["renumber to 3", "renumber to 4"], "\(numbering)")
        #expect(numbering.map { $0.fixIts.first?.replacement } == ["3", "4"])
    }

    @Test func reportsAnInvalidStepsYAMLFileInYAMLTermsOnly() {
        let file = SourceFile(path: "steps-bad.yaml", text: "title: [unclosed\nref: x\n")
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(parsingGizaYAML: file, diagnostics: &diagnostics)
        let all = diagnostics + ProcedureRules.check(procedure, in: file)
        #expect(all.contains { $0.id == .stepsYAML }, "\(all)")
        #expect(!all.contains { $0.summary.contains("sequence-step") || $0.summary.contains("Step N:") }, "\(all)")
        let notSteps = SourceFile(path: "steps-none.yaml", text: "---\n---\n")
        var found: [Diagnostic] = []
        let empty = Procedure(parsingGizaYAML: notSteps, diagnostics: &found)
        let none = found + ProcedureRules.check(empty, in: notSteps)
        #expect(none.map(\.summary) == ["no steps found: no YAML document in the file is a step"], "\(none)")
    }
}
