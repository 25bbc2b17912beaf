/// A unified diff of two versions of a file, as `diff -u` and `git diff` print it: `---`/`+++` headers,
/// then hunks of changed lines with three lines of context.
///
/// Lines are compared with Myers' algorithm in linear space; a diff with more changes than its budget
/// (``maximumEdits``, fewer for big files, so time stays near linear) shows the changed region as one
/// replacement (it stays correct, just not minimal).
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
    package struct Edit: Equatable {
        package enum Kind { case same, removed, added }
        package var kind: Kind
        package var old: Int
        package var new: Int
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

    /// The edit script from old to new.
    private func script() -> [Edit] {
        // A last line without a line end differs from the same line with one.
        var old = oldLines
        var new = newLines
        if !oldEndsWithNewline, !old.isEmpty { old[old.count - 1] += "\u{0}" }
        if !newEndsWithNewline, !new.isEmpty { new[new.count - 1] += "\u{0}" }
        var numbers: [String: Int] = [:]
        func number(_ line: String) -> Int {
            if let known = numbers[line] { return known }
            numbers[line] = numbers.count
            return numbers.count - 1
        }
        let a = old.map(number)
        let b = new.map(number)
        var statistics = Statistics()
        return Self.editScript(a, b, statistics: &statistics)
    }

    /// What working a diff out took, for tests that check it stays linear in space.
    package struct Statistics {
        /// The most frontier entries held at once.
        package var peakStorage = 0
        /// Whether the edits exceeded the budget and the changed region was written as one replacement.
        package var replacedWhole = false

        package init() {}
    }

    /// The edit script between two sequences of line numbers: Myers' algorithm in its linear-space form
    /// (the middle snake, divide and conquer), after the common first and last lines are set aside.
    ///
    /// Space is linear in the lines; time is the lines times the edits, so beyond a budget of edits
    /// (``maximumEdits``, less for big files) the changed region is one replacement: still a correct diff.
    package static func editScript(_ a: [Int], _ b: [Int], statistics: inout Statistics) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        var edits: [Edit] = []
        edits.reserveCapacity(max(a.count, b.count) + 16)
        for index in 0..<prefix { edits.append(Edit(kind: .same, old: index, new: index)) }
        let middle = Myers(a: a, b: b)
        let n = a.count - suffix - prefix
        let m = b.count - suffix - prefix
        // About 40 million frontier steps at most: a second or so, whatever the file.
        let budget = min(maximumEdits, max(200, 40_000_000 / max(1, n + m)))
        if !middle.diff(prefix, a.count - suffix, prefix, b.count - suffix, budget: budget, into: &edits, stats: &statistics)
        {
            statistics.replacedWhole = true
            edits.removeSubrange(prefix...)
            for x in prefix..<(a.count - suffix) { edits.append(Edit(kind: .removed, old: x, new: prefix)) }
            for y in prefix..<(b.count - suffix) { edits.append(Edit(kind: .added, old: a.count - suffix, new: y)) }
        }
        for index in 0..<suffix {
            edits.append(Edit(kind: .same, old: a.count - suffix + index, new: b.count - suffix + index))
        }
        return removalsFirst(edits)
    }

    /// Each run of changes with its removed lines before its added ones, as `diff -u` shows them.
    private static func removalsFirst(_ edits: [Edit]) -> [Edit] {
        var result: [Edit] = []
        result.reserveCapacity(edits.count)
        var added: [Edit] = []
        for edit in edits {
            switch edit.kind {
            case .added:
                added.append(edit)
            case .removed:
                result.append(edit)
            case .same:
                result += added
                added.removeAll(keepingCapacity: true)
                result.append(edit)
            }
        }
        return result + added
    }

    /// Myers' linear-space diff over two sequences of line numbers.
    private struct Myers {
        let a: [Int]
        let b: [Int]

        /// Appends the edits turning `a[aLow..<aHigh]` into `b[bLow..<bHigh]`; false when they number more
        /// than `budget` (nothing useful is appended then).
        func diff(
            _ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int, budget: Int, into edits: inout [Edit],
            stats: inout Statistics
        ) -> Bool {
            let n = aHigh - aLow
            let m = bHigh - bLow
            if n == 0 {
                for y in bLow..<bHigh { edits.append(Edit(kind: .added, old: aLow, new: y)) }
                return true
            }
            if m == 0 {
                for x in aLow..<aHigh { edits.append(Edit(kind: .removed, old: x, new: bLow)) }
                return true
            }
            guard let snake = middleSnake(aLow, aHigh, bLow, bHigh, budget: budget, stats: &stats) else {
                return false
            }
            if snake.edits <= 1 {
                // One line more on one side, the rest equal: walk them together.
                var x = aLow
                var y = bLow
                while x < aHigh, y < bHigh, a[x] == b[y] {
                    edits.append(Edit(kind: .same, old: x, new: y))
                    x += 1
                    y += 1
                }
                if n > m {
                    edits.append(Edit(kind: .removed, old: x, new: y))
                    x += 1
                } else if m > n {
                    edits.append(Edit(kind: .added, old: x, new: y))
                    y += 1
                }
                while x < aHigh, y < bHigh {
                    edits.append(Edit(kind: .same, old: x, new: y))
                    x += 1
                    y += 1
                }
                return true
            }
            guard diff(aLow, snake.x, bLow, snake.y, budget: budget, into: &edits, stats: &stats) else { return false }
            var x = snake.x
            var y = snake.y
            while x < snake.u {
                edits.append(Edit(kind: .same, old: x, new: y))
                x += 1
                y += 1
            }
            return diff(snake.u, aHigh, snake.v, bHigh, budget: budget, into: &edits, stats: &stats)
        }

        struct Snake {
            var x: Int
            var y: Int
            var u: Int
            var v: Int
            var edits: Int
        }

        /// The middle snake of the shortest edit path: searched from both ends at once until the two
        /// searches meet, each keeping one frontier (the furthest point on each diagonal).
        func middleSnake(
            _ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int, budget: Int, stats: inout Statistics
        ) -> Snake? {
            let n = aHigh - aLow
            let m = bHigh - bLow
            let delta = n - m
            let odd = delta & 1 != 0
            let limit = min((n + m + 1) / 2, (budget + 1) / 2)
            let offset = limit + 1
            var forward = [Int](repeating: 0, count: 2 * limit + 3)
            var backward = [Int](repeating: 0, count: 2 * limit + 3)
            stats.peakStorage = max(stats.peakStorage, forward.count + backward.count)
            for d in 0...limit {
                for k in stride(from: -d, through: d, by: 2) {
                    var x =
                        k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1])
                        ? forward[offset + k + 1] : forward[offset + k - 1] + 1
                    var y = x - k
                    let (startX, startY) = (x, y)
                    while x < n, y < m, a[aLow + x] == b[bLow + y] {
                        x += 1
                        y += 1
                    }
                    forward[offset + k] = x
                    let reverse = delta - k
                    if odd, reverse >= -(d - 1), reverse <= d - 1, x + backward[offset + reverse] >= n {
                        return Snake(
                            x: aLow + startX, y: bLow + startY, u: aLow + x, v: bLow + y, edits: 2 * d - 1)
                    }
                }
                for c in stride(from: -d, through: d, by: 2) {
                    var x =
                        c == -d || (c != d && backward[offset + c - 1] < backward[offset + c + 1])
                        ? backward[offset + c + 1] : backward[offset + c - 1] + 1
                    var y = x - c
                    let (startX, startY) = (x, y)
                    while x < n, y < m, a[aHigh - 1 - x] == b[bHigh - 1 - y] {
                        x += 1
                        y += 1
                    }
                    backward[offset + c] = x
                    let reverse = delta - c
                    if !odd, reverse >= -d, reverse <= d, x + forward[offset + reverse] >= n {
                        return Snake(
                            x: aHigh - x, y: bHigh - y, u: aHigh - startX, v: bHigh - startY, edits: 2 * d)
                    }
                }
            }
            return nil
        }
    }
}
