/// The part of GitHub Actions' expression language that `action.yml` uses: literals, context paths
/// (`inputs.paths`, `steps.check.outputs.sarif-file`), `==`, `!=`, `&&`, `||`, `!`, parentheses, and the
/// status functions. A name it does not know is an error, so a typo in the action fails the test.
struct ActionExpression {
    enum Value: Equatable {
        case string(String)
        case bool(Bool)

        /// Truthiness as GitHub has it: a non-empty string is true (even 'false').
        var isTrue: Bool {
            switch self {
            case .string(let text): !text.isEmpty
            case .bool(let flag): flag
            }
        }

        var text: String {
            switch self {
            case .string(let text): text
            case .bool(let flag): flag ? "true" : "false"
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Context path (`inputs.paths`) → value; a path missing from it is an error unless it names a step
    /// output, which is empty until the step sets it.
    var contexts: [String: String]
    /// Whether a step before this one failed.
    var jobFailed: Bool

    func evaluate(_ source: String) throws -> Value {
        var parser = Parser(tokens: try Self.tokens(source), expression: self)
        let value = try parser.or()
        guard parser.position == parser.tokens.count else { throw Failure(description: "trailing tokens in \(source)") }
        return value
    }

    /// `text` with every `${{ … }}` replaced by its value.
    func interpolate(_ text: String) throws -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw Failure(description: "unclosed ${{")
            }
            result += rest[..<open.lowerBound]
            result += try evaluate(String(rest[open.upperBound..<close.lowerBound])).text
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// A step's `if:`, with or without `${{ }}`; no condition means `success()`.
    func condition(_ source: String?) throws -> Bool {
        guard var source = source?.trimmingCharacters(in: .whitespaces) else { return !jobFailed }
        if source.hasPrefix("${{") && source.hasSuffix("}}") { source = String(source.dropFirst(3).dropLast(2)) }
        let usesStatus = ["always()", "success()", "failure()", "cancelled()"].contains { source.contains($0) }
        return try evaluate(source).isTrue && (usesStatus || !jobFailed)
    }

    enum Token: Equatable {
        case string(String), name(String), op(String), open, close
    }

    static func tokens(_ source: String) throws -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(source.unicodeScalars)
        var index = 0
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
                || scalar == "."
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\n" || scalar == "\t" {
                index += 1
            } else if scalar == "'" {
                var text = ""
                index += 1
                while true {
                    guard index < scalars.count else { throw Failure(description: "unclosed string in \(source)") }
                    if scalars[index] == "'" {
                        if index + 1 < scalars.count, scalars[index + 1] == "'" {
                            text += "'"
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    text.unicodeScalars.append(scalars[index])
                    index += 1
                }
                tokens.append(.string(text))
            } else if scalar == "(" {
                tokens.append(.open)
                index += 1
            } else if scalar == ")" {
                tokens.append(.close)
                index += 1
            } else if index + 1 < scalars.count,
                ["==", "!=", "&&", "||"].contains(String(scalars[index...index + 1].map(Character.init)))
            {
                tokens.append(.op(String(scalars[index...index + 1].map(Character.init))))
                index += 2
            } else if scalar == "!" {
                tokens.append(.op("!"))
                index += 1
            } else if isNameScalar(scalar) {
                var name = ""
                while index < scalars.count, isNameScalar(scalars[index]) {
                    name.unicodeScalars.append(scalars[index])
                    index += 1
                }
                tokens.append(.name(name))
            } else {
                throw Failure(description: "unexpected '\(scalar)' in \(source)")
            }
        }
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var position = 0
        let expression: ActionExpression

        init(tokens: [Token], expression: ActionExpression) {
            self.tokens = tokens
            self.expression = expression
        }

        mutating func or() throws -> Value {
            var left = try and()
            while position < tokens.count, tokens[position] == .op("||") {
                position += 1
                let right = try and()
                left = left.isTrue ? left : right
            }
            return left
        }

        mutating func and() throws -> Value {
            var left = try comparison()
            while position < tokens.count, tokens[position] == .op("&&") {
                position += 1
                let right = try comparison()
                left = left.isTrue ? right : left
            }
            return left
        }

        mutating func comparison() throws -> Value {
            let left = try unary()
            guard position < tokens.count, case .op(let op) = tokens[position], op == "==" || op == "!=" else {
                return left
            }
            position += 1
            let right = try unary()
            // GitHub compares strings ignoring case.
            let equal = left.text.lowercased() == right.text.lowercased()
            return .bool(op == "==" ? equal : !equal)
        }

        mutating func unary() throws -> Value {
            guard position < tokens.count else { throw ActionExpression.Failure(description: "expression ends early") }
            let token = tokens[position]
            position += 1
            switch token {
            case .op("!"): return .bool(!(try unary()).isTrue)
            case .open:
                let value = try or()
                guard position < tokens.count, tokens[position] == .close else {
                    throw ActionExpression.Failure(description: "missing )")
                }
                position += 1
                return value
            case .string(let text): return .string(text)
            case .name(let name):
                if position < tokens.count, tokens[position] == .open {
                    guard position + 1 < tokens.count, tokens[position + 1] == .close else {
                        throw ActionExpression.Failure(description: "\(name)() takes no arguments here")
                    }
                    position += 2
                    switch name {
                    case "always": return .bool(true)
                    case "success": return .bool(!expression.jobFailed)
                    case "failure": return .bool(expression.jobFailed)
                    case "cancelled": return .bool(false)
                    default: throw ActionExpression.Failure(description: "unknown function \(name)()")
                    }
                }
                if name == "true" || name == "false" { return .bool(name == "true") }
                if let value = expression.contexts[name] { return .string(value) }
                if name.hasPrefix("steps."), name.contains(".outputs.") { return .string("") }
                throw ActionExpression.Failure(description: "unknown context '\(name)'")
            default:
                throw ActionExpression.Failure(description: "unexpected token \(token)")
            }
        }
    }
}
