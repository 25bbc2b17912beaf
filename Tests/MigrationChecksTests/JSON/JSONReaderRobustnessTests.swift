import MigrationChecks
import Testing

/// Throws arbitrary and mutated bytes at the reader: it must answer a value or an error, never
/// trap. A trap ends the test process, which fails the run.
@Suite struct JSONReaderRobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func answersEveryRandomByteStringWithAValueOrALocatedError() {
        var generator = SplitMix64(state: 42)
        let alphabet = Array(#"{}[]:,"\ -+.eE0123456789tfnrulasu$"#.utf8) + [0x00, 0x0A, 0x0D, 0xC3, 0xA9, 0xFF, 0xED]
        var errors = 0
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            do {
                _ = try JSONValue(parsing: bytes)
            } catch {
                errors += 1
                #expect(
                    error.line >= 1 && error.column >= 1 && error.column <= bytes.count + 1, "\(error) for \(bytes)")
            }
        }
        #expect(errors > 2_000)
    }

    @Test func answersEveryMutationOfARealFactsDocument() throws {
        let original = try Fixture("replica-set-4.0-root-canonical").bytes()
        var generator = SplitMix64(state: 7)
        var evaluated = 0
        var rejected = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: position)
                default: bytes.removeSubrange(position...)
                }
                if bytes.isEmpty { break }
            }
            do {
                let facts = try DeploymentFacts(json: bytes)
                let suite = AtlasLiveMigrationPrerequisites.suite()
                let results = suite.evaluate(facts)
                #expect(results.map(\.checkID) == suite.checks.map(\.id), "one outcome per check, in order")
                evaluated += 1
            } catch {
                rejected += 1
            }
        }
        // Both paths are taken: some mutations still read as facts and are judged, the rest are refused.
        #expect(evaluated > 0 && rejected > 0, "evaluated \(evaluated), rejected \(rejected)")
    }
}
