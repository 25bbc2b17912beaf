/// The argument of an `.. only::` directive: a boolean expression over builder tags.
///
/// The grammar is Sphinx's: tag names combined with `and`, `or`, `not` and parentheses, `not` binding
/// tightest, then `and`, then `or`. `true` and `false` are constants.
public indirect enum OnlyExpression: Sendable, Hashable {
    case tag(String)
    case constant(Bool)
    case not(OnlyExpression)
    case and(OnlyExpression, OnlyExpression)
    case or(OnlyExpression, OnlyExpression)

    /// Whether content under this expression is included for a builder with these tags.
    public func evaluate(tags: Set<String>) -> Bool {
        switch self {
        case .tag(let name): tags.contains(name)
        case .constant(let value): value
        case .not(let operand): !operand.evaluate(tags: tags)
        case .and(let lhs, let rhs): lhs.evaluate(tags: tags) && rhs.evaluate(tags: tags)
        case .or(let lhs, let rhs): lhs.evaluate(tags: tags) || rhs.evaluate(tags: tags)
        }
    }

    /// Every tag name the expression mentions, in order of first mention.
    public var tagNames: [String] {
        var names: [String] = []
        func visit(_ expression: OnlyExpression) {
            switch expression {
            case .tag(let name): if !names.contains(name) { names.append(name) }
            case .constant: break
            case .not(let operand): visit(operand)
            case .and(let lhs, let rhs), .or(let lhs, let rhs):
                visit(lhs)
                visit(rhs)
            }
        }
        visit(self)
        return names
    }
}

extension OnlyExpression: CustomStringConvertible {
    /// A canonical spelling with parentheses only where precedence needs them.
    public var description: String {
        func render(_ expression: OnlyExpression, parentPrecedence: Int) -> String {
            let (text, precedence): (String, Int)
            switch expression {
            case .tag(let name): (text, precedence) = (name, 3)
            case .constant(let value): (text, precedence) = (value ? "true" : "false", 3)
            case .not(let operand): (text, precedence) = ("not " + render(operand, parentPrecedence: 2), 2)
            case .and(let lhs, let rhs):
                (text, precedence) = (render(lhs, parentPrecedence: 1) + " and " + render(rhs, parentPrecedence: 2), 1)
            case .or(let lhs, let rhs):
                (text, precedence) = (render(lhs, parentPrecedence: 0) + " or " + render(rhs, parentPrecedence: 1), 0)
            }
            return precedence < parentPrecedence ? "(" + text + ")" : text
        }
        return render(self, parentPrecedence: 0)
    }
}

/// Why an `only` expression could not be read, and where (0-based byte offset into the expression).
public struct OnlyExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    /// For an unclosed parenthesis, the offset of the `(` that is never closed.
    public var openingOffset: Int?

    public init(offset: Int, message: String, openingOffset: Int? = nil) {
        self.offset = offset
        self.message = message
        self.openingOffset = openingOffset
    }

    public var description: String { message }
}

extension OnlyExpression {
    /// The deepest nesting of parentheses and `not` the parser accepts.
    public static let maximumDepth = 100
    /// The most `and` and `or` operators one expression may have. Each makes the tree one level
    /// deeper, so a long chain must be bounded as nesting is: evaluating and printing the tree recurse.
    public static let maximumOperators = 100

    /// Parses an expression, reporting the first problem with its offset.
    public static func parse(_ text: String) -> Result<OnlyExpression, OnlyExpressionError> {
        var parser = OnlyExpressionParser(bytes: Array(text.utf8))
        do {
            let expression = try parser.parseOr(depth: 0)
            parser.skipSpace()
            if parser.position < parser.bytes.count {
                let token = parser.describeToken()
                throw OnlyExpressionError(offset: parser.position, message: "unexpected \(token) after the expression")
            }
            return .success(expression)
        } catch let error as OnlyExpressionError {
            return .failure(error)
        } catch {
            return .failure(OnlyExpressionError(offset: 0, message: "\(error)"))
        }
    }
}

private struct OnlyExpressionParser {
    let bytes: [UInt8]
    var position = 0
    /// The `and` and `or` operators read so far.
    var operators = 0

    mutating func skipSpace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0A {
            position += 1
        }
    }

    mutating func parseOr(depth: Int) throws(OnlyExpressionError) -> OnlyExpression {
        var lhs = try parseAnd(depth: depth)
        while peekKeyword("or") {
            try countOperator()
            position += 2
            lhs = .or(lhs, try parseAnd(depth: depth))
        }
        return lhs
    }

    mutating func parseAnd(depth: Int) throws(OnlyExpressionError) -> OnlyExpression {
        var lhs = try parseNot(depth: depth)
        while peekKeyword("and") {
            try countOperator()
            position += 3
            lhs = .and(lhs, try parseNot(depth: depth))
        }
        return lhs
    }

    mutating func countOperator() throws(OnlyExpressionError) {
        operators += 1
        guard operators <= OnlyExpression.maximumOperators else {
            throw OnlyExpressionError(
                offset: position,
                message: "expression is too long: more than \(OnlyExpression.maximumOperators) 'and' and 'or' operators"
            )
        }
    }

    mutating func parseNot(depth: Int) throws(OnlyExpressionError) -> OnlyExpression {
        guard depth < OnlyExpression.maximumDepth else {
            throw OnlyExpressionError(offset: position, message: "expression is nested too deeply")
        }
        if peekKeyword("not") {
            position += 3
            return .not(try parseNot(depth: depth + 1))
        }
        return try parsePrimary(depth: depth)
    }

    mutating func parsePrimary(depth: Int) throws(OnlyExpressionError) -> OnlyExpression {
        skipSpace()
        guard position < bytes.count else {
            throw OnlyExpressionError(offset: position, message: "expected a tag name, found the end of the expression")
        }
        let byte = bytes[position]
        if byte == UInt8(ascii: "(") {
            let open = position
            position += 1
            let inner = try parseOr(depth: depth + 1)
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ")") else {
                let found = position < bytes.count ? describeToken() : "the end of the expression"
                throw OnlyExpressionError(
                    offset: position, message: "expected ')' to close the '(', found \(found)", openingOffset: open)
            }
            position += 1
            return inner
        }
        guard Self.isNameStart(byte) else {
            throw OnlyExpressionError(offset: position, message: "expected a tag name, found \(describeToken())")
        }
        let start = position
        while position < bytes.count, Self.isNameContinue(bytes[position]) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        switch name {
        case "and", "or":
            position = start
            throw OnlyExpressionError(offset: start, message: "expected a tag name, found '\(name)'")
        case "true", "True": return .constant(true)
        case "false", "False": return .constant(false)
        default: return .tag(name)
        }
    }

    mutating func peekKeyword(_ keyword: StaticString) -> Bool {
        skipSpace()
        let length = keyword.utf8CodeUnitCount
        guard position + length <= bytes.count else { return false }
        let matches = keyword.withUTF8Buffer { keywordBytes in
            (0..<length).allSatisfy { bytes[position + $0] == keywordBytes[$0] }
        }
        guard matches else { return false }
        return position + length == bytes.count || !Self.isNameContinue(bytes[position + length])
    }

    func describeToken() -> String {
        guard position < bytes.count else { return "the end of the expression" }
        let byte = bytes[position]
        if Self.isNameStart(byte) {
            var end = position
            while end < bytes.count, Self.isNameContinue(bytes[end]) { end += 1 }
            return "'" + String(decoding: bytes[position..<end], as: UTF8.self) + "'"
        }
        var end = position + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'" + String(decoding: bytes[position..<end], as: UTF8.self) + "'"
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
    }

    static func isNameContinue(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39)
    }
}
