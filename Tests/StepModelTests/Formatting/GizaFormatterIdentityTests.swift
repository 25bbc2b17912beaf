import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// giza's output is deterministic: formatting a well-formed file gives back the same bytes.
@Suite struct GizaFormatterIdentityTests {
    @Test func leavesTheSeedByteForByte() throws {
        let seed = try GizaSource.seed()
        let formatted = try GizaSource.format(seed)
        #expect(formatted == seed, "\(lineDiff(seed, formatted))")
    }

    @Test(.needsRealCorpus) func leavesEveryRealFileByteForByte() throws {
        let files = try GizaSource.realFiles()
        guard !files.isEmpty else {
            Issue.record("the trait said ../shared was here, but it is not")
            return
        }
        for (name, bytes) in files where !name.contains("gapped-stepnums") {
            let formatted = try GizaFormatter.format(SourceFile(path: name, bytes: bytes))
            let before = String(decoding: bytes, as: UTF8.self)
            let after = String(decoding: formatted, as: UTF8.self)
            #expect(formatted == bytes, "\(name) changed:\n\(lineDiff(before, after))")
        }
    }

    /// The corpus's file numbered 1, 2, 3, 6, 7, 8 changes in its numbers and nowhere else.
    @Test(.needsRealCorpus) func changesOnlyTheNumbersOfTheGappedRealFile() throws {
        guard let (name, bytes) = try GizaSource.realFiles().first(where: { $0.name.contains("gapped-stepnums") })
        else {
            Issue.record("the trait said ../shared was here, but it is not")
            return
        }
        let before = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
        let after = String(decoding: try GizaFormatter.format(SourceFile(path: name, bytes: bytes)), as: UTF8.self)
            .components(separatedBy: "\n")
        #expect(before.count == after.count)
        var changed: [String] = []
        for (old, new) in zip(before, after) where old != new { changed.append(old + " → " + new) }
        // Steps 6, 7 and 8 become 4, 5 and 6: one div and one heading each.
        #expect(changed.count == 6, "\(changed)")
        for (old, new) in zip(before, after) where old != new {
            let renumbered = ["6": "4", "7": "5", "8": "6"].contains {
                old.replacingOccurrences(of: $0.key, with: $0.value) == new
            }
            #expect(
                renumbered && (old.contains("sequence-step\">") || old.hasPrefix("   Step ")),
                "unexpected change: \(old) → \(new)")
        }
    }

    @Test func keepsCRLFLineEndsAndTheByteOrderMark() throws {
        let seed = try GizaSource.seed()
        let bytes = [0xEF, 0xBB, 0xBF] + Array(seed.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let formatted = try GizaFormatter.format(SourceFile(path: "crlf.rst", bytes: bytes))
        #expect(formatted == bytes)
    }

    @Test func keepsAFileWithoutStepsAsItIs() throws {
        let text = "A page without steps.\n\n.. note::\n\n   Nothing to number.\n"
        #expect(try GizaSource.format(text) == text)
    }

    @Test func keepsAFileWithoutAFinalLineEnd() throws {
        var seed = try GizaSource.seed()
        while seed.hasSuffix("\n") { seed.removeLast() }
        let formatted = try GizaSource.format(seed)
        #expect(formatted == seed, "\(lineDiff(seed, formatted))")
    }
}
