import StepDocTestSupport
import StepProject
import StepSyntax
import Testing

/// `FixAction.fix` on toy rules, so each refusal has a case that cannot pass by accident.
@Suite struct FixActionTests {
    /// A rule: each occurrence of `word` is a finding whose fix-its replace it with `replacements`.
    struct WordRule {
        var word: String
        var replacements: [String]
        var severity: Diagnostic.Severity = .error

        func check(_ file: SourceFile) -> [Diagnostic] {
            FixActionTests.ranges(of: word, in: file).map { range in
                Diagnostic(
                    severity: severity, id: RuleID(rawValue: "test.\(word)"), summary: "'\(word)' is wrong",
                    location: DiagnosticLocation(file: file.path, range: range),
                    fixIts: replacements.map {
                        FixIt(message: "write \($0)", location: DiagnosticLocation(file: file.path, range: range), replacement: $0)
                    })
            }
        }
    }

    static func ranges(of word: String, in file: SourceFile) -> [SourceRange] {
        let needle = Array(word.utf8)
        var result: [SourceRange] = []
        var index = 0
        while index + needle.count <= file.bytes.count {
            if Array(file.bytes[index..<index + needle.count]) == needle {
                result.append(file.location(ofOffset: index)..<file.location(ofOffset: index + needle.count))
                index += needle.count
            } else {
                index += 1
            }
        }
        return result
    }

    func fix(_ text: String, _ rules: [WordRule]) -> FixAction.FileFixes {
        FixAction.fix(SourceFile(path: "t.txt", text: text), diffOnly: true) { file in rules.flatMap { $0.check(file) } }
    }

    func text(_ fixes: FixAction.FileFixes) -> String { String(decoding: fixes.fixedBytes, as: UTF8.self) }

    @Test func appliesEveryUnambiguousFixOneAfterAnother() {
        let fixes = fix("teh cat and teh dog\n", [WordRule(word: "teh", replacements: ["the"])])
        #expect(text(fixes) == "the cat and the dog\n")
        #expect(fixes.applied.count == 2)
        #expect(fixes.refused.isEmpty)
        #expect(fixes.diff.contains("-teh cat and teh dog\n+the cat and the dog\n"), "\(fixes.diff)")
    }

    @Test func appliesTheFixItsOfOneFindingTogether() {
        // One finding, two places (as a parity fix edits both branches of a giza file).
        struct Pair {
            func check(_ file: SourceFile) -> [Diagnostic] {
                let ranges = FixActionTests.ranges(of: "3.0", in: file)
                guard ranges.count == 2 else { return [] }
                return [
                    Diagnostic(
                        severity: .error, id: "test.version", summary: "documents 3.0",
                        location: DiagnosticLocation(file: file.path, range: ranges[0]),
                        fixIts: ranges.map {
                            FixIt(message: "2.6", location: DiagnosticLocation(file: file.path, range: $0), replacement: "2.6")
                        })
                ]
            }
        }
        let fixes = FixAction.fix(SourceFile(path: "t.txt", text: "MongoDB 3.0+\nStep 1: MongoDB 3.0+\n"), diffOnly: true) {
            Pair().check($0)
        }
        #expect(text(fixes) == "MongoDB 2.6+\nStep 1: MongoDB 2.6+\n")
        #expect(fixes.applied.count == 1)
    }

    @Test func listsAFindingWithAlternativesAndGuessesNothing() {
        let fixes = fix("colr\n", [WordRule(word: "colr", replacements: ["color", "colour"])])
        #expect(text(fixes) == "colr\n")
        #expect(fixes.refused.map(\.refusal) == [.needsChoice(["'color'", "'colour'"])])
    }

    @Test func leavesOverlappingFixesOfTwoFindings() {
        let fixes = fix("abcd\n", [WordRule(word: "abc", replacements: ["x"]), WordRule(word: "bcd", replacements: ["y"])])
        #expect(text(fixes) == "abcd\n")
        #expect(fixes.refused.count == 2)
        #expect(fixes.refused.allSatisfy { if case .overlaps = $0.refusal { true } else { false } })
    }

    @Test func leavesAFixThatWouldNotRemoveItsFinding() {
        let fixes = fix("foo\n", [WordRule(word: "foo", replacements: ["foofoo"])])
        #expect(text(fixes) == "foo\n")
        #expect(fixes.refused.map(\.refusal) == [.wouldNotRemoveFinding])
    }

    /// The finding is still there, as often as before (not more): the fix did not remove it.
    @Test func leavesAFixAfterWhichItsFindingIsStillThere() {
        let fixes = fix("foo\n", [WordRule(word: "foo", replacements: ["xfoo"])])
        #expect(text(fixes) == "foo\n")
        #expect(fixes.refused.map(\.refusal) == [.wouldNotRemoveFinding])
    }

    @Test func leavesAFixThatWouldAddAnError() {
        let rules = [
            WordRule(word: "bad", replacements: ["worse"], severity: .warning),
            WordRule(word: "worse", replacements: []),
        ]
        let fixes = fix("bad\n", rules)
        #expect(text(fixes) == "bad\n")
        #expect(fixes.refused.map(\.refusal) == [.wouldMakeWorse("'worse' is wrong")])
    }

    @Test func leavesAFixThatTradesItsFindingForAnother() {
        // An error traded for a warning is not fewer findings: nothing is applied.
        let rules = [
            WordRule(word: "bad", replacements: ["meh"]),
            WordRule(word: "meh", replacements: [], severity: .warning),
        ]
        let fixes = fix("bad\n", rules)
        #expect(text(fixes) == "bad\n")
        #expect(fixes.refused.map(\.refusal) == [.wouldMakeWorse("'meh' is wrong")])
    }

    @Test func aFixThatEditsAnotherFileIsNotApplied() {
        struct Elsewhere {
            func check(_ file: SourceFile) -> [Diagnostic] {
                let start = SourceLocation(line: 1, column: 1)
                return [
                    Diagnostic(
                        severity: .error, id: "test.elsewhere", summary: "elsewhere",
                        location: DiagnosticLocation(file: file.path, range: start..<start),
                        fixIts: [FixIt(message: "m", location: DiagnosticLocation(file: "other.txt", range: start..<start), replacement: "x")])
                ]
            }
        }
        let fixes = FixAction.fix(SourceFile(path: "t.txt", text: "a\n"), diffOnly: true) { Elsewhere().check($0) }
        #expect(fixes.refused.map(\.refusal) == [.outsideFile])
        #expect(text(fixes) == "a\n")
    }
}
