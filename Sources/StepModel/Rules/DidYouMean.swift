/// "Did you mean …?" suggestions by edit distance.
public enum DidYouMean {
    /// The candidates closest to `word` (Damerau–Levenshtein, case-insensitive), best first; only those
    /// within a distance of a third of the word's length (at least 1, at most 3).
    public static func suggestions(for word: String, among candidates: some Sequence<String>, limit: Int = 3)
        -> [String]
    {
        let target = Array(word.lowercased().utf8)
        let threshold = max(1, min(3, target.count / 3))
        var scored: [(String, Int)] = []
        for candidate in candidates {
            let bytes = Array(candidate.lowercased().utf8)
            guard abs(bytes.count - target.count) <= threshold else { continue }
            let distance = editDistance(target, bytes, limit: threshold)
            if distance <= threshold, candidate != word { scored.append((candidate, distance)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return scored.prefix(limit).map(\.0)
    }

    /// A sentence to append to a summary: "; did you mean 'x'?" or "" when nothing is close.
    public static func phrase(for word: String, among candidates: some Sequence<String>) -> String {
        let found = suggestions(for: word, among: candidates)
        guard !found.isEmpty else { return "" }
        return "; did you mean " + found.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// The sentence for suggestions already found: "; did you mean 'x'?" or "".
    public static func phrase(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// Optimal string alignment distance, giving up early once every cell exceeds `limit`.
    public static func editDistance(_ lhs: [UInt8], _ rhs: [UInt8], limit: Int = Int.max) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previousPrevious = [Int](repeating: 0, count: rhs.count + 1)
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return rowMinimum }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[rhs.count]
    }
}
