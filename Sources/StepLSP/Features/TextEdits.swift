/// The edits that turn a document's text into new text: one replacement per run of changed lines, so
/// an editor keeps the cursor and folds of the lines that did not change.
enum TextEdits {
    static func edits(from document: TextDocument, to new: [UInt8], encoding: PositionEncoding) -> [JSON] {
        let old = document.bytes
        guard old != new else { return [] }
        let oldLines = lines(old)
        let newLines = lines(new)
        var edits: [JSON] = []
        for hunk in LineDiff.hunks(old: oldLines.map(\.text), new: newLines.map(\.text)) {
            let start = hunk.oldRange.lowerBound < oldLines.count ? oldLines[hunk.oldRange.lowerBound].start : old.count
            let end = hunk.oldRange.upperBound < oldLines.count ? oldLines[hunk.oldRange.upperBound].start : old.count
            let newStart =
                hunk.newRange.lowerBound < newLines.count ? newLines[hunk.newRange.lowerBound].start : new.count
            let newEnd =
                hunk.newRange.upperBound < newLines.count ? newLines[hunk.newRange.upperBound].start : new.count
            edits.append([
                "range": PositionRange(
                    start: document.position(ofOffset: start, encoding: encoding),
                    end: document.position(ofOffset: end, encoding: encoding)
                ).json,
                "newText": .string(String(decoding: new[newStart..<newEnd], as: UTF8.self)),
            ])
        }
        return edits
    }

    /// Lines with their line ends, and where each starts.
    private static func lines(_ bytes: [UInt8]) -> [(text: ArraySlice<UInt8>, start: Int)] {
        var result: [(ArraySlice<UInt8>, Int)] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                result.append((bytes[start...index], start))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { result.append((bytes[start...], start)) }
        return result
    }
}

/// A line diff (Myers' O(ND) with a bound, falling back to one hunk): runs of lines to replace.
enum LineDiff {
    struct Hunk: Equatable {
        var oldRange: Range<Int>
        var newRange: Range<Int>
    }

    static func hunks(old: [ArraySlice<UInt8>], new: [ArraySlice<UInt8>]) -> [Hunk] {
        // Common prefix and suffix first: most edits are small.
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        if a.isEmpty && b.isEmpty { return [] }
        guard let matches = lcs(a, b) else {
            return [Hunk(oldRange: prefix..<(old.count - suffix), newRange: prefix..<(new.count - suffix))]
        }
        var hunks: [Hunk] = []
        var i = 0
        var j = 0
        for (mi, mj) in matches + [(a.count, b.count)] {
            if mi > i || mj > j {
                hunks.append(Hunk(oldRange: (prefix + i)..<(prefix + mi), newRange: (prefix + j)..<(prefix + mj)))
            }
            i = mi + 1
            j = mj + 1
        }
        return hunks
    }

    /// Matching line pairs of a longest common subsequence, or `nil` when the inputs are too large
    /// to compare line by line cheaply.
    private static func lcs(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [(Int, Int)]? {
        guard !a.isEmpty, !b.isEmpty, a.count * b.count <= 4_000_000 else { return a.isEmpty || b.isEmpty ? [] : nil }
        let width = b.count + 1
        var table = [UInt16](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] =
                    a[i] == b[j]
                    ? table[(i + 1) * width + j + 1] &+ 1 : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }
}
