import StepModel

/// "Did you mean …?" for step titles: the closest title by edit distance.
///
/// ``DidYouMean`` allows at most three edits, right for ids and role names; a title of sixty
/// characters that differs in a word is still a near miss, so titles allow a quarter of their length.
enum TitleSuggestion {
    /// The candidate closest to `title`, if any is within the allowed distance; ties go to the first.
    static func closest<Key>(to title: String, among candidates: [(key: Key, title: String)]) -> (
        key: Key, title: String
    )? {
        let target = normalized(title)
        let threshold = max(3, target.count / 4)
        var best: (key: Key, title: String, distance: Int)? = nil
        for candidate in candidates {
            let bytes = normalized(candidate.title)
            guard abs(bytes.count - target.count) <= threshold else { continue }
            let distance = DidYouMean.editDistance(target, bytes, limit: threshold)
            guard distance <= threshold else { continue }
            if best.map({ distance < $0.distance }) ?? true {
                best = (candidate.key, candidate.title, distance)
            }
        }
        return best.map { ($0.key, $0.title) }
    }

    private static func normalized(_ title: String) -> [UInt8] {
        Array(title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ").utf8)
    }
}
