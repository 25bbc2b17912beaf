import StepDocTestSupport
import StepProject
import Testing

/// Unified diffs as `diff -u` prints them.
@Suite struct FileDiffTests {
    static func diff(_ old: String, _ new: String) -> String {
        FileDiff(old: Array(old.utf8), new: Array(new.utf8)).render(oldLabel: "a/x", newLabel: "b/x")
    }

    @Test func printsNothingForEqualTexts() {
        #expect(Self.diff("a\nb\n", "a\nb\n") == "")
    }

    @Test func printsHunksWithThreeLinesOfContext() {
        let old = (1...12).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 2\n", with: "line two\n").replacingOccurrences(
            of: "line 11\n", with: "")
        #expect(
            Self.diff(old, new) == """
                --- a/x
                +++ b/x
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +line two
                 line 3
                 line 4
                 line 5
                @@ -8,5 +8,4 @@
                 line 8
                 line 9
                 line 10
                -line 11
                 line 12

                """)
    }

    @Test func marksALastLineWithoutALineEnd() {
        #expect(
            Self.diff("a\nb", "a\nb\n") == """
                --- a/x
                +++ b/x
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +b

                """)
    }

    @Test func countsAnInsertionIntoAnEmptyFileFromLineZero() {
        #expect(Self.diff("", "new\n") == "--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+new\n")
    }
}

/// The diff's edit script: minimal and correct on small inputs, linear in space on large ones, and a
/// whole-region replacement beyond its budget (22,000 lines used to need 2.65 GB; 15 MB met the OOM killer).
@Suite struct FileDiffScriptTests {
    /// Applies a script to `a`, checking it walks both sequences in order.
    static func apply(_ edits: [FileDiff.Edit], _ a: [Int], _ b: [Int]) -> [Int]? {
        var result: [Int] = []
        var x = 0
        for edit in edits {
            switch edit.kind {
            case .same:
                guard edit.old == x, a[edit.old] == b[edit.new] else { return nil }
                result.append(a[x])
                x += 1
            case .removed:
                guard edit.old == x else { return nil }
                x += 1
            case .added:
                result.append(b[edit.new])
            }
        }
        return x == a.count ? result : nil
    }

    /// The length of a longest common subsequence, by dynamic programming (small inputs only).
    static func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var previous = 0
            for (j, y) in b.enumerated() {
                let saved = row[j + 1]
                row[j + 1] = x == y ? previous + 1 : max(row[j + 1], row[j])
                previous = saved
            }
        }
        return row[b.count]
    }

    @Test func findsAShortestScriptOnRandomInputs() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...30, using: &generator)).map { _ in Int.random(in: 0...4, using: &generator) }
            let b = (0..<Int.random(in: 0...30, using: &generator)).map { _ in Int.random(in: 0...4, using: &generator) }
            var statistics = FileDiff.Statistics()
            let edits = FileDiff.editScript(a, b, statistics: &statistics)
            #expect(Self.apply(edits, a, b) == b, "\(a) → \(b): \(edits)")
            let same = edits.filter { $0.kind == .same }.count
            #expect(same == Self.lcs(a, b), "not minimal: \(a) → \(b)")
        }
    }

    @Test func keepsSpaceLinearOnTwentyTwoThousandLines() {
        let a = Array(0..<22_000)
        var b = a
        for index in stride(from: 7, to: 22_000, by: 97) { b[index] = -index }
        var statistics = FileDiff.Statistics()
        let edits = FileDiff.editScript(a, b, statistics: &statistics)
        #expect(Self.apply(edits, a, b) == b)
        #expect(!statistics.replacedWhole)
        #expect(statistics.peakStorage <= 2 * (a.count + b.count) + 8, "\(statistics.peakStorage) frontier entries")
        #expect(edits.filter { $0.kind != .same }.count == 2 * 227)
    }

    @Test func replacesTheChangedRegionWholeBeyondItsBudget() {
        let a = Array(0..<22_000)
        let b = a.map { $0 % 2 == 0 ? $0 : -$0 }
        var statistics = FileDiff.Statistics()
        let edits = FileDiff.editScript(a, b, statistics: &statistics)
        #expect(statistics.replacedWhole)
        #expect(Self.apply(edits, a, b) == b)
        #expect(statistics.peakStorage <= 2 * (a.count + b.count) + 8)
    }

    @Test func rendersADiffOfAFifteenMegabyteFile() {
        let line = Array(repeating: UInt8(ascii: "x"), count: 99) + [0x0A]
        var old: [UInt8] = []
        for index in 0..<150_000 { old += index % 1000 == 0 ? Array("line \(index)\n".utf8) : line }
        let new = old.map { $0 == UInt8(ascii: "x") ? UInt8(ascii: "y") : $0 }
        let diff = FileDiff(old: old, new: new).render(oldLabel: "a", newLabel: "b")
        #expect(diff.hasPrefix("--- a\n+++ b\n@@ "), "\(diff.prefix(200))")
        #expect(diff.utf8.count > old.count)
    }
}
