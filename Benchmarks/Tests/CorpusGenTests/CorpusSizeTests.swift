import CorpusGen
import Testing

@Suite struct CorpusSizeTests {
    static let mebibyte = 1 << 20

    @Test(arguments: [("one-mib", 1 * mebibyte), ("ten-mib", 10 * mebibyte)])
    func largeInputsAreWithinOnePercent(name: String, bytes: Int) throws {
        let layout = CorpusLayout(fileCount: 0)
        let input = try #require(layout.inputs.first { $0.name == name })
        for seed: UInt64 in [1, 2] {
            let size = layout.generate(input, seed: seed, markdown: false).rst.count
            #expect(
                abs(size - bytes) * 100 <= bytes, "\(name) with seed \(seed) has \(size) bytes, wanted \(bytes) ± 1%")
        }
    }

    @Test func theLayoutHasTwoThousandSmallFilesNamedInOrder() {
        let names = CorpusLayout().inputs.map(\.name)
        #expect(names.count == 2002)
        #expect(names.prefix(3) == ["one-mib", "ten-mib", "files/step-0001"])
        #expect(names.last == "files/step-2000")
        #expect(Set(CorpusLayout().inputs.map(\.stream)).count == 2002, "every input needs its own stream")
    }

    @Test func smallFilesAreAboutFiveKiB() {
        let layout = CorpusLayout()
        // Every 10th file keeps the debug-build test quick; the streams are independent, so this samples fairly.
        for input in layout.inputs.filter({ $0.name.hasPrefix("files/") }).enumerated().filter({ $0.offset % 10 == 0 })
            .map(\.element)
        {
            let size = layout.generate(input, seed: 1, markdown: false).rst.count
            #expect((4608...5632).contains(size), "\(input.name) has \(size) bytes, wanted 5 KiB ± 10%")
        }
    }
}
