/// The word pools, inline pieces and code samples a corpus is made of, resolved once to bytes in both formats.
///
/// Every piece is pre-rendered so the writers only copy bytes. Link texts are unique (docutils would warn about
/// one link name with two URLs), and each text always carries the same URL.
package struct Vocabulary: Sendable {
    /// A piece written differently in reST and CommonMark.
    package struct Piece: Sendable {
        package var rst: [UInt8]
        package var markdown: [UInt8]
    }

    /// An external link in both formats, with the reST form split where giza may break the line.
    package struct Link: Sendable {
        /// `` `text <url>`_ `` on one line.
        package var rst: [UInt8]
        /// `` `text `` — the part before the line break.
        package var rstText: [UInt8]
        /// `` <url>`_ `` — the part after the line break.
        package var rstTarget: [UInt8]
        /// `[text](url)`.
        package var markdown: [UInt8]
    }

    package struct CodeSample: Sendable {
        package var language: [UInt8]
        /// Lines without indentation; an empty line is a blank line of the sample.
        package var lines: [[UInt8]]
    }

    /// A phrase of plain words (indices into `words`).
    package typealias Phrase = [Int]

    package private(set) var words: [[UInt8]] = []
    package private(set) var capitalizedWords: [[UInt8]] = []
    /// `*word*`, parallel to `words`; the same in both formats.
    package private(set) var emphasizedWords: [[UInt8]] = []
    /// `**word**`, parallel to `words`; the same in both formats.
    package private(set) var strongWords: [[UInt8]] = []

    package private(set) var subjects: [Phrase] = []
    package private(set) var verbs: [Phrase] = []
    package private(set) var infinitives: [Phrase] = []
    package private(set) var objects: [Phrase] = []
    package private(set) var tails: [Phrase] = []
    package private(set) var modals: [Int] = []

    package private(set) var literals: [Piece] = []
    package private(set) var roles: [Piece] = []
    package private(set) var links: [Link] = []
    package private(set) var codeSamples: [CodeSample] = []

    package private(set) var sentenceTemplates: [Template] = []
    package private(set) var titleTemplates: [Template] = []
    package private(set) var itemTemplates: [Template] = []

    /// The MongoDB-flavoured vocabulary the benchmark corpus uses.
    package static let standard = Vocabulary()

    private init() {
        var table = WordTable()
        subjects = Self.subjectTexts.map { table.phrase($0) }
        verbs = Self.verbTexts.map { table.phrase($0) }
        infinitives = Self.infinitiveTexts.map { table.phrase($0) }
        objects = Self.objectTexts.map { table.phrase($0) }
        tails = Self.tailTexts.map { table.phrase($0) }
        modals = Self.modalTexts.map { table.word($0) }
        sentenceTemplates = Self.sentenceTemplateTexts.map { table.template($0) }
        titleTemplates = Self.titleTemplateTexts.map { table.template($0) }
        itemTemplates = Self.itemTemplateTexts.map { table.template($0) }
        words = table.words
        capitalizedWords = table.words.map(Self.capitalized)
        emphasizedWords = table.words.map { [UInt8(ascii: "*")] + $0 + [UInt8(ascii: "*")] }
        strongWords = table.words.map { Array("**".utf8) + $0 + Array("**".utf8) }

        literals = Self.literalTexts.map { Piece(rst: Array("``\($0)``".utf8), markdown: Array("`\($0)`".utf8)) }
        roles = Self.roleUses.map(\.piece)
        links = Self.linkTargets.map { text, url in
            Link(
                rst: Array("`\(text) <\(url)>`_".utf8),
                rstText: Array("`\(text)".utf8),
                rstTarget: Array("<\(url)>`_".utf8),
                markdown: Array("[\(text)](\(url))".utf8)
            )
        }
        codeSamples = Self.codeSampleTexts.map { language, lines in
            CodeSample(language: Array(language.utf8), lines: lines.map { Array($0.utf8) })
        }
    }

    private static func capitalized(_ word: [UInt8]) -> [UInt8] {
        var result = word
        if let first = result.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) {
            result[0] = first - 32
        }
        return result
    }
}

/// Interns the words of phrases and templates while a `Vocabulary` is built.
private struct WordTable {
    private static let templatePunctuation: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":")]

    private(set) var words: [[UInt8]] = []
    private var indices: [String: Int] = [:]

    mutating func word(_ text: String) -> Int {
        if let index = indices[text] { return index }
        words.append(Array(text.utf8))
        indices[text] = words.count - 1
        return words.count - 1
    }

    mutating func phrase(_ text: String) -> Vocabulary.Phrase {
        text.split(separator: " ").map { word(String($0)) }
    }

    /// Parses `"{S} {V} *only* {O} {T}."`: placeholders, `*emphasis*`, `**strong**` and plain words, each with
    /// optional trailing `.`, `,` or `:`.
    mutating func template(_ text: String) -> Template {
        Template(
            parts: text.split(separator: " ").map { piece in
                var body = Substring(piece)
                var punctuation: UInt8 = 0
                if let last = body.last, let ascii = last.asciiValue, Self.templatePunctuation.contains(ascii) {
                    punctuation = ascii
                    body = body.dropLast()
                }
                let slot: Template.Slot
                if body.hasPrefix("{") {
                    guard let placeholder = Template.Slot(placeholder: String(body)) else {
                        preconditionFailure("unknown placeholder \(body) in template \(text)")
                    }
                    slot = placeholder
                } else if body.hasPrefix("**") {
                    slot = .strong(word(String(body.dropFirst(2).dropLast(2))))
                } else if body.hasPrefix("*") {
                    slot = .emphasis(word(String(body.dropFirst().dropLast())))
                } else {
                    slot = .word(word(String(body)))
                }
                return Template.Part(slot: slot, punctuation: punctuation)
            }
        )
    }
}

/// A sentence, title or list-item pattern: fixed words and placeholders drawn from the vocabulary's pools.
package struct Template: Sendable {
    package enum Slot: Sendable {
        case word(Int)
        case emphasis(Int)
        case strong(Int)
        /// `{S}` a subject phrase.
        case subject
        /// `{V}` a verb phrase (third person).
        case verb
        /// `{V0}` an infinitive verb phrase.
        case infinitive
        /// `{O}` an object phrase.
        case object
        /// `{T}` a trailing adverbial phrase.
        case tail
        /// `{M}` a modal verb, sometimes emphasized.
        case modal
        /// `{I}` a role or an inline literal.
        case code
        /// `{R}` a role.
        case role
        /// `{LIT}` an inline literal.
        case literal
        /// `{L}` an external link.
        case link

        init?(placeholder: String) {
            switch placeholder {
            case "{S}": self = .subject
            case "{V}": self = .verb
            case "{V0}": self = .infinitive
            case "{O}": self = .object
            case "{T}": self = .tail
            case "{M}": self = .modal
            case "{I}": self = .code
            case "{R}": self = .role
            case "{LIT}": self = .literal
            case "{L}": self = .link
            default: return nil
            }
        }
    }

    package struct Part: Sendable {
        package var slot: Slot
        package var punctuation: UInt8
    }

    package var parts: [Part]
}
