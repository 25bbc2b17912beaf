import StepModel
import StepSyntax

/// `textDocument/completion`: role names after `:`, directive names after `.. `, and tags (and
/// `not`, `and`, `or`) in the expression of `.. only::`.
struct Completion {
    let analysis: DocumentAnalysis
    let server: FeatureContext

    /// CompletionItemKind: 3 function (a role), 14 keyword (a directive, an operator), 12 value (a tag).
    enum Kind: Int {
        case function = 3
        case value = 12
        case keyword = 14
    }

    func items(_ params: JSON) throws(ResponseError) -> JSON {
        guard let position = Position(json: params["position"]) else { throw .invalidParams("'position' is missing") }
        let document = analysis.document
        guard position.line >= 0, position.line < document.lineCount else { return list([]) }
        let lineStart = document.startOffset(ofLine: position.line)
        let cursor = document.offset(of: position, encoding: server.encoding)
        let before = Array(document.bytes[lineStart..<max(lineStart, cursor)])
        let word = Self.trailingWord(before)
        let wordStart = document.position(ofOffset: cursor - word.count, encoding: server.encoding)
        let replace = PositionRange(
            start: wordStart, end: document.position(ofOffset: cursor, encoding: server.encoding))
        let head = Array(before.dropLast(word.count))
        let text = String(decoding: head, as: UTF8.self)
        let trimmed = text.drop { $0 == " " || $0 == "\t" }

        if trimmed.hasPrefix(".. only::") {
            var tags = Set(Hover.builders + Hover.stepdocTargets + analysis.project.config.tags)
            tags.subtract(["not", "and", "or"])
            return list(
                tags.sorted().map { item($0, kind: .value, detail: "tag", replace: replace) }
                    + ["not", "and", "or"].map { item($0, kind: .keyword, detail: "operator", replace: replace) })
        }
        if trimmed == ".. " {
            let names = analysis.pipeline.lowering.parseOptions.directives.specs.keys.sorted()
            return list(
                names.map { name in
                    var entry = item(name, kind: .keyword, detail: "directive", replace: replace)
                    if case .object(var members) = entry {
                        members["textEdit"] = ["range": replace.json, "newText": .string(name + ":: ")]
                        entry = .object(members)
                    }
                    return entry
                })
        }
        if head.last == UInt8(ascii: ":"), Self.startsRole(head) {
            let roles = analysis.pipeline.lowering.roles
            return list(
                roles.names.map { name in
                    var entry = item(
                        name, kind: .function, detail: Self.describe(roles.definition(for: name)), replace: replace)
                    if case .object(var members) = entry {
                        members["textEdit"] = ["range": replace.json, "newText": .string(name + ":")]
                        entry = .object(members)
                    }
                    return entry
                })
        }
        return list([])
    }

    private func list(_ items: [JSON]) -> JSON {
        ["isIncomplete": false, "items": .array(items)]
    }

    private func item(_ label: String, kind: Kind, detail: String, replace: PositionRange) -> JSON {
        [
            "label": .string(label), "kind": .integer(kind.rawValue), "detail": .string(detail),
            "textEdit": ["range": replace.json, "newText": .string(label)],
        ]
    }

    /// The name being typed: letters, digits and `-_.+` (roles may hold `:` too, `mongodb:method`).
    static func trailingWord(_ bytes: [UInt8]) -> [UInt8] {
        var index = bytes.count
        while index > 0 {
            let byte = bytes[index - 1]
            let isName =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "+")
            if !isName { break }
            index -= 1
        }
        return Array(bytes[index...])
    }

    /// Whether the `:` that ends `head` can start a role: at the start of the line or after a space or
    /// an opening punctuation mark, and not the `::` of a directive or a literal block.
    static func startsRole(_ head: [UInt8]) -> Bool {
        guard head.last == UInt8(ascii: ":") else { return false }
        let before = head.dropLast()
        guard let previous = before.last else { return true }
        return [0x20, 0x09, UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(
            previous)
    }

    static func describe(_ definition: RoleDefinition?) -> String {
        switch definition?.kind {
        case .link(let template, _)?: "link: " + template
        case .code?: "inline code"
        case .crossReference?: "cross-reference"
        case .emphasis?: "emphasis"
        case .strong?: "strong"
        case .text?, .explicitTitle?: "text"
        case .alias(let other)?: "alias of :\(other):"
        case nil: "role"
        }
    }
}
