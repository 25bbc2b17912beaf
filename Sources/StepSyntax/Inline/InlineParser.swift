/// Reads inline markup following docutils' recognition rules.
///
/// The rules (docutils "Inline markup recognition rules"): a start-string begins the text or follows
/// whitespace, an opening bracket or quote, or a delimiter (`-`, `/`, `:` and Unicode dashes and other
/// punctuation); it is followed by non-whitespace; an end-string follows non-whitespace and is
/// followed by the end of the text, whitespace, a closing bracket or quote, or a delimiter
/// (`-`, `/`, `:`, `.`, `,`, `;`, `!`, `?`, `\`); a start-string between a matching pair of
/// quotes or brackets is text; backslash escapes make the next character ordinary.
package struct InlineParser {
    private let text: UnsafeBufferPointer<UInt8>
    private let map: InlineSourceMap
    private let file: String
    private var nodes: [InlineNode] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var textStart = 0
    /// For each kind of end-string search, the smallest offset a search started from and found nothing.
    ///
    /// Whether a candidate end-string qualifies does not depend on where the search started, so a
    /// search from any later offset finds nothing either. Remembering this keeps a paragraph full of
    /// unterminated start-strings linear instead of quadratic.
    private var exhaustedSearches = [Int](repeating: Int.max, count: EndSearch.allCases.count)
    /// The last run of URI characters scanned, so colons inside one run do not rescan it.
    private var uriRun: Range<Int> = 0..<0
    /// The last simple name scanned, so each colon inside a run of `a:b:c` does not rescan it.
    private var simpleNameRun: Range<Int> = 0..<0

    /// The end-string searches that are remembered in ``exhaustedSearches``.
    private enum EndSearch: Int, CaseIterable {
        case emphasis, strong, literal, interpreted, substitution, inlineTarget
    }

    /// Parses `text` (a paragraph's lines joined with "\n") into inline nodes.
    package static func parse(
        _ text: UnsafeBufferPointer<UInt8>, map: InlineSourceMap, file: String, diagnostics: inout [Diagnostic]
    ) -> [InlineNode] {
        var parser = InlineParser(text: text, map: map, file: file)
        parser.run()
        diagnostics.append(contentsOf: parser.diagnostics)
        return parser.nodes
    }

    /// Parses text held in an array (titles, option values, tests).
    package static func parse(
        _ bytes: [UInt8], map: InlineSourceMap, file: String, diagnostics: inout [Diagnostic]
    ) -> [InlineNode] {
        bytes.withUnsafeBufferPointer { parse($0, map: map, file: file, diagnostics: &diagnostics) }
    }

    private init(text: UnsafeBufferPointer<UInt8>, map: InlineSourceMap, file: String) {
        self.text = text
        self.map = map
        self.file = file
    }

    private var count: Int { text.count }

    private mutating func run() {
        var position = 0
        let count = self.count
        while position < count {
            let byte = text[position]
            guard InlineParser.interesting[Int(byte)] else {
                position += 1
                continue
            }
            var end: Int? = nil
            switch byte {
            case UInt8(ascii: "\\"):
                position += 2
                continue
            case UInt8(ascii: "*"):
                end =
                    position + 1 < count && text[position + 1] == UInt8(ascii: "*")
                    ? strong(at: position) : emphasis(at: position)
            case UInt8(ascii: "`"):
                end =
                    position + 1 < count && text[position + 1] == UInt8(ascii: "`")
                    ? literal(at: position) : interpreted(at: position, roleStart: nil)
            case UInt8(ascii: ":"):
                end = rolePrefix(at: position) ?? standaloneURI(colonAt: position)
            case UInt8(ascii: "|"):
                end = substitution(at: position)
            case UInt8(ascii: "_"):
                end =
                    position + 1 < count && text[position + 1] == UInt8(ascii: "`")
                    ? inlineTarget(at: position) : simpleReference(underscoreAt: position)
            case UInt8(ascii: "["):
                end = footnoteReference(at: position)
            case UInt8(ascii: "@"):
                end = email(atSignAt: position)
            default:
                break
            }
            if let end {
                position = end
                textStart = end
            } else {
                position += 1
            }
        }
        flushText(upTo: count)
    }

    // MARK: - Constructs

    private mutating func emphasis(at start: Int) -> Int? {
        guard startStringIsValid(start, length: 1) else { return nil }
        guard let close = findEnd(from: start + 1, endString: [UInt8(ascii: "*")], kind: .emphasis) else {
            warnUnterminated(start, length: 1, what: "emphasis")
            return nil
        }
        emit(.emphasis(resolvedText(start + 1, close)), start, close + 1)
        return close + 1
    }

    private mutating func strong(at start: Int) -> Int? {
        guard startStringIsValid(start, length: 2) else { return nil }
        guard let close = findEnd(from: start + 2, endString: [UInt8(ascii: "*"), UInt8(ascii: "*")], kind: .strong)
        else {
            warnUnterminated(start, length: 2, what: "strong")
            return nil
        }
        emit(.strong(resolvedText(start + 2, close)), start, close + 2)
        return close + 2
    }

    private mutating func literal(at start: Int) -> Int? {
        guard startStringIsValid(start, length: 2) else { return nil }
        let tick = UInt8(ascii: "`")
        var search = start + 2
        if search >= exhaustedSearches[EndSearch.literal.rawValue] { search = count }
        while search + 1 < count {
            if text[search] == tick, text[search + 1] == tick, !isWhitespace(before: search),
                endSuffixIsValid(search + 2)
            {
                emit(.literal(rawText(start + 2, search)), start, search + 2)
                return search + 2
            }
            search += 1
        }
        noteExhausted(.literal, from: start + 2)
        warnUnterminated(start, length: 2, what: "literal")
        return nil
    }

    /// `` `…` `` with its optional suffix (`_`, `__`, `:role:`); `roleStart` is where a `:role:` prefix began.
    private mutating func interpreted(at backtick: Int, roleStart: Int?) -> Int? {
        let start = roleStart ?? backtick
        if roleStart == nil {
            guard startStringIsValid(backtick, length: 1) else { return nil }
        } else {
            guard backtick + 1 < count, !isWhitespaceByte(text[backtick + 1]) else { return nil }
        }
        let tick = UInt8(ascii: "`")
        var search = backtick + 1
        if search >= exhaustedSearches[EndSearch.interpreted.rawValue] { search = count }
        while search < count {
            if text[search] == UInt8(ascii: "\\") {
                search += 2
                continue
            }
            if text[search] == tick, search > backtick + 1, !isWhitespace(before: search) {
                if let suffix = interpretedSuffix(after: search) {
                    return finishInterpreted(
                        start: start, roleStart: roleStart, contentStart: backtick + 1, close: search, suffix: suffix)
                }
            }
            search += 1
        }
        noteExhausted(.interpreted, from: backtick + 1)
        warnUnterminated(start, length: backtick + 1 - start, what: "interpreted text or phrase reference")
        return nil
    }

    private enum InterpretedSuffix {
        case none(end: Int)
        case reference(end: Int, anonymous: Bool)
        case role(name: String, range: (Int, Int), end: Int)
    }

    private mutating func interpretedSuffix(after close: Int) -> InterpretedSuffix? {
        var position = close + 1
        if position < count, text[position] == UInt8(ascii: "_") {
            position += 1
            var anonymous = false
            if position < count, text[position] == UInt8(ascii: "_") {
                position += 1
                anonymous = true
            }
            return endSuffixIsValid(position) ? .reference(end: position, anonymous: anonymous) : nil
        }
        if position < count, text[position] == UInt8(ascii: ":"), let nameEnd = simpleNameEnd(from: position + 1),
            nameEnd < count, text[nameEnd] == UInt8(ascii: ":"), endSuffixIsValid(nameEnd + 1)
        {
            let name = String(decoding: UnsafeBufferPointer(rebasing: text[(position + 1)..<nameEnd]), as: UTF8.self)
            return .role(name: name, range: (position, nameEnd + 1), end: nameEnd + 1)
        }
        if position < count, text[position] == UInt8(ascii: "`") { return nil }
        return endSuffixIsValid(position) ? .none(end: position) : nil
    }

    private mutating func finishInterpreted(
        start: Int, roleStart: Int?, contentStart: Int, close: Int, suffix: InterpretedSuffix
    ) -> Int {
        let raw = rawText(contentStart, close)
        switch suffix {
        case .none(let end):
            var role: String? = nil
            var roleRange: SourceRange? = nil
            if let roleStart {
                role = String(
                    decoding: UnsafeBufferPointer(rebasing: text[(roleStart + 1)..<(contentStart - 2)]), as: UTF8.self)
                roleRange = map.range(roleStart, contentStart - 1)
            }
            emit(.interpretedText(InterpretedText(role: role, roleRange: roleRange, rawContent: raw)), start, end)
            return end
        case .role(let name, let range, let end):
            if roleStart != nil {
                diagnostics.append(
                    markupDiagnostic(
                        "interpreted text has both a role prefix and a role suffix", start, end))
            }
            emit(
                .interpretedText(InterpretedText(role: name, roleRange: map.range(range.0, range.1), rawContent: raw)),
                start, end)
            return end
        case .reference(let end, let anonymous):
            if roleStart != nil {
                diagnostics.append(
                    markupDiagnostic(
                        "a role cannot be applied to a hyperlink reference", start, end))
            }
            emit(.reference(phraseReference(raw, anonymous: anonymous)), start, end)
            return end
        }
    }

    /// Splits `` `text <target>`_ `` into its parts, as docutils' embedded-link pattern does.
    private func phraseReference(_ raw: String, anonymous: Bool) -> Reference {
        let bytes = Array(raw.utf8)
        if bytes.last == UInt8(ascii: ">"), bytes.count >= 2 {
            var open = bytes.count - 2
            while open >= 0, bytes[open] != UInt8(ascii: "<") || (open > 0 && bytes[open - 1] == UInt8(ascii: "\\")) {
                open -= 1
            }
            let precededBySpace = open == 0 || (open > 0 && (bytes[open - 1] == 0x20 || bytes[open - 1] == 0x0A))
            if open >= 0, precededBySpace, open + 1 < bytes.count - 1 {
                let inner = String(decoding: bytes[(open + 1)..<(bytes.count - 1)], as: UTF8.self)
                let label = Escapes.resolve(String(decoding: bytes[0..<open], as: UTF8.self)).trimmingWhitespace()
                let innerBytes = Array(inner.utf8)
                let isAlias =
                    innerBytes.last == UInt8(ascii: "_")
                    && !(innerBytes.count >= 2 && innerBytes[innerBytes.count - 2] == UInt8(ascii: "\\"))
                if isAlias {
                    let name = Escapes.resolve(String(decoding: innerBytes.dropLast(), as: UTF8.self))
                        .trimmingWhitespace()
                    return Reference(
                        text: label.isEmpty ? name : label, target: .embeddedAlias(name), isAnonymous: anonymous)
                }
                // Whitespace inside an embedded URI is dropped: a URL may be broken over lines.
                let uri = String(
                    decoding: Array(Escapes.resolve(inner).utf8).filter { !isWhitespaceByte($0) }, as: UTF8.self)
                return Reference(text: label.isEmpty ? uri : label, target: .embeddedURI(uri), isAnonymous: anonymous)
            }
        }
        let label = collapseWhitespace(Escapes.resolve(raw))
        return Reference(text: label, target: anonymous ? .anonymous : .name(label), isAnonymous: anonymous)
    }

    private mutating func rolePrefix(at colon: Int) -> Int? {
        guard startStringIsValid(colon, length: 1, checkFollowing: false) else { return nil }
        guard let nameEnd = simpleNameEnd(from: colon + 1), nameEnd + 1 < count,
            text[nameEnd] == UInt8(ascii: ":"), text[nameEnd + 1] == UInt8(ascii: "`")
        else { return nil }
        if nameEnd + 2 < count, text[nameEnd + 2] == UInt8(ascii: "`") { return nil }
        return interpreted(at: nameEnd + 1, roleStart: colon)
    }

    private mutating func substitution(at start: Int) -> Int? {
        guard startStringIsValid(start, length: 1) else { return nil }
        let bar = UInt8(ascii: "|")
        var search = start + 1
        if search >= exhaustedSearches[EndSearch.substitution.rawValue] { search = count }
        while search < count {
            if text[search] == UInt8(ascii: "\\") {
                search += 2
                continue
            }
            if text[search] == bar, search > start + 1, !isWhitespace(before: search) {
                var end = search + 1
                var isReference = false
                if end < count, text[end] == UInt8(ascii: "_") {
                    end += 1
                    isReference = true
                    if end < count, text[end] == UInt8(ascii: "_") { end += 1 }
                }
                if endSuffixIsValid(end) {
                    let name = collapseWhitespace(resolvedText(start + 1, search))
                    emit(
                        .substitutionReference(SubstitutionReference(name: name, isReference: isReference)), start, end)
                    return end
                }
            }
            search += 1
        }
        noteExhausted(.substitution, from: start + 1)
        warnUnterminated(start, length: 1, what: "substitution reference")
        return nil
    }

    private mutating func inlineTarget(at start: Int) -> Int? {
        guard startStringIsValid(start, length: 2) else { return nil }
        guard let close = findEnd(from: start + 2, endString: [UInt8(ascii: "`")], kind: .inlineTarget) else {
            warnUnterminated(start, length: 2, what: "inline target")
            return nil
        }
        emit(.inlineTarget(resolvedText(start + 2, close)), start, close + 1)
        return close + 1
    }

    private mutating func footnoteReference(at start: Int) -> Int? {
        guard startStringIsValid(start, length: 1) else { return nil }
        var position = start + 1
        while position < count, text[position] != UInt8(ascii: "]") {
            let byte = text[position]
            if isWhitespaceByte(byte) || byte == UInt8(ascii: "[") { return nil }
            position += 1
        }
        guard position + 1 < count, position > start + 1, text[position + 1] == UInt8(ascii: "_"),
            endSuffixIsValid(position + 2)
        else { return nil }
        let label = rawText(start + 1, position)
        let labelBytes = Array(label.utf8)
        let isValid =
            label == "*" || labelBytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            || (labelBytes.first == UInt8(ascii: "#"))
            || (simpleNameEndIn(labelBytes) == labelBytes.count)
        guard isValid else { return nil }
        emit(.footnoteReference(label), start, position + 2)
        return position + 2
    }

    /// `name_` or `name__`, found at its underscore; the name is read backwards.
    private mutating func simpleReference(underscoreAt underscore: Int) -> Int? {
        var end = underscore + 1
        var anonymous = false
        if end < count, text[end] == UInt8(ascii: "_") {
            end += 1
            anonymous = true
        }
        guard endSuffixIsValid(end), underscore > textStart else { return nil }
        // Walk back over a simple name: word characters with single internal - . _ + : between them.
        var start = underscore
        while start > textStart {
            let previous = text[start - 1]
            if isWordByte(previous) {
                start -= 1
            } else if (previous == UInt8(ascii: "-") || previous == UInt8(ascii: ".") || previous == UInt8(ascii: "+")
                || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "_")) && start - 1 > textStart
                && isWordByte(text[start - 2]) && start < underscore
            {
                start -= 1
            } else {
                break
            }
        }
        guard start < underscore, isWordByte(text[start]), startStringIsValid(start, length: 0, checkFollowing: false)
        else { return nil }
        if start > 0, text[start - 1] == UInt8(ascii: "\\") { return nil }
        let name = rawText(start, underscore)
        emit(
            .reference(Reference(text: name, target: anonymous ? .anonymous : .name(name), isAnonymous: anonymous)),
            start, end)
        return end
    }

    /// A URI such as `https://example.com/x`, found at the colon after its scheme.
    private mutating func standaloneURI(colonAt colon: Int) -> Int? {
        var start = colon
        while start > textStart, isSchemeByte(text[start - 1]) { start -= 1 }
        guard start < colon, isASCIILetter(text[start]) else { return nil }
        let scheme = rawText(start, colon).lowercased()
        guard InlineParser.uriSchemes.contains(scheme),
            startStringIsValid(start, length: 0, checkFollowing: false)
        else { return nil }
        if scheme != "mailto", scheme != "news", scheme != "tel", scheme != "urn", scheme != "data" {
            // Hierarchical schemes need their `//`.
            guard colon + 2 < count, text[colon + 1] == UInt8(ascii: "/"), text[colon + 2] == UInt8(ascii: "/") else {
                return nil
            }
        }
        var end = colon + 1
        if uriRun.contains(end) {
            end = uriRun.upperBound
        } else {
            while end < count, isURIByte(text[end]) { end += 1 }
            uriRun = (colon + 1)..<end
        }
        while end > colon + 1, !isURILastByte(text[end - 1]) { end -= 1 }
        guard end > colon + 1, endSuffixIsValid(end) else { return nil }
        let uri = rawText(start, end)
        emit(.standaloneURI(StandaloneURI(text: uri, isEmail: false)), start, end)
        return end
    }

    private mutating func email(atSignAt at: Int) -> Int? {
        var start = at
        while start > textStart, isEmailByte(text[start - 1]) || text[start - 1] == UInt8(ascii: ".") { start -= 1 }
        while start < at, text[start] == UInt8(ascii: ".") { start += 1 }
        guard start < at, startStringIsValid(start, length: 0, checkFollowing: false) else { return nil }
        var end = at + 1
        var sawDot = false
        while end < count, isEmailByte(text[end]) || text[end] == UInt8(ascii: ".") {
            if text[end] == UInt8(ascii: ".") { sawDot = true }
            end += 1
        }
        while end > at + 1, !isURILastByte(text[end - 1]) { end -= 1 }
        guard end > at + 1, sawDot, endSuffixIsValid(end) else { return nil }
        emit(.standaloneURI(StandaloneURI(text: rawText(start, end), isEmail: true)), start, end)
        return end
    }

    // MARK: - Recognition rules

    /// Rules 1, 2 and 5: what precedes and follows a start-string of `length` bytes at `start`.
    private func startStringIsValid(_ start: Int, length: Int, checkFollowing: Bool = true) -> Bool {
        if start > 0 {
            let previous = text[start - 1]
            if previous == UInt8(ascii: "\\") { return false }
            if previous < 0x80 {
                guard InlineParser.startPrefixASCII[Int(previous)] else { return false }
            } else {
                guard let scalar = scalar(endingAt: start), isStartPrefix(scalar) else { return false }
            }
        }
        guard checkFollowing else { return true }
        let after = start + length
        guard after < count else { return false }
        let next = text[after]
        if isWhitespaceByte(next) { return false }
        if start > 0, let closer = InlineParser.matchingCloser(text[start - 1]), next == closer { return false }
        return true
    }

    /// Rule 4: what may follow an end-string ending at `end`.
    private func endSuffixIsValid(_ end: Int) -> Bool {
        guard end < count else { return true }
        let next = text[end]
        if next < 0x80 { return InlineParser.endSuffixASCII[Int(next)] }
        guard let scalar = scalar(startingAt: end) else { return false }
        return isEndSuffix(scalar)
    }

    /// Finds the next end-string at or after `from` that is preceded by non-whitespace, not escaped,
    /// and followed by a valid suffix.
    private mutating func findEnd(from: Int, endString: [UInt8], kind: EndSearch) -> Int? {
        guard from < exhaustedSearches[kind.rawValue] else { return nil }
        var search = from
        let length = endString.count
        while search + length <= count {
            let byte = text[search]
            if byte == UInt8(ascii: "\\") {
                search += 2
                continue
            }
            if byte == endString[0], search > from, (length == 1 || text[search + 1] == endString[1]),
                !isWhitespace(before: search), endSuffixIsValid(search + length)
            {
                return search
            }
            search += 1
        }
        noteExhausted(kind, from: from)
        return nil
    }

    /// Records that a search of `kind` from `from` found no end-string (see ``exhaustedSearches``).
    private mutating func noteExhausted(_ kind: EndSearch, from: Int) {
        exhaustedSearches[kind.rawValue] = min(exhaustedSearches[kind.rawValue], from)
    }

    private func isWhitespace(before position: Int) -> Bool {
        position == 0 || isWhitespaceByte(text[position - 1])
    }

    private func isStartPrefix(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .openPunctuation, .initialPunctuation, .finalPunctuation, .dashPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    private func isEndSuffix(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .closePunctuation, .initialPunctuation, .finalPunctuation, .dashPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    private func scalar(endingAt end: Int) -> Unicode.Scalar? {
        var start = end - 1
        while start > 0, end - start < 4, text[start] & 0xC0 == 0x80 { start -= 1 }
        return decodeScalar(start, end)
    }

    private func scalar(startingAt start: Int) -> Unicode.Scalar? {
        var end = start + 1
        while end < count, end - start < 4, text[end] & 0xC0 == 0x80 { end += 1 }
        return decodeScalar(start, end)
    }

    private func decodeScalar(_ start: Int, _ end: Int) -> Unicode.Scalar? {
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: text[start..<end]).makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    // MARK: - Character classes

    private func isWhitespaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    private func isSchemeByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }

    private func isURIByte(_ byte: UInt8) -> Bool { InlineParser.uriBytes[Int(byte)] }

    private func isURILastByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
            || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "#")
    }

    private func isEmailByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || "-_!~*'{|}/#?^&=+$%".utf8.contains(byte)
    }

    /// The end of a docutils simple name (word characters joined by single `-._+:`) starting at `from`.
    private mutating func simpleNameEnd(from: Int) -> Int? {
        var position = from
        guard position < count, isWordByte(text[position]) else { return nil }
        // A name that starts inside the last one scanned ends where it ended.
        if simpleNameRun.contains(position) { return simpleNameRun.upperBound }
        defer { simpleNameRun = from..<position }
        while position < count {
            let byte = text[position]
            if isWordByte(byte) {
                position += 1
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ":"),
                position + 1 < count, isWordByte(text[position + 1])
            {
                position += 1
            } else {
                break
            }
        }
        return position
    }

    private func simpleNameEndIn(_ bytes: [UInt8]) -> Int {
        var position = 0
        while position < bytes.count, isWordByte(bytes[position]) || "-._+:".utf8.contains(bytes[position]) {
            position += 1
        }
        return position
    }

    // MARK: - Output

    private func rawText(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[start..<max(start, end)]), as: UTF8.self)
    }

    private func resolvedText(_ start: Int, _ end: Int) -> String {
        Escapes.resolve(rawText(start, end))
    }

    private func collapseWhitespace(_ string: String) -> String {
        guard string.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) || string.contains("  ") else { return string }
        return string.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    private mutating func flushText(upTo end: Int) {
        guard end > textStart else { return }
        let slice = UnsafeBufferPointer(rebasing: text[textStart..<end])
        // Most text has no backslash: make the string straight from the bytes.
        let value =
            slice.contains(UInt8(ascii: "\\"))
            ? Escapes.resolve(String(decoding: slice, as: UTF8.self)) : String(decoding: slice, as: UTF8.self)
        if !value.isEmpty {
            nodes.append(InlineNode(kind: .text(value), range: map.range(textStart, end)))
        }
        textStart = end
    }

    private mutating func emit(_ kind: InlineKind, _ start: Int, _ end: Int) {
        flushText(upTo: start)
        nodes.append(InlineNode(kind: kind, range: map.range(start, end)))
    }

    private func markupDiagnostic(_ summary: String, _ start: Int, _ end: Int) -> Diagnostic {
        Diagnostic(
            severity: .warning, id: .rstMarkup, summary: summary,
            location: DiagnosticLocation(file: file, range: map.range(start, end)))
    }

    private mutating func warnUnterminated(_ start: Int, length: Int, what: String) {
        diagnostics.append(
            Diagnostic(
                severity: .warning, id: .rstMarkup,
                summary: "inline \(what) start-string without end-string",
                explanation: "The start-string is shown as text. Escape it with a backslash if it is not markup.",
                location: DiagnosticLocation(file: file, range: map.range(start, start + max(length, 1)))))
    }

    // MARK: - Tables

    private static let interesting: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "\\*`:|_[@".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static let startPrefixASCII: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in " \n\t\r\u{0B}\u{0C}\"'(<[{-/:".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static let endSuffixASCII: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in " \n\t\r\u{0B}\u{0C}\\.,;!?-/:\"')>]}".utf8 { table[Int(byte)] = true }
        table[0] = true
        return table
    }()

    private static let uriBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "-_.!~*'()[];/:@&=+$,%?#".utf8 { table[Int(byte)] = true }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        return table
    }()

    private static func matchingCloser(_ opener: UInt8) -> UInt8? {
        switch opener {
        case UInt8(ascii: "'"): UInt8(ascii: "'")
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "("): UInt8(ascii: ")")
        case UInt8(ascii: "<"): UInt8(ascii: ">")
        case UInt8(ascii: "["): UInt8(ascii: "]")
        case UInt8(ascii: "{"): UInt8(ascii: "}")
        default: nil
        }
    }

    /// URI schemes docutils recognises in running text (a subset of its list: the ones docs use).
    private static let uriSchemes: Set<String> = [
        "http", "https", "ftp", "ftps", "sftp", "file", "mailto", "news", "nntp", "telnet", "ssh", "git",
        "svn", "irc", "ldap", "ldaps", "tel", "urn", "data", "ws", "wss", "gopher", "rsync", "smb", "s3",
    ]
}
