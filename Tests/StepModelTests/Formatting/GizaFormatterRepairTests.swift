import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// What fmt repairs: drifted branches, numbers, underlines, a missing copy; and what it refuses.
@Suite struct GizaFormatterRepairTests {
    @Test func copiesTheHTMLBodyOverADriftedOtherBranch() throws {
        let seed = try GizaSource.seed()
        let drifted = GizaSource.replacing("the latest versions", with: "the newest versions", occurrence: 2, in: seed)
        #expect(drifted != seed)
        let formatted = try GizaSource.format(drifted)
        #expect(formatted == seed, "\(lineDiff(seed, formatted))")
    }

    @Test func copiesTheOtherBranchOverTheHTMLBranchWhenAsked() throws {
        let seed = try GizaSource.seed()
        let drifted = GizaSource.replacing("the latest versions", with: "the newest versions", occurrence: 1, in: seed)
        #expect(try GizaSource.format(drifted, from: .print) == seed)
        // From the HTML branch, the other branch follows the edit instead.
        let followed = try GizaSource.format(drifted)
        #expect(followed.components(separatedBy: "the newest versions").count == 3)
    }

    @Test func renumbersAGapInBothBranchesAndTheSequenceStepDivs() throws {
        let seed = try GizaSource.seed()
        var gapped = seed
        for old in [5, 4, 3] {
            gapped = gapped.replacingOccurrences(of: "sequence-step\">\(old)<", with: "sequence-step\">\(old + 1)<")
                .replacingOccurrences(of: "   Step \(old): ", with: "   Step \(old + 1): ")
        }
        #expect(GizaSource.procedure(gapped).steps.map(\.number) == [1, 2, 4, 5, 6])
        let formatted = try GizaSource.format(gapped)
        #expect(formatted == seed, "\(lineDiff(seed, formatted))")
        #expect(
            GizaSource.procedure(formatted).steps.map { [$0.html?.number, $0.print?.number] }
                == (1...5).map { [$0, $0] })
    }

    @Test func givesAShortUnderlineTheTitlesLength() throws {
        let seed = try GizaSource.seed()
        let full = "\n   " + String(repeating: "`", count: 45) + "\n"
        let short = "\n   " + String(repeating: "`", count: 40) + "\n"
        let shortened = GizaSource.replacing(full, with: short, occurrence: 1, in: seed)
        #expect(shortened != seed)
        #expect(try GizaSource.format(shortened) == seed)
    }

    @Test func regeneratesAMissingCopy() throws {
        let seed = try GizaSource.seed()
        let start = try #require(seed.range(of: ".. only:: not(html or dirhtml or singlehtml)\n\n   Step 2:"))
        let end = try #require(seed.range(of: ".. only:: html", range: start.upperBound..<seed.endIndex))
        var missing = seed
        missing.removeSubrange(start.lowerBound..<end.lowerBound)
        #expect(GizaSource.procedure(missing).steps[1].print == nil)
        #expect(try GizaSource.format(missing) == seed)
    }

    @Test func keepsContentBetweenStepsWhereItIs() throws {
        let seed = try GizaSource.seed()
        let loose = GizaSource.replacing(
            ".. only:: html", with: "A paragraph between steps.\n\n.. only:: html", occurrence: 3, in: seed)
        #expect(try GizaSource.format(loose) == loose)
    }

    @Test(.needsRealCorpus) func regeneratesTheLegacyLatexBlockFromTheHTMLCopies() throws {
        guard let (name, bytes) = try GizaSource.realFiles().first(where: { $0.name.hasPrefix("mms-legacy") }) else {
            Issue.record("the trait said ../shared was here, but it is not")
            return
        }
        let original = String(decoding: bytes, as: UTF8.self)
        let drifted = GizaSource.replacing(
            "issue this command:", with: "run this command:", occurrence: 3, in: original)
        #expect(drifted != original, "\(name)")
        #expect(try GizaSource.format(drifted) == original)
        // Renumbering follows into the labels giza made as step-N-….
        let gapped = original.replacingOccurrences(of: "sequence-step\">6<", with: "sequence-step\">7<")
            .replacingOccurrences(of: "Step 6: ", with: "Step 7: ").replacingOccurrences(of: "step-6-", with: "step-7-")
        #expect(try GizaSource.format(gapped) == original)
    }

    @Test func refusesAStepWithoutATitle() throws {
        let seed = try GizaSource.seed()
        let title = "   Your data is currently in a MongoDB database.\n   " + String(repeating: "`", count: 45) + "\n\n"
        let untitled = GizaSource.replacing(title, with: "", occurrence: 1, in: seed)
        #expect(untitled != seed)
        let refusal = #expect(throws: RegenerationRefusal.self) { try GizaSource.format(untitled) }
        #expect(refusal?.diagnostics.first?.summary == "step 1 has no title")
    }

    @Test func refusesLinesThatBelongToNoStep() throws {
        let seed = try GizaSource.seed()
        let stray = GizaSource.replacing(
            "      </div>\n\n", with: "      </div>\n\n   A stray paragraph.\n\n", occurrence: 1, in: seed)
        let refusal = #expect(throws: RegenerationRefusal.self) { try GizaSource.format(stray) }
        let diagnostic = refusal?.diagnostics.first
        #expect(diagnostic?.id == "steps.structure")
        #expect(
            diagnostic?.location?.range.lowerBound == StepSyntax.SourceLocation(line: 21, column: 1),
            "\(String(describing: diagnostic))")
    }

    @Test func refusesBytesThatAreNotText() throws {
        var bytes = Array(try GizaSource.seed().utf8)
        bytes.insert(0xFF, at: 200)
        #expect(throws: RegenerationRefusal.self) {
            try GizaFormatter.format(SourceFile(path: "bad.rst", bytes: bytes))
        }
    }
}

extension GizaFormatterRepairTests {
    @Test func refusesStepsOutsideGizasBranches() {
        let text = "Step 1: Install\n~~~~~~~~~~~~~~~\n\nBody.\n\nStep 2: Run\n~~~~~~~~~~~\n\nBody.\n"
        let refusal = #expect(throws: RegenerationRefusal.self) { try GizaSource.format(text) }
        #expect(refusal?.diagnostics.first?.summary.hasPrefix("no giza template era recognised") == true)
    }
}
