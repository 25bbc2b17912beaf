/// Bullet, enumerated and field lists, and line blocks.
extension BlockParser {
    struct Enumerator: Equatable {
        var sequence: EnumerationSequence
        var format: EnumerationFormat
        var ordinal: Int
        /// Offset just past the enumerator and the spaces after it.
        var contentStart: Int
        var markerEnd: Int
    }

    /// The bullet at `start` and the offset of the item's text, if the line starts a bullet item.
    func bulletMarker(_ start: Int, _ end: Int) -> (bullet: Unicode.Scalar, contentStart: Int, markerEnd: Int)? {
        let first = bytes[start]
        var markerEnd: Int
        let bullet: Unicode.Scalar
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            markerEnd = start + 1
            bullet = Unicode.Scalar(first)
        case 0xE2:
            // • U+2022, ‣ U+2023, ⁃ U+2043
            guard start + 2 < end else { return nil }
            if bytes[start + 1] == 0x80, bytes[start + 2] == 0xA2 {
                bullet = "\u{2022}"
            } else if bytes[start + 1] == 0x80, bytes[start + 2] == 0xA3 {
                bullet = "\u{2023}"
            } else if bytes[start + 1] == 0x81, bytes[start + 2] == 0x83 {
                bullet = "\u{2043}"
            } else {
                return nil
            }
            markerEnd = start + 3
        default:
            return nil
        }
        guard markerEnd == end || isSpace(bytes[markerEnd]) else { return nil }
        var contentStart = markerEnd
        while contentStart < end, isSpace(bytes[contentStart]) { contentStart += 1 }
        return (bullet, contentStart, markerEnd)
    }

    mutating func parseBulletList(_ index: Int, _ region: Region, depth: Int, into blocks: inout [BlockNode]) -> Int {
        guard let (bullet, _, _) = bulletMarker(textStart(index, region), trimmedEnd(index)) else { return index + 1 }
        var items: [ListItem] = []
        var line = index
        var end = index
        while line < region.upper {
            guard relativeIndent(line, region) == 0, !isBlank(line, region) else { break }
            let start = textStart(line, region)
            guard let marker = bulletMarker(start, trimmedEnd(line)), marker.bullet == bullet else { break }
            end = parseItem(
                line, region, markerStart: start, markerEnd: marker.markerEnd,
                contentStart: marker.contentStart, depth: depth, into: &items)
            line = end
            while line < region.upper, isBlank(line, region) { line += 1 }
        }
        appendList(
            .bulletList(BulletList(bullet: bullet, items: items)), items, end, region, what: "bullet", into: &blocks)
        return end
    }

    mutating func parseEnumeratedList(_ index: Int, _ region: Region, depth: Int, into blocks: inout [BlockNode]) -> Int
    {
        guard let first = enumerator(textStart(index, region), trimmedEnd(index), continuing: nil) else {
            return index + 1
        }
        // As docutils' EnumeratedList state: `#.` continues any list of the same format in its
        // sequence (`a.`, `#.`, `#.` is a, b, c); once an item is `#.`, an explicit one starts a new list.
        var items: [ListItem] = []
        let sequence: EnumerationSequence = first.sequence == .automatic ? .arabic : first.sequence
        var isAutomatic = first.sequence == .automatic
        var nextOrdinal = first.ordinal
        var line = index
        var end = index
        while line < region.upper {
            guard relativeIndent(line, region) == 0, !isBlank(line, region) else { break }
            let start = textStart(line, region)
            guard
                let current = enumerator(start, trimmedEnd(line), continuing: items.isEmpty ? nil : sequence),
                current.format == first.format
            else { break }
            if !items.isEmpty {
                if current.sequence == .automatic {
                    isAutomatic = true
                } else if isAutomatic || current.sequence != sequence || current.ordinal != nextOrdinal {
                    break
                }
            }
            end = parseItem(
                line, region, markerStart: start, markerEnd: current.markerEnd,
                contentStart: current.contentStart, depth: depth, into: &items)
            nextOrdinal += 1
            line = end
            while line < region.upper, isBlank(line, region) { line += 1 }
        }
        let list = EnumeratedList(sequence: sequence, format: first.format, start: first.ordinal, items: items)
        appendList(.enumeratedList(list), items, end, region, what: "enumerated", into: &blocks)
        return end
    }

    private mutating func parseItem(
        _ line: Int, _ region: Region, markerStart: Int, markerEnd: Int, contentStart: Int, depth: Int,
        into items: inout [ListItem]
    ) -> Int {
        let end = indentedEnd(from: line + 1, region)
        let sub = subregion(line, trimBlankEnd(line + 1, end), region, firstStart: contentStart)
        let children = parseBody(sub, depth: depth + 1)
        let markerRange = location(line, markerStart)..<location(line, markerEnd)
        let itemRange = markerRange.lowerBound..<max(markerRange.upperBound, range(of: sub).upperBound)
        items.append(ListItem(blocks: children, range: itemRange, markerRange: markerRange))
        return end
    }

    private mutating func appendList(
        _ kind: BlockKind, _ items: [ListItem], _ end: Int, _ region: Region, what: String,
        into blocks: inout [BlockNode]
    ) {
        guard let first = items.first, let last = items.last else { return }
        blocks.append(BlockNode(kind: kind, range: first.range.lowerBound..<last.range.upperBound))
        if end < region.upper, !isBlank(end, region), end > region.lower, !lines[end - 1].isBlank {
            warn(.rstMarkup, "\(what) list ends without a blank line; unexpected unindent", lineRange(end, region))
        }
    }

    /// Reads an enumerator (`1.`, `(a)`, `iv)`, `#.`) at `start`. `continuing` is the sequence of the
    /// list being extended, which settles whether `i` is a letter or a roman numeral.
    func enumerator(_ start: Int, _ end: Int, continuing: EnumerationSequence?) -> Enumerator? {
        var position = start
        var format = EnumerationFormat.period
        if bytes[position] == UInt8(ascii: "(") {
            format = .parentheses
            position += 1
        }
        let valueStart = position
        while position < end, isEnumeratorByte(bytes[position]) { position += 1 }
        let valueEnd = position
        guard valueEnd > valueStart, valueEnd - valueStart <= 9, position < end else { return nil }
        let punctuation = bytes[position]
        switch (format, punctuation) {
        case (.parentheses, UInt8(ascii: ")")): break
        case (.period, UInt8(ascii: ".")): break
        case (.period, UInt8(ascii: ")")): format = .rightParenthesis
        default: return nil
        }
        position += 1
        guard position == end || isSpace(bytes[position]) else { return nil }
        let markerEnd = position
        while position < end, isSpace(bytes[position]) { position += 1 }
        let value = Array(UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]))
        guard let (sequence, ordinal) = Self.sequenceAndOrdinal(value, continuing: continuing) else { return nil }
        return Enumerator(
            sequence: sequence, format: format, ordinal: ordinal, contentStart: position, markerEnd: markerEnd)
    }

    private func isEnumeratorByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
            || byte == UInt8(ascii: "#")
    }

    static func sequenceAndOrdinal(_ value: [UInt8], continuing: EnumerationSequence?) -> (EnumerationSequence, Int)? {
        if value == [UInt8(ascii: "#")] { return (.automatic, 1) }
        if value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            var number = 0
            for digit in value { number = number * 10 + Int(digit - 0x30) }
            return (.arabic, number)
        }
        let isLower = value.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        let isUpper = value.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        guard isLower || isUpper else { return nil }
        if value.count == 1 {
            let letter = value[0]
            let alpha: EnumerationSequence = isLower ? .lowerAlpha : .upperAlpha
            let roman: EnumerationSequence = isLower ? .lowerRoman : .upperRoman
            let isRomanOne = letter == UInt8(ascii: "i") || letter == UInt8(ascii: "I")
            if continuing == roman, let ordinal = romanValue(value) { return (roman, ordinal) }
            if continuing == nil, isRomanOne { return (roman, 1) }
            return (alpha, Int(letter) - Int(isLower ? UInt8(ascii: "a") : UInt8(ascii: "A")) + 1)
        }
        guard let ordinal = romanValue(value) else { return nil }
        return (isLower ? .lowerRoman : .upperRoman, ordinal)
    }

    /// The value of a roman numeral written canonically, or `nil`.
    static func romanValue(_ value: [UInt8]) -> Int? {
        func digit(_ byte: UInt8) -> Int? {
            switch byte | 0x20 {
            case UInt8(ascii: "i"): 1
            case UInt8(ascii: "v"): 5
            case UInt8(ascii: "x"): 10
            case UInt8(ascii: "l"): 50
            case UInt8(ascii: "c"): 100
            case UInt8(ascii: "d"): 500
            case UInt8(ascii: "m"): 1000
            default: nil
            }
        }
        var total = 0
        for (index, byte) in value.enumerated() {
            guard let current = digit(byte) else { return nil }
            if index + 1 < value.count, let next = digit(value[index + 1]), next > current {
                total -= current
            } else {
                total += current
            }
        }
        guard total > 0, total < 4000, romanNumeral(total) == String(decoding: value, as: UTF8.self).lowercased() else {
            return nil
        }
        return total
    }

    static func romanNumeral(_ number: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var remaining = number
        var result = ""
        for (value, numeral) in table {
            while remaining >= value {
                result += numeral
                remaining -= value
            }
        }
        return result
    }

    /// docutils' check that an enumerator really starts a list: the next line is blank, indented, or
    /// another item of the same list.
    func enumeratedItemIsValid(_ index: Int, _ region: Region, _ enumerator: Enumerator) -> Bool {
        let next = index + 1
        guard next < region.upper, !isBlank(next, region) else { return true }
        if relativeIndent(next, region) > 0 { return true }
        guard
            let following = self.enumerator(textStart(next, region), trimmedEnd(next), continuing: enumerator.sequence)
        else { return false }
        return following.format == enumerator.format
            && (following.sequence == .automatic || following.ordinal == enumerator.ordinal + 1)
    }

    /// The offset after a field marker (`:name:` followed by a space or the line end), if there is one.
    func fieldMarkerEnd(_ start: Int, _ end: Int) -> Int? {
        guard bytes[start] == UInt8(ascii: ":"), start + 1 < end else { return nil }
        let first = bytes[start + 1]
        guard first != 0x20, first != UInt8(ascii: ":"), first != UInt8(ascii: "`") else { return nil }
        var position = start + 1
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == UInt8(ascii: "`") { return nil }
            if byte == UInt8(ascii: ":") {
                guard bytes[position - 1] != 0x20 else { return nil }
                if position + 1 == end || isSpace(bytes[position + 1]) { return position + 1 }
                return nil
            }
            position += 1
        }
        return nil
    }

    mutating func parseFieldList(_ index: Int, _ region: Region, depth: Int, into blocks: inout [BlockNode]) -> Int {
        var fields: [Field] = []
        var line = index
        var end = index
        while line < region.upper, relativeIndent(line, region) == 0, !isBlank(line, region) {
            let start = textStart(line, region)
            let lineEnd = trimmedEnd(line)
            guard let markerEnd = fieldMarkerEnd(start, lineEnd) else { break }
            let name = Escapes.resolve(file.text(from: start + 1, to: markerEnd - 1))
            let nameRange = location(line, start)..<location(line, markerEnd)
            end = indentedEnd(from: line + 1, region)
            let sub = subregion(line, trimBlankEnd(line + 1, end), region, firstStart: markerEnd)
            let body = parseBody(sub, depth: depth + 1)
            fields.append(
                Field(
                    name: name, nameRange: nameRange, body: body,
                    range: nameRange.lowerBound..<max(nameRange.upperBound, range(of: sub).upperBound)))
            line = end
            while line < region.upper, isBlank(line, region) { line += 1 }
        }
        if let first = fields.first, let last = fields.last {
            blocks.append(BlockNode(kind: .fieldList(fields), range: first.range.lowerBound..<last.range.upperBound))
        }
        return max(end, index + 1)
    }

    mutating func parseLineBlock(_ index: Int, _ region: Region, into blocks: inout [BlockNode]) -> Int {
        var entries: [LineBlockLine] = []
        var line = index
        while line < region.upper, !isBlank(line, region) {
            let start = textStart(line, region)
            let end = trimmedEnd(line)
            if relativeIndent(line, region) > 0, !entries.isEmpty {
                // A continuation of the previous line.
                line += 1
                continue
            }
            guard relativeIndent(line, region) == 0, bytes[start] == UInt8(ascii: "|"),
                start + 1 == end || bytes[start + 1] == 0x20
            else { break }
            var textBegin = min(start + 2, end)
            var extra = 0
            while textBegin < end, bytes[textBegin] == 0x20 {
                textBegin += 1
                extra += 1
            }
            let map = InlineSourceMap(line: line + lineBase, column: textBegin - Int(lines[line].start) + 1)
            let inlines = InlineParser.parse(
                UnsafeBufferPointer(rebasing: bytes[textBegin..<max(textBegin, end)]), map: map, file: file.path,
                diagnostics: &diagnostics)
            entries.append(LineBlockLine(inlines: inlines, indent: extra, range: lineRange(line, region)))
            line += 1
        }
        if let first = entries.first, let last = entries.last {
            blocks.append(BlockNode(kind: .lineBlock(entries), range: first.range.lowerBound..<last.range.upperBound))
        }
        return max(line, index + 1)
    }
}
