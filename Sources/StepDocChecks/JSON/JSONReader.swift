/// Reads one JSON document from UTF-8 bytes, unwrapping MongoDB Extended JSON v2 as it goes.
///
/// The reader is iterative (an explicit stack, not recursion), so nesting is bounded by
/// ``maximumDepth`` and not by the thread's stack, and it never traps on any input: every problem
/// becomes a ``JSONSyntaxError`` with a line and column. It follows RFC 8259 strictly (no comments,
/// trailing commas, single quotes or bare `NaN`), accepts a leading UTF-8 byte order mark, and
/// checks that strings are valid UTF-8.
struct JSONReader {
    /// How many arrays and objects may be open at once.
    static let maximumDepth = 512

    private let bytes: [UInt8]
    private var index: Int
    private let bodyStart: Int
    private let options: JSONReadingOptions

    /// An array or object whose members are still being read.
    private struct OpenContainer {
        var isObject: Bool
        var start: Int
        var elements: [JSONNode] = []
        var members: [JSONNode.Member] = []
        var pendingKey: String = ""
        var pendingKeyOffset = 0
        /// The keys read so far, for objects too large to search their members for a repeat.
        var keyOffsets: [String: Int] = [:]
    }

    init(bytes: [UInt8], options: JSONReadingOptions = JSONReadingOptions()) {
        self.bytes = bytes
        self.options = options
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.bodyStart = hasByteOrderMark ? 3 : 0
        self.index = bodyStart
    }

    /// Reads the whole input as one value; returns it with the byte offset where it starts.
    mutating func readDocument() throws(JSONSyntaxError) -> (value: JSONValue, start: Int) {
        let node = try readRoot()
        return (node.value, node.offset)
    }

    /// Reads the whole input as one value, keeping where each value was read.
    mutating func readLocatedDocument() throws(JSONSyntaxError) -> JSONDocument {
        JSONDocument(root: try readRoot(), bytes: bytes, bodyStart: bodyStart)
    }

    private mutating func readRoot() throws(JSONSyntaxError) -> JSONNode {
        if let encoding = Self.utf16Encoding(of: bytes) {
            throw error(at: 0, "the document is \(encoding), not UTF-8")
        }
        skipWhitespace()
        var stack: [OpenContainer] = []
        var node: JSONNode

        readValue: while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw error(at: index, "unexpected end of input, expected a value")
            }
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "{"):
                guard stack.count < Self.maximumDepth else {
                    throw error(at: start, "nesting is deeper than \(Self.maximumDepth) levels")
                }
                index += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") {
                    index += 1
                    node = try finishObject([], start: start)
                } else {
                    var container = OpenContainer(isObject: true, start: start)
                    container.pendingKeyOffset = index
                    container.pendingKey = try readKey(afterComma: false)
                    stack.append(container)
                    continue readValue
                }
            case UInt8(ascii: "["):
                guard stack.count < Self.maximumDepth else {
                    throw error(at: start, "nesting is deeper than \(Self.maximumDepth) levels")
                }
                index += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") {
                    index += 1
                    node = JSONNode(value: .array([]), offset: start)
                } else {
                    stack.append(OpenContainer(isObject: false, start: start))
                    continue readValue
                }
            case UInt8(ascii: "\""):
                node = JSONNode(value: .string(try readString()), offset: start)
            case UInt8(ascii: "t"):
                try readLiteral("true")
                node = JSONNode(value: .bool(true), offset: start)
            case UInt8(ascii: "f"):
                try readLiteral("false")
                node = JSONNode(value: .bool(false), offset: start)
            case UInt8(ascii: "n"):
                try readLiteral("null")
                node = JSONNode(value: .null, offset: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                node = JSONNode(value: .number(try readNumber()), offset: start)
            case let byte:
                throw error(at: start, "unexpected \(Self.describe(byte)), expected a value")
            }

            // A value is complete: hand it to the containers it closes, innermost first.
            while !stack.isEmpty {
                let top = stack.count - 1
                skipWhitespace()
                let next = peek()
                if stack[top].isObject {
                    let key = stack[top].pendingKey
                    let keyOffset = stack[top].pendingKeyOffset
                    if options.rejectsDuplicateKeys {
                        // Small objects (nearly all) are searched; a dictionary pays off only for large ones.
                        var first: Int?
                        if stack[top].members.count < 16 {
                            first = stack[top].members.first { $0.key == key }?.keyOffset
                        } else {
                            if stack[top].keyOffsets.isEmpty {
                                for member in stack[top].members { stack[top].keyOffsets[member.key] = member.keyOffset }
                            }
                            first = stack[top].keyOffsets[key]
                            stack[top].keyOffsets[key] = keyOffset
                        }
                        if let first {
                            let (line, column) = location(of: first)
                            throw error(at: keyOffset, "duplicate key \"\(key)\" (first at \(line):\(column))")
                        }
                    }
                    stack[top].members.append(JSONNode.Member(key: key, keyOffset: keyOffset, node: node))
                    switch next {
                    case UInt8(ascii: ","):
                        index += 1
                        skipWhitespace()
                        stack[top].pendingKeyOffset = index
                        stack[top].pendingKey = try readKey(afterComma: true)
                        continue readValue
                    case UInt8(ascii: "}"):
                        index += 1
                        let closed = stack.removeLast()
                        node = try finishObject(closed.members, start: closed.start)
                    case nil:
                        throw error(at: index, "unexpected end of input, expected '}'")
                    case let byte?:
                        throw error(
                            at: index, "expected ',' or '}' after an object member, found \(Self.describe(byte))")
                    }
                } else {
                    stack[top].elements.append(node)
                    switch next {
                    case UInt8(ascii: ","):
                        index += 1
                        continue readValue
                    case UInt8(ascii: "]"):
                        index += 1
                        let closed = stack.removeLast()
                        node = JSONNode(
                            value: options.buildsValues ? .array(closed.elements.map(\.value)) : .array([]),
                            offset: closed.start, elements: closed.elements)
                    case nil:
                        throw error(at: index, "unexpected end of input, expected ']'")
                    case let byte?:
                        throw error(
                            at: index, "expected ',' or ']' after an array element, found \(Self.describe(byte))")
                    }
                }
            }
            skipWhitespace()
            if let byte = peek() {
                throw error(at: index, "unexpected \(Self.describe(byte)) after the end of the document")
            }
            return node
        }
    }

    /// `UTF-16 (little-endian)` when the bytes are UTF-16 text: a UTF-16 byte order mark, or ASCII with a
    /// NUL byte after (or before) each character, as PowerShell's `>` writes.
    private static func utf16Encoding(of bytes: [UInt8]) -> String? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return "UTF-16 (little-endian, with a byte order mark)" }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return "UTF-16 (big-endian, with a byte order mark)" }
        if bytes[0] != 0 && bytes[1] == 0 { return "UTF-16 (little-endian)" }
        if bytes[0] == 0 && bytes[1] != 0 { return "UTF-16 (big-endian)" }
        return nil
    }

    /// The 1-based line and byte column of a byte offset.
    func location(of offset: Int) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = bodyStart
        var position = bodyStart
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
            } else if byte == UInt8(ascii: "\r"),
                position + 1 >= bytes.count || bytes[position + 1] != UInt8(ascii: "\n")
            {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
        return (line, max(end, bodyStart) - lineStart + 1)
    }

    // MARK: - Tokens

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                index += 1
            default:
                return
            }
        }
    }

    /// Reads `"key"` and the `:` after it.
    private mutating func readKey(afterComma: Bool) throws(JSONSyntaxError) -> String {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "\"")?:
            break
        case nil:
            throw error(
                at: index,
                afterComma ? "unexpected end of input, expected a string key" : "unexpected end of input, expected '}'")
        case let byte?:
            throw error(at: index, "expected a string key, found \(Self.describe(byte))")
        }
        let key = try readString()
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: ":")?:
            index += 1
            return key
        case nil:
            throw error(at: index, "unexpected end of input, expected ':'")
        case let byte?:
            throw error(at: index, "expected ':' after an object key, found \(Self.describe(byte))")
        }
    }

    private mutating func readLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = index
        let expected = literal.withUTF8Buffer { Array($0) }
        for byte in expected {
            guard index < bytes.count else {
                throw error(at: index, "unexpected end of input, expected '\(literal)'")
            }
            guard bytes[index] == byte else {
                throw error(at: start, "invalid literal, expected '\(literal)'")
            }
            index += 1
        }
    }

    private mutating func readNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        var isInteger = true
        if peek() == UInt8(ascii: "-") {
            index += 1
        }
        switch peek() {
        case UInt8(ascii: "0")?:
            index += 1
            if let next = peek(), Self.isDigit(next) {
                throw error(at: start, "invalid number, leading zeros are not allowed")
            }
        case let byte? where Self.isDigit(byte):
            skipDigits()
        case nil:
            throw error(at: index, "unexpected end of input, expected a digit")
        case let byte?:
            throw error(at: index, "invalid number, expected a digit after '-', found \(Self.describe(byte))")
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            try requireDigit(after: "'.'")
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
                index += 1
            }
            try requireDigit(after: "the exponent")
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(text) {
            return .integer(integer)
        }
        guard let double = Double(text) else {
            throw error(at: start, "invalid number '\(text)'")
        }
        return .double(double)
    }

    private mutating func requireDigit(after what: String) throws(JSONSyntaxError) {
        guard let byte = peek() else {
            throw error(at: index, "unexpected end of input, expected a digit")
        }
        guard Self.isDigit(byte) else {
            throw error(at: index, "invalid number, expected a digit after \(what), found \(Self.describe(byte))")
        }
        skipDigits()
    }

    private mutating func skipDigits() {
        while let byte = peek(), Self.isDigit(byte) {
            index += 1
        }
    }

    // MARK: - Strings

    /// Reads a string starting at its opening quote.
    private mutating func readString() throws(JSONSyntaxError) -> String {
        index += 1
        var utf8: [UInt8] = []
        var runStart = index
        while true {
            // Skip a run of plain ASCII at once, without the checks below: most of a string is one.
            index = bytes.withUnsafeBufferPointer { buffer in
                var position = index
                while position < buffer.count {
                    let byte = buffer[position]
                    if byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
                    position += 1
                }
                return position
            }
            guard index < bytes.count else {
                throw error(at: index, "unexpected end of input, expected '\"'")
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                defer { index += 1 }
                if utf8.isEmpty {
                    return String(decoding: bytes[runStart..<index], as: UTF8.self)
                }
                utf8.append(contentsOf: bytes[runStart..<index])
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                utf8.append(contentsOf: bytes[runStart..<index])
                try readEscape(into: &utf8)
                runStart = index
            case 0x00..<0x20:
                throw error(at: index, "control character \(Self.describe(byte)) in a string, write it as an escape")
            case 0x20..<0x80:
                index += 1
            default:
                index += try validUTF8SequenceLength(at: index)
            }
        }
    }

    private mutating func readEscape(into utf8: inout [UInt8]) throws(JSONSyntaxError) {
        let start = index
        index += 1
        guard let byte = peek() else {
            throw error(at: index, "unexpected end of input, expected an escape sequence")
        }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHexQuad(escapeStart: start)
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate pairs with a following \uDC00–\uDFFF escape.
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    let lowStart = index
                    index += 2
                    let low = try readHexQuad(escapeStart: lowStart)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        // Not a pair: the lone high surrogate becomes U+FFFD, the next escape is read again.
                        index = lowStart
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00...0xDFFF).contains(scalar) {
                scalar = 0xFFFD
            }
            Self.appendUTF8(of: scalar, to: &utf8)
        default:
            throw error(at: start, "invalid escape sequence '\\\(Self.printable(byte))'")
        }
    }

    private mutating func readHexQuad(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var scalar: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek() else {
                throw error(at: index, "unexpected end of input, expected 4 hexadecimal digits after '\\u'")
            }
            guard let digit = Self.hexValue(byte) else {
                throw error(at: escapeStart, "invalid '\\u' escape, expected 4 hexadecimal digits")
            }
            scalar = scalar << 4 | UInt32(digit)
            index += 1
        }
        return scalar
    }

    /// The length of the well-formed UTF-8 sequence at `offset` (Unicode Table 3-7), or an error.
    private func validUTF8SequenceLength(at offset: Int) throws(JSONSyntaxError) -> Int {
        let lead = bytes[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
        default: throw error(at: offset, "invalid UTF-8 \(Self.describe(lead)) in a string")
        }
        for position in 1..<length {
            guard offset + position < bytes.count else {
                throw error(at: bytes.count, "unexpected end of input inside a UTF-8 sequence")
            }
            let byte = bytes[offset + position]
            let range: ClosedRange<UInt8> = position == 1 ? secondRange : 0x80...0xBF
            guard range.contains(byte) else {
                throw error(at: offset, "invalid UTF-8 \(Self.describe(lead)) in a string")
            }
        }
        return length
    }

    // MARK: - Objects

    private func finishObject(_ members: [JSONNode.Member], start: Int) throws(JSONSyntaxError) -> JSONNode {
        guard options.buildsValues else {
            return JSONNode(value: .object(JSONObject()), offset: start, members: members)
        }
        let values = members.map { JSONObject.Member(key: $0.key, value: $0.node.value) }
        guard options.extendedJSON, members.first?.key.hasPrefix("$") == true else {
            return JSONNode(value: .object(JSONObject(values)), offset: start, members: members)
        }
        do {
            let value = try ExtendedJSON.value(of: values)
            if case .object = value {
                return JSONNode(value: value, offset: start, members: members)
            }
            return JSONNode(value: value, offset: start)
        } catch {
            throw self.error(at: start, error.message)
        }
    }

    // MARK: - Errors and bytes

    private func error(at offset: Int, _ message: String) -> JSONSyntaxError {
        let (line, column) = location(of: offset)
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A byte for a message: `'x'` when printable ASCII, `byte 0x0A` otherwise.
    static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(hex(byte))"
    }

    private static func printable(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(Character(Unicode.Scalar(byte))) : "x\(hex(byte))"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private static func appendUTF8(of scalar: UInt32, to utf8: inout [UInt8]) {
        let scalar = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        utf8.append(contentsOf: scalar.utf8)
    }
}
