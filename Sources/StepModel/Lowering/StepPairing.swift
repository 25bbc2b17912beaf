/// Pairs the HTML copies of steps with the other branch's copies.
///
/// Copies normally come in the same order with the same numbers and titles. When one branch has a
/// step the other lacks, a short look-ahead finds where the branches line up again, so one missing
/// copy does not shift every pairing after it.
enum StepPairing {
    static let lookAhead = 8

    static func pair(html: [StepCopy], print: [StepCopy]) -> [Step] {
        var steps: [Step] = []
        steps.reserveCapacity(max(html.count, print.count))
        var i = 0
        var j = 0
        while i < html.count, j < print.count {
            if matches(html[i], print[j], strongly: false) {
                steps.append(Step(html: html[i], print: print[j]))
                i += 1
                j += 1
                continue
            }
            // Not even a weak match: is the HTML copy extra, or the other one?
            if let skip = (1...lookAhead).first(where: {
                i + $0 < html.count && matches(html[i + $0], print[j], strongly: true)
            }) {
                for k in i..<(i + skip) { steps.append(Step(html: html[k], print: nil)) }
                i += skip
                continue
            }
            if let skip = (1...lookAhead).first(where: {
                j + $0 < print.count && matches(html[i], print[j + $0], strongly: true)
            }) {
                for k in j..<(j + skip) { steps.append(Step(html: nil, print: print[k])) }
                j += skip
                continue
            }
            // Different in both number and title, with no better partner: a drifted pair.
            steps.append(Step(html: html[i], print: print[j]))
            i += 1
            j += 1
        }
        while i < html.count {
            steps.append(Step(html: html[i], print: nil))
            i += 1
        }
        while j < print.count {
            steps.append(Step(html: nil, print: print[j]))
            j += 1
        }
        return steps
    }

    /// A strong match agrees on number and title; a weak one on either.
    static func matches(_ lhs: StepCopy, _ rhs: StepCopy, strongly: Bool) -> Bool {
        let sameNumber = lhs.numberText == rhs.numberText
        let sameTitle = lhs.titleText == rhs.titleText
        return strongly ? sameNumber && sameTitle : sameNumber || sameTitle
    }
}
