extension TitlePattern {
    /// The placeholder values when `title` matches this pattern, or nil.
    ///
    /// A pattern without placeholders matches with an empty dictionary. A placeholder used twice
    /// must capture the same text both times.
    public func match(_ title: String) -> [String: String]? {
        let text = Self.collapsingWhitespace(title)
        let pattern = normalizedSegments()
        var captures: [String: String] = [:]
        return Self.match(pattern, from: 0, in: text, at: 0, captures: &captures) ? captures : nil
    }

    /// Whether `title` matches this pattern.
    public func matches(_ title: String) -> Bool {
        match(title) != nil
    }

    private enum Piece {
        case literal([Character])
        case placeholder(name: String, type: PlaceholderType)
    }

    private func normalizedSegments() -> [Piece] {
        // Collapse whitespace across the whole pattern (a placeholder is a non-space stand-in),
        // so literal runs at either end lose their outer whitespace just as the title does.
        var pieces: [Piece] = []
        for (position, segment) in segments.enumerated() {
            switch segment {
            case .placeholder(let name, let type):
                pieces.append(.placeholder(name: name, type: type))
            case .literal(let text):
                var collapsed = Self.collapsingWhitespace(text, trimming: false)
                if position == 0 {
                    collapsed = Array(collapsed.drop(while: { $0 == " " }))
                }
                if position == segments.count - 1 {
                    while collapsed.last == " " {
                        collapsed.removeLast()
                    }
                }
                if !collapsed.isEmpty {
                    pieces.append(.literal(collapsed))
                }
            }
        }
        return pieces
    }

    private static func match(
        _ pieces: [Piece], from pieceIndex: Int, in text: [Character], at position: Int,
        captures: inout [String: String]
    ) -> Bool {
        guard pieceIndex < pieces.count else {
            return position == text.count
        }
        switch pieces[pieceIndex] {
        case .literal(let literal):
            guard position + literal.count <= text.count else { return false }
            let candidate = text[position..<(position + literal.count)]
            guard zip(literal, candidate).allSatisfy(sameIgnoringCase) else { return false }
            return match(pieces, from: pieceIndex + 1, in: text, at: position + literal.count, captures: &captures)
        case .placeholder(let name, let type):
            for end in candidateEnds(for: type, in: text, from: position) {
                let value = String(text[position..<end])
                let previous = captures[name]
                if let previous, previous != value {
                    continue
                }
                captures[name] = value
                if match(pieces, from: pieceIndex + 1, in: text, at: end, captures: &captures) {
                    return true
                }
                captures[name] = previous
            }
            return false
        }
    }

    /// Where a placeholder of `type` starting at `start` may end, in the order to try them.
    private static func candidateEnds(for type: PlaceholderType, in text: [Character], from start: Int) -> [Int] {
        switch type {
        case .text:
            return start < text.count ? Array((start + 1)...text.count) : []
        case .word:
            var end = start
            while end < text.count, text[end].isLetter || text[end].isNumber || text[end] == "_" || text[end] == "-" {
                end += 1
            }
            return end > start ? Array(((start + 1)...end).reversed()) : []
        case .version, .number:
            // Digit groups separated by single dots; a number has at most one dot.
            var ends: [Int] = []
            var end = start
            var dots = 0
            while end < text.count, isDigit(text[end]) {
                while end < text.count, isDigit(text[end]) {
                    end += 1
                }
                ends.append(end)
                guard end + 1 < text.count, text[end] == ".", isDigit(text[end + 1]),
                    type == .version || dots == 0
                else { break }
                dots += 1
                end += 1
            }
            return ends.reversed()
        }
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isWholeNumber
    }

    private static func sameIgnoringCase(_ left: Character, _ right: Character) -> Bool {
        left == right || left.lowercased() == right.lowercased()
    }

    private static func collapsingWhitespace(_ text: String, trimming: Bool = true) -> [Character] {
        var result: [Character] = []
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && (!result.isEmpty || !trimming) {
                result.append(" ")
            }
            pendingSpace = false
            result.append(character)
        }
        if pendingSpace && !trimming {
            result.append(" ")
        }
        return result
    }
}
