import Foundation
import StepModel
import StepSyntax

/// `stepdoc check --fix`: applies the fix-its that are safe, file by file, then checks again.
///
/// A fix is the set of fix-its of one finding (a parity fix edits both branches of a giza file at
/// once, so they still agree). It is applied only when it is unambiguous (its edits do not overlap
/// each other or another finding's), and when checking the edited text again shows its finding gone
/// with no new error and no more findings than before. Fixes are applied one at a time, each on the
/// file as the previous one left it, so positions are always fresh. Nothing is guessed: a finding
/// whose fix-its are alternatives (a did-you-mean with several candidates) is listed as needing a
/// choice. Files are rewritten atomically, keeping owner and mode; with `diffOnly` nothing is written
/// and the result carries each file's unified diff.
public struct FixAction: Sendable {
    public var inputs: ProjectInputs
    /// Change nothing; say what would change.
    public var diffOnly: Bool

    public init(inputs: ProjectInputs, diffOnly: Bool = false) {
        self.inputs = inputs
        self.diffOnly = diffOnly
    }

    /// Why a fix was not applied.
    public enum Refusal: Sendable, Equatable {
        /// Its fix-its are alternatives: someone has to choose.
        case needsChoice([String])
        /// Its edits overlap another finding's.
        case overlaps(String)
        /// The edited text still has the finding.
        case wouldNotRemoveFinding
        /// The edited text has an error the file did not have, or more findings than before.
        case wouldMakeWorse(String)
        /// A fix-it points outside the file or at another file.
        case outsideFile

        public var description: String {
            switch self {
            case .needsChoice(let options): "needs a choice between " + options.joined(separator: ", ")
            case .overlaps(let other): "overlaps the fix for '\(other)'"
            case .wouldNotRemoveFinding: "applying it would not remove the finding"
            case .wouldMakeWorse(let summary): "applying it would add a finding: \(summary)"
            case .outsideFile: "it edits another file"
            }
        }
    }

    /// What happened in one file.
    public struct FileFixes: Sendable {
        public var path: String
        /// The findings whose fixes were applied, as they were reported before fixing.
        public var applied: [Diagnostic]
        /// The findings with fix-its that were not applied, and why.
        public var refused: [(diagnostic: Diagnostic, refusal: Refusal)]
        /// With `diffOnly`: the unified diff of the fixes (empty when nothing would change).
        public var diff: String
        /// Whether the file was rewritten.
        public var written: Bool
        /// The file's bytes with the fixes applied.
        public var fixedBytes: [UInt8] = []
    }

    public struct Result: Sendable {
        public var files: [FileFixes]
        /// The check of the project after fixing (with `diffOnly`: of the files as they are).
        public var check: CheckAction.Result
        /// A file that could not be rewritten.
        public var failures: [StepDocFailure]
        public var status: ExitStatus

        /// Whether any fix was (or, with `diffOnly`, would be) applied.
        public var changedAnything: Bool { files.contains { !$0.applied.isEmpty } }
    }

    public func run() -> Result {
        let first = CheckAction(inputs: inputs).run()
        guard !first.stoppedEarly, let context = try? CheckAction.Context(inputs) else {
            return Result(files: [], check: first, failures: [], status: first.status)
        }
        var files: [FileFixes] = []
        var failures: [StepDocFailure] = []
        let withFixIts = Set(first.report.diagnostics.filter { !$0.fixIts.isEmpty }.compactMap(\.location?.file))
        for entry in context.discovery.entries where withFixIts.contains(entry.path) {
            guard let source = first.sources.first(where: { $0.path == entry.path }) else { continue }
            if Self.isReadOnly(context.directory.resolve(entry.path)) {
                failures.append(
                    .outputNotWritable(path: entry.path, reason: "it is read-only; --fix does not replace a file nobody may write"))
                continue
            }
            let pipeline = context.pipeline
            var fixes = Self.fix(source, diffOnly: diffOnly) { pipeline.process(entry, file: $0).diagnostics }
            guard !fixes.applied.isEmpty else {
                files.append(fixes)
                continue
            }
            if diffOnly { files.append(fixes); continue }
            do throws(StepDocFailure) {
                try AtomicWriter.rewrite(fixedBytes(fixes), at: entry.path, in: inputs.directory)
                fixes.written = true
            } catch {
                failures.append(error)
            }
            files.append(fixes)
        }
        let after = diffOnly || files.allSatisfy({ !$0.written }) ? first : CheckAction(inputs: inputs).run()
        var status = after.status
        if diffOnly, files.contains(where: { !$0.diff.isEmpty }) { status = max(status, .findings) }
        if !failures.isEmpty { status = .stopped }
        return Result(files: files, check: after, failures: failures, status: status)
    }

    private func fixedBytes(_ fixes: FileFixes) -> [UInt8] { fixes.fixedBytes }

    /// Whether no one may write the file (root may, but a file made read-only is not stepdoc's to replace).
    static func isReadOnly(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & 0o222 == 0
    }

    /// Applies the safe fixes of one file in memory; `check` gives the findings of a text.
    public static func fix(_ file: SourceFile, diffOnly: Bool, check: (SourceFile) -> [Diagnostic]) -> FileFixes {
        var bytes = file.bytes
        var current = check(file)
        var applied: [Diagnostic] = []
        var refused: [(diagnostic: Diagnostic, refusal: Refusal)] = []
        var settled: Set<Key> = []
        // Each pass applies at most one fix; a fix removes a finding, so this ends.
        for _ in 0..<max(8, 4 * current.count) {
            let candidates = current.filter { !$0.fixIts.isEmpty && !settled.contains(Key($0)) }
            var progressed = false
            for candidate in candidates {
                let key = Key(candidate)
                guard let edits = edits(of: candidate, in: SourceFile(path: file.path, bytes: bytes)) else {
                    settled.insert(key)
                    refused.append((candidate, refusalOfUnusable(candidate, path: file.path)))
                    continue
                }
                if let other = overlapping(edits, candidate, among: candidates, in: SourceFile(path: file.path, bytes: bytes)) {
                    settled.insert(key)
                    refused.append((candidate, .overlaps(other.summary)))
                    continue
                }
                let edited = Self.apply(edits, to: bytes)
                let after = check(SourceFile(path: file.path, bytes: edited))
                if let refusal = judge(candidate, before: current, after: after) {
                    settled.insert(key)
                    refused.append((candidate, refusal))
                    continue
                }
                bytes = edited
                current = after
                applied.append(candidate)
                progressed = true
                break
            }
            if !progressed { break }
        }
        var fixes = FileFixes(path: file.path, applied: applied, refused: refused, diff: "", written: false)
        fixes.fixedBytes = bytes
        if diffOnly, bytes != file.bytes {
            fixes.diff = FileDiff(old: file.bytes, new: bytes).render(
                oldLabel: "a/" + file.path, newLabel: "b/" + file.path)
        }
        return fixes
    }

    /// The byte edits of a finding's fix-its, or nil when they are alternatives or leave the file.
    private static func edits(of diagnostic: Diagnostic, in file: SourceFile) -> [Edit]? {
        var edits: [Edit] = []
        for fixIt in diagnostic.fixIts {
            guard fixIt.location.file == file.path else { return nil }
            let range = fixIt.location.range
            let start = file.offset(of: range.lowerBound)
            let end = file.offset(of: range.upperBound)
            guard start <= end, end <= file.bytes.count else { return nil }
            edits.append(Edit(start: start, end: end, replacement: Array(fixIt.replacement.utf8)))
        }
        edits.sort { $0.start < $1.start }
        for (earlier, later) in zip(edits, edits.dropFirst()) where later.start < earlier.end || later.start == earlier.start {
            return nil
        }
        return edits
    }

    private static func refusalOfUnusable(_ diagnostic: Diagnostic, path: String) -> Refusal {
        if diagnostic.fixIts.contains(where: { $0.location.file != path }) { return .outsideFile }
        return .needsChoice(diagnostic.fixIts.map { "'\($0.replacement)'" })
    }

    /// Another finding whose edits overlap these (with different text): neither is applied.
    private static func overlapping(
        _ ours: [Edit], _ diagnostic: Diagnostic, among others: [Diagnostic], in file: SourceFile
    ) -> Diagnostic? {
        for other in others where Key(other) != Key(diagnostic) {
            guard let theirs = edits(of: other, in: file) else { continue }
            for mine in ours {
                for their in theirs where mine != their {
                    let intersects =
                        mine.start < their.end && their.start < mine.end
                        || (mine.start == their.start && (mine.start == mine.end || their.start == their.end))
                    if intersects { return other }
                }
            }
        }
        return nil
    }

    /// Whether the edited text is better: the finding gone, no new error, fewer findings.
    private static func judge(_ target: Diagnostic, before: [Diagnostic], after: [Diagnostic]) -> Refusal? {
        let key = Key(target)
        if after.filter({ Key($0) == key }).count >= before.filter({ Key($0) == key }).count {
            return .wouldNotRemoveFinding
        }
        var remaining: [Key: Int] = [:]
        for diagnostic in before where diagnostic.severity == .error { remaining[Key(diagnostic), default: 0] += 1 }
        for diagnostic in after where diagnostic.severity == .error {
            let key = Key(diagnostic)
            if remaining[key, default: 0] > 0 {
                remaining[key]! -= 1
            } else {
                return .wouldMakeWorse(diagnostic.summary)
            }
        }
        if after.count >= before.count {
            let added = after.first { new in !before.contains { Key($0) == Key(new) } }
            return .wouldMakeWorse(added?.summary ?? "as many findings as before")
        }
        return nil
    }

    static func apply(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { $0.start > $1.start }) {
            result.replaceSubrange(edit.start..<edit.end, with: edit.replacement)
        }
        return result
    }

    struct Edit: Equatable {
        var start: Int
        var end: Int
        var replacement: [UInt8]
    }

    /// A finding as it stays recognisable after edits elsewhere in the file move its position.
    struct Key: Hashable {
        var id: String
        var summary: String
        init(_ diagnostic: Diagnostic) {
            id = diagnostic.id.rawValue
            summary = diagnostic.summary
        }
    }
}
