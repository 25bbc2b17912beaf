import CorpusGen
import Testing

@Suite struct SplitMix64Tests {
    @Test func matchesTheReferenceSequence() {
        var random = SplitMix64(seed: 0)
        let values = (0..<3).map { _ in random.next() }
        #expect(values == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func staysBelowTheBound() {
        var random = SplitMix64(seed: 7, stream: 3)
        for bound in [1, 2, 3, 10, 1000] {
            for _ in 0..<1000 {
                let value = random.next(below: bound)
                #expect((0..<bound).contains(value), "bound \(bound) gave \(value)")
            }
        }
    }

    @Test func givesDifferentStreamsForDifferentStreamNumbers() {
        var first = SplitMix64(seed: 1, stream: 1)
        var second = SplitMix64(seed: 1, stream: 2)
        #expect(first.next() != second.next())
    }
}
