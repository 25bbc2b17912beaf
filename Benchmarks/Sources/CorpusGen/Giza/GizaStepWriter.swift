/// Writes steps in giza's 2017–19 template, byte for byte as the seed file lays them out.
///
/// Each step is written twice: under `.. only:: html or dirhtml or singlehtml`, wrapped in the raw-HTML
/// sequence-block divs that carry the number, and under `.. only:: not(html or dirhtml or singlehtml)` with a
/// "Step N: " heading. Headings are underlined with backticks exactly as long as the heading (the 2017–19 rule;
/// 2019-on files double it). Body lines are indented three spaces, directive content six, and every blank line
/// inside a body holds three spaces, as giza writes it. Both branches get the very same body bytes.
package struct GizaStepWriter {
    package static let width = 80

    private static let htmlOnly = Array(".. only:: html or dirhtml or singlehtml\n\n".utf8)
    private static let printOnly = Array(".. only:: not(html or dirhtml or singlehtml)\n\n".utf8)
    private static let openSequenceStep = Array(
        ("   .. raw:: html\n   \n      "
            + #"<div class="sequence-block"><div class="bullet-block"><div class="sequence-step">"#).utf8
    )
    private static let closeSequenceStep = Array("</div></div>\n\n".utf8)
    private static let closeSequenceBlock = Array("   .. raw:: html\n   \n      </div>\n\n".utf8)
    private static let indent = Array("   ".utf8)
    private static let directiveIndent = Array("      ".utf8)
    private static let bullet = Array("   - ".utf8)
    private static let bulletContinuation = Array("     ".utf8)
    /// A blank line inside a body: three spaces.
    private static let blankLine = Array("   \n".utf8)
    private static let stepPrefix = Array("Step ".utf8)
    private static let colonSpace = Array(": ".utf8)
    private static let codeBlock = Array("   .. code-block:: ".utf8)
    private static let notCopyable = Array("      :copyable: false\n".utf8)
    private static let note = Array("   .. note::\n".utf8)
    private static let underlineCharacter = UInt8(ascii: "`")

    package let vocabulary: Vocabulary
    private var title: [UInt8] = []
    private var body: [UInt8] = []

    package init(vocabulary: Vocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    /// Appends both branches of step `number`.
    package mutating func write(_ step: StepContent, number: Int, into output: inout [UInt8]) {
        title.removeAll(keepingCapacity: true)
        writeTitle(step.title, into: &title)
        body.removeAll(keepingCapacity: true)
        writeBody(step.blocks, into: &body)
        let numberText = Array(String(number).utf8)

        output.append(contentsOf: Self.htmlOnly)
        output.append(contentsOf: Self.openSequenceStep)
        output.append(contentsOf: numberText)
        output.append(contentsOf: Self.closeSequenceStep)
        writeHeading(prefixLength: 0, into: &output) { _ in }
        writeBodyCopy(into: &output)
        output.append(contentsOf: Self.closeSequenceBlock)

        output.append(contentsOf: Self.printOnly)
        writeHeading(prefixLength: Self.stepPrefix.count + numberText.count + Self.colonSpace.count, into: &output) {
            $0.append(contentsOf: Self.stepPrefix)
            $0.append(contentsOf: numberText)
            $0.append(contentsOf: Self.colonSpace)
        }
        writeBodyCopy(into: &output)
    }

    private func writeHeading(prefixLength: Int, into output: inout [UInt8], prefix: (inout [UInt8]) -> Void) {
        output.append(contentsOf: Self.indent)
        prefix(&output)
        output.append(contentsOf: title)
        output.append(LineWrapper.newline)
        output.append(contentsOf: Self.indent)
        output.append(contentsOf: repeatElement(Self.underlineCharacter, count: prefixLength + title.count))
        output.append(LineWrapper.newline)
    }

    private func writeBodyCopy(into output: inout [UInt8]) {
        output.append(LineWrapper.newline)
        output.append(contentsOf: Self.blankLine)
        output.append(contentsOf: body)
        output.append(contentsOf: Self.blankLine)
        output.append(LineWrapper.newline)
    }

    private func writeTitle(_ tokens: [Token], into output: inout [UInt8]) {
        for (offset, token) in tokens.enumerated() {
            if offset > 0 { output.append(LineWrapper.space) }
            output.append(contentsOf: piece(for: token.inline))
            if token.punctuation != 0 { output.append(token.punctuation) }
        }
    }

    private func writeBody(_ blocks: [Block], into output: inout [UInt8]) {
        for (offset, block) in blocks.enumerated() {
            if offset > 0 { output.append(contentsOf: Self.blankLine) }
            switch block {
            case .paragraph(let tokens):
                writeWrapped(tokens, firstPrefix: Self.indent, continuationPrefix: Self.indent, into: &output)
            case .bulletList(let items):
                for item in items {
                    writeWrapped(
                        item, firstPrefix: Self.bullet, continuationPrefix: Self.bulletContinuation, into: &output)
                }
            case .code(let sample, let copyable):
                let code = vocabulary.codeSamples[sample]
                output.append(contentsOf: Self.codeBlock)
                output.append(contentsOf: code.language)
                output.append(LineWrapper.newline)
                if !copyable { output.append(contentsOf: Self.notCopyable) }
                output.append(contentsOf: Self.blankLine)
                for line in code.lines {
                    if line.isEmpty {
                        output.append(contentsOf: Self.blankLine)
                    } else {
                        output.append(contentsOf: Self.directiveIndent)
                        output.append(contentsOf: line)
                        output.append(LineWrapper.newline)
                    }
                }
            case .note(let tokens):
                output.append(contentsOf: Self.note)
                output.append(contentsOf: Self.blankLine)
                writeWrapped(
                    tokens, firstPrefix: Self.directiveIndent, continuationPrefix: Self.directiveIndent, into: &output
                )
            }
        }
    }

    private func writeWrapped(
        _ tokens: [Token], firstPrefix: [UInt8], continuationPrefix: [UInt8], into output: inout [UInt8]
    ) {
        var wrapper = LineWrapper(
            width: Self.width, firstPrefix: firstPrefix, continuationPrefix: continuationPrefix, into: &output
        )
        for token in tokens {
            if case .link(let index, urlOnNextLine: true) = token.inline {
                let link = vocabulary.links[index]
                wrapper.append(link.rstText, into: &output)
                wrapper.breakLine(into: &output)
                wrapper.append(link.rstTarget, punctuation: token.punctuation, into: &output)
            } else {
                wrapper.append(piece(for: token.inline), punctuation: token.punctuation, into: &output)
            }
        }
        wrapper.finish(into: &output)
    }

    private func piece(for inline: Inline) -> [UInt8] {
        switch inline {
        case .word(let index, let capitalized):
            capitalized ? vocabulary.capitalizedWords[index] : vocabulary.words[index]
        case .literal(let index): vocabulary.literals[index].rst
        case .emphasis(let index): vocabulary.emphasizedWords[index]
        case .strong(let index): vocabulary.strongWords[index]
        case .link(let index, _): vocabulary.links[index].rst
        case .role(let index): vocabulary.roles[index].rst
        }
    }
}
