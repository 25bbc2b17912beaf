/// A unified diff of two versions of a file, as `diff -u` and `git diff` print it: `---`/`+++` headers,
/// then hunks of changed lines with three lines of context.
///
/// Lines are compared with Myers' algorithm; a diff with more than ``maximumEdits`` changes is shown
/// as one hunk replacing the whole file (it stays correct, just not minimal).
public struct FileDiff: Sendable {
    public let oldLines: [String]
    public let newLines: [String]
    /// Whether each version ends with a line end (`\ No newline at end of file` otherwise).
    public let oldEndsWithNewline: Bool
    public let newEndsWithNewline: Bool

    public static let maximumEdits = 20_000
    public static let context = 3

    /// Compares two byte sequences as text (lines split at LF, CRLF or CR).
    public init(old: [UInt8], new: [UInt8]) {
        (oldLines, oldEndsWithNewline) = Self.lines(old)
        (newLines, newEndsWithNewline) = Self.lines(new)
    }

    private static func lines(_ bytes: [UInt8]) -> ([String], Bool) {
        var lines: [String] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count {
            lines.append(String(decoding: bytes[start...], as: UTF8.self))
            return (lines, false)
        }
        return (lines, true)
    }

    /// One line of the edit script, with the position in each version (for a removed line, `new` is
    /// the number of new lines before it; for an added line, `old` likewise).
    private struct Edit: Equatable {
        enum Kind { case same, removed, added }
        var kind: Kind
        var old: Int
        var new: Int
    }

    /// The unified diff text, or "" when the versions are equal.
    public func render(oldLabel: String, newLabel: String) -> String {
        let edits = script()
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- \(oldLabel)\n+++ \(newLabel)\n"
        // Group changes that are within 2 × context lines of each other into hunks.
        var index = 0
        while index < edits.count {
            guard let change = edits[index...].firstIndex(where: { !isSame($0) }) else { break }
            let start = max(0, change - Self.context)
            var end = change
            var sameRun = 0
            var cursor = change
            while cursor < edits.count {
                if isSame(edits[cursor]) {
                    sameRun += 1
                    if sameRun > 2 * Self.context { break }
                } else {
                    sameRun = 0
                    end = cursor
                }
                cursor += 1
            }
            let stop = min(edits.count, end + 1 + Self.context)
            output += hunk(edits[start..<stop])
            index = stop
        }
        return output
    }

    private func isSame(_ edit: Edit) -> Bool {
        edit.kind == .same
    }

    private func hunk(_ edits: ArraySlice<Edit>) -> String {
        var oldCount = 0
        var newCount = 0
        var body = ""
        for edit in edits {
            switch edit.kind {
            case .same:
                oldCount += 1
                newCount += 1
                body += " " + oldLines[edit.old] + "\n" + marker(old: edit.old, new: edit.new)
            case .removed:
                oldCount += 1
                body += "-" + oldLines[edit.old] + "\n" + marker(old: edit.old, new: nil)
            case .added:
                newCount += 1
                body += "+" + newLines[edit.new] + "\n" + marker(old: nil, new: edit.new)
            }
        }
        func range(_ before: Int, _ count: Int) -> String {
            count == 0 ? "\(before),0" : count == 1 ? "\(before + 1)" : "\(before + 1),\(count)"
        }
        let first = edits.first ?? Edit(kind: .same, old: 0, new: 0)
        return "@@ -\(range(first.old, oldCount)) +\(range(first.new, newCount)) @@\n" + body
    }

    /// `\ No newline at end of file` after the last line of a version that lacks one.
    private func marker(old: Int?, new: Int?) -> String {
        if let old, old == oldLines.count - 1, !oldEndsWithNewline { return "\\ No newline at end of file\n" }
        if let new, new == newLines.count - 1, !newEndsWithNewline { return "\\ No newline at end of file\n" }
        return ""
    }

    /// The edit script from old to new (Myers' greedy algorithm, with its trace kept to backtrack).
    private func script() -> [Edit] {
        // A last line without a line end differs from the same line with one.
        var old = oldLines
        var new = newLines
        if !oldEndsWithNewline, !old.isEmpty { old[old.count - 1] += "\u{0}" }
        if !newEndsWithNewline, !new.isEmpty { new[new.count - 1] += "\u{0}" }
        let n = old.count
        let m = new.count
        let maximum = n + m
        guard maximum > 0 else { return [] }
        let offset = maximum + 1
        var frontier = [Int](repeating: 0, count: 2 * maximum + 3)
        var trace: [[Int]] = []
        var found = false
        var depth = 0
        while depth <= min(maximum, Self.maximumEdits) {
            trace.append(frontier)
            for k in stride(from: -depth, through: depth, by: 2) {
                var x: Int
                if k == -depth || (k != depth && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1]
                } else {
                    x = frontier[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, old[x] == new[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n, y >= m {
                    found = true
                    break
                }
            }
            if found { break }
            depth += 1
        }
        guard found else {
            return (0..<n).map { Edit(kind: .removed, old: $0, new: 0) }
                + (0..<m).map { Edit(kind: .added, old: n, new: $0) }
        }
        var edits: [Edit] = []
        var x = n
        var y = m
        for d in stride(from: depth, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK: Int
            if d == 0 {
                previousK = 0
            } else if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                edits.append(Edit(kind: .same, old: x, new: y))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    edits.append(Edit(kind: .added, old: x, new: y))
                } else {
                    x -= 1
                    edits.append(Edit(kind: .removed, old: x, new: y))
                }
            }
        }
        return edits.reversed()
    }
}
