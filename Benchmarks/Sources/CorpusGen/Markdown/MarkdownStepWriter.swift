/// Writes a step once, as CommonMark, the way the HTML rendering shows it — the twin input for measuring
/// cmark-gfm on the same content.
///
/// A step is a `## Step N: title` heading rather than an ordered-list item: bodies hold code blocks and notes,
/// which inside a list item would need re-indenting and would change the block structure being compared.
/// Roles are written as they render: link roles as links, object roles as code spans, `guilabel` as text.
/// Notes become `> **Note:** …` blockquotes; `:copyable: false` has no CommonMark form and is dropped.
package struct MarkdownStepWriter {
    package static let width = 80

    private static let headingPrefix = Array("## Step ".utf8)
    private static let colonSpace = Array(": ".utf8)
    private static let bullet = Array("- ".utf8)
    private static let bulletContinuation = Array("  ".utf8)
    private static let fence = Array("```".utf8)
    private static let quote = Array("> ".utf8)
    private static let noteLabel = Array("**Note:**".utf8)

    package let vocabulary: Vocabulary

    package init(vocabulary: Vocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    /// Appends step `number`, followed by a blank line.
    package func write(_ step: StepContent, number: Int, into output: inout [UInt8]) {
        output.append(contentsOf: Self.headingPrefix)
        output.append(contentsOf: String(number).utf8)
        output.append(contentsOf: Self.colonSpace)
        for (offset, token) in step.title.enumerated() {
            if offset > 0 { output.append(LineWrapper.space) }
            output.append(contentsOf: piece(for: token.inline))
            if token.punctuation != 0 { output.append(token.punctuation) }
        }
        output.append(LineWrapper.newline)
        for block in step.blocks {
            output.append(LineWrapper.newline)
            write(block, into: &output)
        }
        output.append(LineWrapper.newline)
    }

    private func write(_ block: Block, into output: inout [UInt8]) {
        switch block {
        case .paragraph(let tokens):
            writeWrapped(tokens, firstPrefix: [], continuationPrefix: [], into: &output)
        case .bulletList(let items):
            for item in items {
                writeWrapped(item, firstPrefix: Self.bullet, continuationPrefix: Self.bulletContinuation, into: &output)
            }
        case .code(let sample, _):
            let code = vocabulary.codeSamples[sample]
            output.append(contentsOf: Self.fence)
            output.append(contentsOf: code.language)
            output.append(LineWrapper.newline)
            for line in code.lines {
                output.append(contentsOf: line)
                output.append(LineWrapper.newline)
            }
            output.append(contentsOf: Self.fence)
            output.append(LineWrapper.newline)
        case .note(let tokens):
            var wrapper = LineWrapper(
                width: Self.width, firstPrefix: Self.quote, continuationPrefix: Self.quote, into: &output
            )
            wrapper.append(Self.noteLabel, into: &output)
            append(tokens, to: &wrapper, output: &output)
            wrapper.finish(into: &output)
        }
    }

    private func writeWrapped(
        _ tokens: [Token], firstPrefix: [UInt8], continuationPrefix: [UInt8], into output: inout [UInt8]
    ) {
        var wrapper = LineWrapper(
            width: Self.width, firstPrefix: firstPrefix, continuationPrefix: continuationPrefix, into: &output
        )
        append(tokens, to: &wrapper, output: &output)
        wrapper.finish(into: &output)
    }

    private func append(_ tokens: [Token], to wrapper: inout LineWrapper, output: inout [UInt8]) {
        for token in tokens {
            wrapper.append(piece(for: token.inline), punctuation: token.punctuation, into: &output)
        }
    }

    private func piece(for inline: Inline) -> [UInt8] {
        switch inline {
        case .word(let index, let capitalized):
            capitalized ? vocabulary.capitalizedWords[index] : vocabulary.words[index]
        case .literal(let index): vocabulary.literals[index].markdown
        case .emphasis(let index): vocabulary.emphasizedWords[index]
        case .strong(let index): vocabulary.strongWords[index]
        case .link(let index, _): vocabulary.links[index].markdown
        case .role(let index): vocabulary.roles[index].markdown
        }
    }
}
