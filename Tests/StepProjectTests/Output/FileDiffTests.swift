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
