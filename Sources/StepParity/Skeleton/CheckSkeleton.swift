import StepDocChecks
import StepEscaping
import StepModel

/// A ready-to-paste Swift declaration of the check a documented step is missing.
///
/// The title becomes a ``TitlePattern`` with the values it states turned into typed placeholders
/// (`2.6` → `{version}`, `24` → `{number}`), each bound to what it says; `:authrole:` mentions in the
/// body become a required role set. The pattern matches the step's title, so once the check exists
/// (and decides something) parity is satisfied.
public struct CheckSkeleton: Sendable, Equatable {
    /// The suggested id: the title's first words, in kebab case.
    public var id: String
    /// The summary: the title with a lowercase start and no final period.
    public var summary: String
    /// The title pattern, as the `title:` argument's text.
    public var title: String
    /// The bound values, as the arguments of `BoundValue(…)`.
    public var values: [Value]

    /// One documented value of the step, bound as the skeleton binds it.
    public struct Value: Sendable, Equatable {
        public var name: String
        public var source: ValueSource
        public var enforced: EnforcedValue.Kind
    }

    /// The roles whose body mentions a skeleton binds, as MigrationUserMustHoldRoles does.
    public static let boundRoles = ["authrole"]

    /// The skeleton for `step`; `takenIDs` are avoided by adding a number.
    public init(step: Step, takenIDs: Set<String> = []) {
        var values: [Value] = []
        var counts: [PlaceholderType: Int] = [:]
        var title = ""
        for token in Self.tokens(step.titleText) {
            switch token {
            case .text(let text):
                title += Self.escapingBraces(text)
            case .value(let text, let type):
                counts[type, default: 0] += 1
                let count = counts[type, default: 1]
                let name = count == 1 ? type.rawValue : "\(type.rawValue)\(count)"
                title += count == 1 ? "{\(name)}" : "{\(name):\(type.rawValue)}"
                let enforced: EnforcedValue.Kind
                if type == .version, let version = Version(text) {
                    enforced = .minimumVersion(version)
                } else if type == .number, let number = Double(text) {
                    enforced = .number(number)
                } else {
                    enforced = .text(text)
                }
                values.append(Value(name: name, source: .titlePlaceholder(name), enforced: enforced))
            }
        }
        for role in Self.boundRoles {
            let mentioned = RoleMention.mentions(of: role, in: step.body, file: "").map(\.target)
            if !mentioned.isEmpty {
                values.append(
                    Value(
                        name: "required roles", source: .bodyRoleMentions(role: role),
                        enforced: .roleSet(Set(mentioned))))
            }
        }
        self.title = title
        self.values = values
        self.summary = Self.summary(step.titleText)
        self.id = Self.identifier(step.titleText, avoiding: takenIDs)
    }

    /// The declaration in StepDocChecks' API, as every package's checks are written (MigrationChecks' too),
    /// ready to sit in a suite's `checks: [ … ]` list, with a trailing comma.
    public var swiftSource: String {
        var lines: [String] = []
        lines.append("Check(")
        lines.append("    id: \(TextEscaping.swiftString(id)),")
        lines.append("    summary: \(TextEscaping.swiftString(summary)),")
        lines.append("    title: \(TextEscaping.swiftString(title)),")
        if !values.isEmpty {
            lines.append("    values: [")
            for value in values {
                lines.append(
                    "        BoundValue(name: \(TextEscaping.swiftString(value.name)), source: \(Self.swift(value.source)), "
                        + "enforced: \(Self.swift(value.enforced))),")
            }
            lines.append("    ],")
        }
        lines.append(") { facts throws(MissingFact) in")
        lines.append("    // Decide from the facts; throw MissingFact when a fact it needs is unavailable.")
        lines.append("    .fail(reason: \"not implemented yet\", remedy: nil)")
        lines.append("},")
        return lines.joined(separator: "\n")
    }

    // MARK: - Titles

    private enum Token {
        case text(String)
        case value(String, PlaceholderType)
    }

    /// The title split into literal text and the values it states: digit groups joined by dots
    /// (`2.6`, `4.0.3`) are versions, digit runs (`24`) numbers, when they stand alone as words.
    private static func tokens(_ title: String) -> [Token] {
        let characters = Array(title)
        var tokens: [Token] = []
        var literal = ""
        var index = 0
        while index < characters.count {
            let startsWord = index == 0 || !isWordCharacter(characters[index - 1])
            guard startsWord, isDigit(characters[index]) else {
                literal.append(characters[index])
                index += 1
                continue
            }
            var end = index
            var dots = 0
            while end < characters.count, isDigit(characters[end]) {
                end += 1
                if end + 1 < characters.count, characters[end] == ".", isDigit(characters[end + 1]) {
                    dots += 1
                    end += 1
                }
            }
            guard end == characters.count || !isWordCharacter(characters[end]) else {
                literal += String(characters[index..<end])
                index = end
                continue
            }
            if !literal.isEmpty {
                tokens.append(.text(literal))
                literal = ""
            }
            tokens.append(.value(String(characters[index..<end]), dots == 0 ? .number : .version))
            index = end
        }
        if !literal.isEmpty {
            tokens.append(.text(literal))
        }
        return tokens
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isWholeNumber
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private static func escapingBraces(_ text: String) -> String {
        text.reduce(into: "") { result, character in
            result.append(character)
            if character == "{" || character == "}" {
                result.append(character)
            }
        }
    }

    private static func summary(_ title: String) -> String {
        var text = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = text.last, last == "." || last == ":" {
            text.removeLast()
        }
        guard let first = text.first else { return "the documented step holds" }
        // Keep acronyms ("AWS …") as written.
        let second = text.dropFirst().first
        if second.map({ $0.isUppercase }) ?? false {
            return text
        }
        return first.lowercased() + text.dropFirst()
    }

    private static func identifier(_ title: String, avoiding taken: Set<String>) -> String {
        let words = title.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .filter { !$0.allSatisfy(\.isNumber) }
            .prefix(5)
        var base = words.joined(separator: "-")
        if base.isEmpty {
            base = "new-check"
        }
        var candidate = base
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    // MARK: - Swift text

    private static func swift(_ source: ValueSource) -> String {
        switch source {
        case .titlePlaceholder(let name): ".titlePlaceholder(\(TextEscaping.swiftString(name)))"
        case .bodyRoleMentions(let role): ".bodyRoleMentions(role: \(TextEscaping.swiftString(role)))"
        }
    }

    private static func swift(_ enforced: EnforcedValue.Kind) -> String {
        switch enforced {
        case .minimumVersion(let version): ".minimumVersion(\(TextEscaping.swiftString(version.description)))"
        case .roleSet(let roles): ".roleSet([\(roles.sorted().map(TextEscaping.swiftString).joined(separator: ", "))])"
        case .number(let number): ".number(\(EnforcedValue(enforced, declaration: placeholder).documentedForm))"
        case .text(let text): ".text(\(TextEscaping.swiftString(text)))"
        }
    }

    /// A declaration for values made here only to print them.
    private static let placeholder = Declaration(file: "", line: 1, column: 1)
}
