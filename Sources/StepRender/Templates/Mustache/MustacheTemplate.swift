import StepEscaping
import StepModel

/// A parsed Mustache template: text, variables, sections, inverted sections, partials and comments,
/// with the spec's standalone-line rules. Set-delimiter tags and lambdas are not supported.
///
/// stepdoc renders thousands of steps per page, so templates are parsed once into a token tree and
/// rendered into one growing buffer, with keys looked up on ``TemplateObject`` contexts directly.
public struct MustacheTemplate: Sendable {
    indirect enum Token: Sendable {
        case text(String)
        case variable(path: [String], escaped: Bool)
        case section(path: [String], inverted: Bool, body: [Token])
        case partial(name: String, indentation: String)
    }

    let tokens: [Token]

    /// Parses `text`; `path` names the template in errors. With `vocabulary`, a key outside it is an
    /// error at its tag; with `partials`, so is a partial of a name not among them.
    public init(_ text: String, path: String, vocabulary: Set<String>? = nil, partials: Set<String>? = nil)
        throws(TemplateError)
    {
        var parser = MustacheParser(text: Array(text.utf8), path: path)
        parser.vocabulary = vocabulary
        parser.partialNames = partials
        tokens = try parser.parse()
    }

    /// Renders the template for `context`, taking partials from `partials`. `capacity` is room to
    /// reserve for the output: a page of a large file is megabytes, and a buffer grown by doubling holds
    /// its old copy and its new one at once (room reserved but never written costs no memory).
    public func render(_ context: TemplateValue, partials: [String: MustacheTemplate], capacity: Int = 4096) -> String {
        // Straight into a String, not bytes decoded at the end, which would be a second full copy.
        var output = ""
        output.reserveCapacity(capacity)
        var stack = [context]
        MustacheTemplate.render(tokens, stack: &stack, partials: partials, indentation: "", into: &output, depth: 0)
        return output
    }

    private static let maximumPartialDepth = 32
    /// Sections (and inverted sections) nested deeper than this are a syntax error.
    static let maximumSectionDepth = 32

    private static func render(
        _ tokens: [Token], stack: inout [TemplateValue], partials: [String: MustacheTemplate], indentation: String,
        into output: inout String, depth: Int
    ) {
        for token in tokens {
            switch token {
            case .text(let text):
                append(text, indentation: indentation, into: &output)
            case .variable(let path, let escaped):
                guard let value = lookup(path, in: stack) else { continue }
                let text = value.text
                if !indentation.isEmpty, output.utf8.last == 0x0A, !text.isEmpty { output.append(indentation) }
                if escaped { TextEscaping.appendHTML(text, to: &output) } else { output.append(text) }
            case .section(let path, let inverted, let body):
                let value = lookup(path, in: stack) ?? .null
                if inverted {
                    if value.isFalsey {
                        render(
                            body, stack: &stack, partials: partials, indentation: indentation, into: &output,
                            depth: depth)
                    }
                    continue
                }
                switch value {
                case .null:
                    continue
                case .bool(let flag):
                    if flag {
                        render(
                            body, stack: &stack, partials: partials, indentation: indentation, into: &output,
                            depth: depth)
                    }
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(
                            body, stack: &stack, partials: partials, indentation: indentation, into: &output,
                            depth: depth)
                        stack.removeLast()
                    }
                case .string(let text):
                    if !text.isEmpty {
                        stack.append(value)
                        render(
                            body, stack: &stack, partials: partials, indentation: indentation, into: &output,
                            depth: depth)
                        stack.removeLast()
                    }
                case .object:
                    stack.append(value)
                    render(
                        body, stack: &stack, partials: partials, indentation: indentation, into: &output, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let partialIndentation):
                guard depth < maximumPartialDepth, let partial = partials[name] else { continue }
                if !partialIndentation.isEmpty { output.append(partialIndentation) }
                render(
                    partial.tokens, stack: &stack, partials: partials, indentation: indentation + partialIndentation,
                    into: &output, depth: depth + 1)
            }
        }
    }

    /// Looks a dotted name up the context stack: the first part anywhere from the top down, the rest
    /// inside what it found. `.` is the top of the stack.
    private static func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        var found: TemplateValue? = nil
        for value in stack.reversed() {
            if let child = value.child(first) {
                found = child
                break
            }
        }
        guard var current = found else { return nil }
        for key in path.dropFirst() {
            guard let child = current.child(key) else { return nil }
            current = child
        }
        return current
    }

    private static func append(_ text: String, indentation: String, into output: inout String) {
        guard !indentation.isEmpty else {
            output.append(text)
            return
        }
        // A standalone partial indents every line it writes (not the empty ones).
        let bytes = text.utf8
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A).map { bytes.index(after: $0) } ?? bytes.endIndex
            if output.utf8.last == 0x0A, bytes[start] != 0x0A { output.append(indentation) }
            output.append(contentsOf: text[start..<end])
            start = end
        }
    }
}

/// Reads template text into tokens, applying the standalone-line rule: a section, inverted section,
/// closing, comment or partial tag alone on its line takes the whole line with it.
struct MustacheParser {
    let text: [UInt8]
    let path: String
    var position = 0
    /// The keys a tag may name (every part of a dotted name); `nil` accepts any.
    var vocabulary: Set<String>?
    /// The partials `{{> name}}` may include; `nil` accepts any.
    var partialNames: Set<String>?

    init(text: [UInt8], path: String) {
        self.text = text
        self.path = path
    }

    mutating func parse() throws(TemplateError) -> [MustacheTemplate.Token] {
        var stack: [(path: [String], name: String, inverted: Bool, tokens: [MustacheTemplate.Token], offset: Int)] = []
        var tokens: [MustacheTemplate.Token] = []
        var pendingText: [UInt8] = []
        func flushText() {
            if !pendingText.isEmpty { tokens.append(.text(String(decoding: pendingText, as: UTF8.self))) }
            pendingText.removeAll()
        }
        while position < text.count {
            guard let open = find("{{", from: position) else {
                pendingText.append(contentsOf: text[position...])
                position = text.count
                break
            }
            pendingText.append(contentsOf: text[position..<open])
            let isTriple = open + 2 < text.count && text[open + 2] == UInt8(ascii: "{")
            let contentStart = open + (isTriple ? 3 : 2)
            guard let close = find(isTriple ? "}}}" : "}}", from: contentStart) else {
                throw error(at: open, "a tag is not closed with '\(isTriple ? "}}}" : "}}")'")
            }
            let tagEnd = close + (isTriple ? 3 : 2)
            var content = Array(text[contentStart..<close])
            let sigil = isTriple ? UInt8(ascii: "{") : (content.first ?? 0)
            let standaloneKinds: Set<UInt8> = [
                UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: ">"),
            ]
            if !isTriple, ["#", "^", "/", "!", ">", "&", "="].map({ UInt8(ascii: $0) }).contains(sigil) {
                content.removeFirst()
            }
            let name = String(decoding: content, as: UTF8.self).trimmingWhitespace()
            // Standalone: only whitespace between the line start and the tag, and between the tag and
            // the line end.
            var standalone = false
            var lineStart = open
            var afterLine = tagEnd
            if !isTriple, standaloneKinds.contains(sigil) {
                while lineStart > 0, text[lineStart - 1] == 0x20 || text[lineStart - 1] == 0x09 { lineStart -= 1 }
                let atLineStart = lineStart == 0 || text[lineStart - 1] == 0x0A
                var end = tagEnd
                while end < text.count, text[end] == 0x20 || text[end] == 0x09 { end += 1 }
                if end < text.count, text[end] == 0x0D { end += 1 }
                let atLineEnd = end == text.count || text[end] == 0x0A
                if atLineStart && atLineEnd {
                    standalone = true
                    afterLine = end < text.count ? end + 1 : end
                }
            }
            var indentation = ""
            if standalone {
                let whitespace = open - lineStart
                indentation = String(decoding: text[lineStart..<open], as: UTF8.self)
                pendingText.removeLast(whitespace)
            }
            flushText()
            switch sigil {
            case UInt8(ascii: "!"):
                break
            case UInt8(ascii: "="):
                throw error(at: open, "set-delimiter tags are not supported")
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                guard !name.isEmpty else { throw error(at: open, "a section needs a name") }
                // As deep as partials may go: rendering recurses once per level, and every lookup
                // searches the context stack the levels build.
                guard stack.count < MustacheTemplate.maximumSectionDepth else {
                    throw error(
                        at: open, "sections are nested more than \(MustacheTemplate.maximumSectionDepth) deep")
                }
                try checkKnown(name, at: open)
                var outer: [MustacheTemplate.Token] = []
                swap(&outer, &tokens)
                stack.append((Self.path(name), name, sigil == UInt8(ascii: "^"), outer, open))
            case UInt8(ascii: "/"):
                guard var opened = stack.popLast() else {
                    throw error(at: open, "'{{/\(name)}}' closes a section that was never opened")
                }
                guard opened.name == name else {
                    throw error(
                        at: open,
                        "'{{/\(name)}}' closes the section '\(opened.name)', opened at \(describe(opened.offset))")
                }
                // Swapped, not copied: the outer list is then held once, and appending to it does not
                // copy it (which made a template of many sections quadratic).
                var body: [MustacheTemplate.Token] = []
                swap(&body, &tokens)
                swap(&tokens, &opened.tokens)
                tokens.append(.section(path: opened.path, inverted: opened.inverted, body: body))
            case UInt8(ascii: ">"):
                if let partialNames, !partialNames.contains(name) {
                    throw error(
                        at: open,
                        "no template '\(name)' for '{{> \(name)}}'"
                            + DidYouMean.phrase(for: name, among: partialNames.sorted()))
                }
                tokens.append(.partial(name: name, indentation: indentation))
            default:
                guard !name.isEmpty else { throw error(at: open, "an empty tag") }
                try checkKnown(name, at: open)
                let escaped = !(isTriple || sigil == UInt8(ascii: "&"))
                tokens.append(.variable(path: Self.path(name), escaped: escaped))
            }
            position = standalone ? afterLine : tagEnd
        }
        flushText()
        if let unclosed = stack.last {
            throw error(at: unclosed.offset, "the section '\(unclosed.name)' is never closed")
        }
        return tokens
    }

    /// Every part of a dotted name must be a known key (`.` names the current value).
    private func checkKnown(_ name: String, at offset: Int) throws(TemplateError) {
        guard let vocabulary else { return }
        for key in Self.path(name) where !vocabulary.contains(key) {
            throw error(at: offset, TemplateVocabulary.unknown(key, in: name))
        }
    }

    static func path(_ name: String) -> [String] {
        name == "." ? [] : name.split(separator: ".").map(String.init)
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let bytes = Array(needle.utf8)
        var index = start
        while index + bytes.count <= text.count {
            if text[index] == bytes[0], Array(text[index..<(index + bytes.count)]) == bytes { return index }
            index += 1
        }
        return nil
    }

    private func describe(_ offset: Int) -> String {
        let (line, column) = location(offset)
        return "\(line):\(column)"
    }

    private func location(_ offset: Int) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, text.count) where text[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    private func error(at offset: Int, _ message: String) -> TemplateError {
        let (line, column) = location(offset)
        return .syntax(path: path, line: line, column: column, message: message)
    }
}
