/// A block-level element of a reStructuredText document, with the source range it covers.
public struct BlockNode: Sendable, Equatable {
    public var kind: BlockKind
    public var range: SourceRange

    public init(kind: BlockKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The block elements the reader knows. Closed: a new kind fails to compile until every consumer
/// handles it.
public enum BlockKind: Sendable, Equatable {
    case paragraph(Paragraph)
    /// A section title. Titles stay in the flow of blocks; grouping them into sections is the
    /// consumer's business (a step file's titles are steps, not chapters).
    indirect case sectionTitle(SectionTitle)
    indirect case bulletList(BulletList)
    indirect case enumeratedList(EnumeratedList)
    case definitionList([DefinitionListItem])
    case fieldList([Field])
    case literalBlock(LiteralBlock)
    case lineBlock([LineBlockLine])
    case blockQuote([BlockNode])
    indirect case directive(Directive)
    case comment(Comment)
    indirect case hyperlinkTarget(HyperlinkTarget)
    indirect case substitutionDefinition(SubstitutionDefinition)
    indirect case footnote(Footnote)
    case transition
}

/// A paragraph: inline content over one or more lines.
public struct Paragraph: Sendable, Equatable {
    public var inlines: [InlineNode]

    public init(inlines: [InlineNode]) {
        self.inlines = inlines
    }
}

/// The adornment style of a section title: its character and whether it has an overline too.
public struct TitleStyle: Sendable, Hashable {
    public var character: Unicode.Scalar
    public var hasOverline: Bool

    public init(character: Unicode.Scalar, hasOverline: Bool) {
        self.character = character
        self.hasOverline = hasOverline
    }
}

/// A section title with its adornment.
public struct SectionTitle: Sendable, Equatable {
    public var inlines: [InlineNode]
    /// The title's source text, trimmed.
    public var text: String
    public var textRange: SourceRange
    public var style: TitleStyle
    /// 1 for the first style seen in the document, 2 for the second, and so on (as docutils does).
    public var level: Int
    public var underlineRange: SourceRange
    public var overlineRange: SourceRange?
    /// Characters in the title, as docutils measures it against the underline.
    public var textWidth: Int
    /// Characters in the underline.
    public var underlineLength: Int
}

/// A list item: its blocks, and the range of its marker (`-`, `1.`, `(a)` …).
public struct ListItem: Sendable, Equatable {
    public var blocks: [BlockNode]
    public var range: SourceRange
    public var markerRange: SourceRange
}

/// A bullet list; all items use the same bullet character.
public struct BulletList: Sendable, Equatable {
    public var bullet: Unicode.Scalar
    public var items: [ListItem]
}

/// How an enumerated list counts.
public enum EnumerationSequence: String, Sendable, Equatable {
    case arabic, lowerAlpha, upperAlpha, lowerRoman, upperRoman
    /// `#.`: numbered automatically.
    case automatic
}

/// How an enumerator is punctuated: `1.`, `1)` or `(1)`.
public enum EnumerationFormat: String, Sendable, Equatable {
    case period, rightParenthesis, parentheses
}

/// An enumerated list.
public struct EnumeratedList: Sendable, Equatable {
    public var sequence: EnumerationSequence
    public var format: EnumerationFormat
    /// The ordinal of the first item (1 for `1.`, `a.`, `i.` and `#.`).
    public var start: Int
    public var items: [ListItem]
}

/// A term with its definition.
public struct DefinitionListItem: Sendable, Equatable {
    public var term: [InlineNode]
    public var classifiers: [String]
    public var definition: [BlockNode]
    public var range: SourceRange
}

/// A field of a field list (`:name: body`).
public struct Field: Sendable, Equatable {
    public var name: String
    public var nameRange: SourceRange
    public var body: [BlockNode]
    public var range: SourceRange
}

/// Text to be shown as it is written (after `::`, or in a literal directive's content).
public struct LiteralBlock: Sendable, Equatable {
    public var text: String

    public init(text: String) {
        self.text = text
    }
}

/// One line of a line block (`| text`), with its extra indentation.
public struct LineBlockLine: Sendable, Equatable {
    public var inlines: [InlineNode]
    public var indent: Int
    public var range: SourceRange
}

/// A comment (explicit markup that is nothing else). Its text has the comment's indentation removed.
public struct Comment: Sendable, Equatable {
    public var text: String
}

/// `.. _name: url`, `.. _name: other_`, `.. _label:`, `.. __: url` or `__ url`.
public struct HyperlinkTarget: Sendable, Equatable {
    /// The name as written; empty for anonymous targets.
    public var name: String
    public var nameRange: SourceRange
    public var destination: Destination
    public var isAnonymous: Bool

    public enum Destination: Sendable, Equatable {
        /// An external URL (whitespace removed, as docutils does).
        case url(String, range: SourceRange)
        /// Another target's name (`.. _a: b_`).
        case alias(String, range: SourceRange)
        /// No destination: a label for the element that follows.
        case label
    }

    /// The name normalized as docutils compares reference names: case folded, whitespace collapsed.
    public var normalizedName: String { ReferenceName.normalize(name) }
}

/// `.. |name| directive:: …`.
public struct SubstitutionDefinition: Sendable, Equatable {
    public var name: String
    public var nameRange: SourceRange
    public var directive: Directive
}

/// `.. [1] text` or `.. [label] text`.
public struct Footnote: Sendable, Equatable {
    public var label: String
    public var blocks: [BlockNode]
}

/// A directive: `.. name:: argument`, options, and content.
public struct Directive: Sendable, Equatable {
    public var name: String
    public var nameRange: SourceRange
    /// The argument lines joined with single spaces; empty when there is none.
    public var argument: String
    public var argumentRange: SourceRange?
    public var options: [DirectiveOption]
    public var content: DirectiveContent
    /// The range of the content lines; `nil` when the directive has none.
    public var contentRange: SourceRange?

    /// The value of an option, or `nil` when it is absent (a flag option has the value "").
    public func option(_ name: String) -> String? {
        options.first { $0.name == name }?.value
    }
}

/// One `:name: value` option of a directive.
public struct DirectiveOption: Sendable, Equatable {
    public var name: String
    public var value: String
    public var range: SourceRange
}

/// What a directive holds after its arguments and options.
public enum DirectiveContent: Sendable, Equatable {
    case none
    /// Content read as reStructuredText (admonitions, `only`, unknown directives …).
    case blocks([BlockNode])
    /// Content kept as written (`code-block`, `raw` …), indentation removed.
    case literal(LiteralBlock)
}

/// Reference names as docutils compares them.
public enum ReferenceName {
    /// Lowercased with runs of whitespace collapsed to one space, as docutils' `fully_normalize_name`.
    public static func normalize(_ name: String) -> String {
        var result = ""
        result.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
