import StepDocChecks
import StepModel
import StepSyntax

/// Finds where the text a title placeholder captured is written in a step copy's title.
///
/// ``TitlePattern/match(_:)`` works on the plain title with whitespace collapsed and returns only the
/// captured text, so the locator rebuilds the plain title character by character, each character with
/// the source range it came from, collapses whitespace the same way, and finds the placeholder's offset
/// from the pattern's segments before it.
struct TitleValueLocator {
    private let characters: [(character: Character, range: SourceRange)]

    /// A locator for the title of `copy`, read from `file`.
    init(copy: StepCopy, file: SourceFile) {
        var raw: [(character: Character, range: SourceRange)] = []
        Self.append(copy.title, file: file, to: &raw)
        // Collapse whitespace runs to one space and trim both ends, as TitlePattern does.
        var collapsed: [(character: Character, range: SourceRange)] = []
        var pendingSpace: SourceRange? = nil
        for entry in raw {
            if entry.character.isWhitespace {
                pendingSpace = pendingSpace ?? entry.range
                continue
            }
            if let space = pendingSpace, !collapsed.isEmpty {
                collapsed.append((" ", space))
            }
            pendingSpace = nil
            collapsed.append(entry)
        }
        characters = collapsed
    }

    /// The range of the text the placeholder `name` captured, or nil when it cannot be placed exactly
    /// (the caller then points at the whole title).
    func range(ofPlaceholder name: String, in pattern: TitlePattern, captures: [String: String]) -> SourceRange? {
        guard let value = captures[name], !value.isEmpty else { return nil }
        var prefix = ""
        var found = false
        for segment in pattern.segments {
            if case .placeholder(let placeholder, _) = segment, placeholder == name {
                found = true
                break
            }
            switch segment {
            case .literal(let text): prefix += text
            case .placeholder(let placeholder, _): prefix += captures[placeholder] ?? ""
            }
        }
        guard found else { return nil }
        let offset = Self.collapsedLength(prefix)
        let length = value.count
        guard offset + length <= characters.count else { return nil }
        let slice = characters[offset..<(offset + length)]
        guard String(slice.map(\.character)) == value, let first = slice.first, let last = slice.last else {
            return nil
        }
        return first.range.lowerBound..<last.range.upperBound
    }

    /// The number of characters `prefix` takes in the collapsed title: whitespace runs count as one
    /// space, leading whitespace as nothing; trailing whitespace is a space before the placeholder.
    private static func collapsedLength(_ prefix: String) -> Int {
        var count = 0
        var pendingSpace = false
        for character in prefix {
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && count > 0 {
                count += 1
            }
            pendingSpace = false
            count += 1
        }
        return pendingSpace && count > 0 ? count + 1 : count
    }

    /// Appends the plain text of `inlines` (as ``Swift/Array/plainText`` makes it), each character with
    /// its source range: exact for text written as it reads, the whole inline's range otherwise.
    private static func append(
        _ inlines: [Inline], file: SourceFile, to characters: inout [(character: Character, range: SourceRange)]
    ) {
        for inline in inlines {
            switch inline.kind {
            case .text(let text):
                appendText(text, range: inline.range, file: file, to: &characters)
            case .emphasis(let children), .strong(let children):
                append(children, file: file, to: &characters)
            case .link(let link):
                append(link.children, file: file, to: &characters)
            case .code(let code):
                characters += code.text.map { ($0, inline.range) }
            case .crossReference(let reference):
                characters += reference.displayText.map { ($0, inline.range) }
            case .span(let span):
                characters += span.text.map { ($0, inline.range) }
            }
        }
    }

    private static func appendText(
        _ text: String, range: SourceRange, file: SourceFile,
        to characters: inout [(character: Character, range: SourceRange)]
    ) {
        let start = file.offset(of: range.lowerBound)
        let end = file.offset(of: range.upperBound)
        let writtenAsItReads =
            range.lowerBound.line == range.upperBound.line && start <= end
            && file.bytes[start..<end].elementsEqual(text.utf8)
        guard writtenAsItReads else {
            characters += text.map { ($0, range) }
            return
        }
        var column = range.lowerBound.column
        for character in text {
            let width = character.utf8.count
            let from = SourceLocation(line: range.lowerBound.line, column: column)
            let to = SourceLocation(line: range.lowerBound.line, column: column + width)
            characters.append((character, from..<to))
            column += width
        }
    }
}
