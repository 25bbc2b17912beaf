import CorpusGen
import Testing

@Suite struct DeterminismTests {
    let layout = CorpusLayout(fileCount: 3)

    @Test func sameSeedGivesTheSameBytes() {
        for input in layout.inputs where input.name != "ten-mib" {
            let first = layout.generate(input, seed: 42, markdown: true)
            let second = layout.generate(input, seed: 42, markdown: true)
            #expect(first == second, "\(input.name) differs between two runs with seed 42")
        }
    }

    @Test func differentSeedsGiveDifferentBytes() {
        for input in layout.inputs where input.name != "ten-mib" {
            let first = layout.generate(input, seed: 1, markdown: true)
            let second = layout.generate(input, seed: 2, markdown: true)
            #expect(first.rst != second.rst, "\(input.name): seeds 1 and 2 gave the same reST")
            #expect(first.markdown != second.markdown, "\(input.name): seeds 1 and 2 gave the same Markdown")
        }
    }

    @Test func differentFilesOfOneSeedDiffer() {
        let files = layout.inputs.filter { $0.name.hasPrefix("files/") }.map {
            layout.generate($0, seed: 1, markdown: false).rst
        }
        #expect(Set(files).count == files.count)
    }

    @Test func askingForMarkdownLeavesTheReSTUnchanged() throws {
        let input = try #require(layout.inputs.first { $0.name == "files/step-0002" })
        let withMarkdown = layout.generate(input, seed: 5, markdown: true)
        let without = layout.generate(input, seed: 5, markdown: false)
        #expect(withMarkdown.rst == without.rst)
        #expect(without.markdown.isEmpty)
        #expect(!withMarkdown.markdown.isEmpty)
    }

    /// Pins the generator's output. If this fails, the corpus changed for every seed: bump
    /// `CorpusWriter.formatVersion`, note it in Benchmarks/README.md, and paste the values the failure shows.
    @Test func outputOfSeedOneIsPinned() throws {
        let input = try #require(layout.inputs.first { $0.name == "files/step-0001" })
        let file = layout.generate(input, seed: 1, markdown: true)
        let heading = String(decoding: file.rst, as: UTF8.self).split(separator: "\n")
            .first { $0.hasPrefix("   Step 1: ") }.map(String.init)
        #expect(heading == "   Step 1: The oplog tailer can create the data directory.")
        #expect(fnv1a(file.rst) == 0x61C1_4BD0_EB92_C3D6, "reST bytes changed")
        #expect(fnv1a(file.markdown) == 0x5CC5_F088_B523_C207, "Markdown bytes changed")
    }

    /// FNV-1a, 64 bits: a stable fingerprint of the bytes.
    private func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
