/// Draws random steps from a `Vocabulary` with a `SplitMix64` stream.
package struct StepContentGenerator: Sendable {
    package let vocabulary: Vocabulary
    private var random: SplitMix64

    package init(vocabulary: Vocabulary = .standard, random: SplitMix64) {
        self.vocabulary = vocabulary
        self.random = random
    }

    /// The next step: a title and a body that starts with a paragraph (giza's `pre`) followed by up to four
    /// more blocks.
    package mutating func nextStep() -> StepContent {
        let title = sentence(from: random.pick(vocabulary.titleTemplates))
        var blocks: [Block] = [.paragraph(paragraph(sentences: random.next(in: 1...3)))]
        for _ in 0..<random.next(in: 0...4) {
            switch random.next(below: 100) {
            case 0..<30: blocks.append(.paragraph(paragraph(sentences: random.next(in: 1...3))))
            case 30..<50:
                // Two lists in a row would merge into one list in both formats.
                if case .bulletList = blocks[blocks.count - 1] {
                    blocks.append(.paragraph(paragraph(sentences: 1)))
                } else {
                    blocks.append(.bulletList(bulletItems()))
                }
            case 50..<80:
                blocks.append(
                    .code(sample: random.next(below: vocabulary.codeSamples.count), copyable: !random.chance(25))
                )
            default: blocks.append(.note(paragraph(sentences: random.next(in: 1...2))))
            }
        }
        return StepContent(title: title, blocks: blocks)
    }

    private mutating func paragraph(sentences count: Int) -> [Token] {
        var tokens: [Token] = []
        for _ in 0..<count {
            tokens += sentence(from: random.pick(vocabulary.sentenceTemplates))
        }
        return tokens
    }

    private mutating func bulletItems() -> [[Token]] {
        (0..<random.next(in: 2...5)).map { _ in sentence(from: random.pick(vocabulary.itemTemplates)) }
    }

    /// Expands a template; the first word and any word after a colon are capitalized.
    private mutating func sentence(from template: Template) -> [Token] {
        var tokens: [Token] = []
        var capitalizeNext = true
        for part in template.parts {
            let start = tokens.count
            switch part.slot {
            case .word(let index): tokens.append(Token(.word(index, capitalized: false)))
            case .emphasis(let index): tokens.append(Token(.emphasis(index)))
            case .strong(let index): tokens.append(Token(.strong(index)))
            case .subject: append(random.pick(vocabulary.subjects), to: &tokens)
            case .verb: append(random.pick(vocabulary.verbs), to: &tokens)
            case .infinitive: append(random.pick(vocabulary.infinitives), to: &tokens)
            case .object: append(random.pick(vocabulary.objects), to: &tokens)
            case .tail: append(random.pick(vocabulary.tails), to: &tokens)
            case .modal:
                let modal = random.pick(vocabulary.modals)
                tokens.append(Token(random.chance(15) ? .emphasis(modal) : .word(modal, capitalized: false)))
            case .code:
                tokens.append(random.chance(60) ? roleToken() : literalToken())
            case .role: tokens.append(roleToken())
            case .literal: tokens.append(literalToken())
            case .link:
                let link = random.next(below: vocabulary.links.count)
                tokens.append(Token(.link(link, urlOnNextLine: random.chance(30))))
            }
            if capitalizeNext, case .word(let index, _) = tokens[start].inline {
                tokens[start].inline = .word(index, capitalized: true)
            }
            tokens[tokens.count - 1].punctuation = part.punctuation
            capitalizeNext = part.punctuation == UInt8(ascii: ":")
        }
        return tokens
    }

    private mutating func roleToken() -> Token {
        Token(.role(random.next(below: vocabulary.roles.count)))
    }

    private mutating func literalToken() -> Token {
        Token(.literal(random.next(below: vocabulary.literals.count)))
    }

    private func append(_ phrase: Vocabulary.Phrase, to tokens: inout [Token]) {
        for word in phrase {
            tokens.append(Token(.word(word, capitalized: false)))
        }
    }
}
