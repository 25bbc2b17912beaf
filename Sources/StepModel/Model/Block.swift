import StepSyntax

/// A block of a step body, with the range it came from.
///
/// Blocks from an included file carry ranges in that file; ``Include/path`` names it.
public struct Block: Sendable, Equatable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The block kinds of a step body. Closed: renderers switch over every case.
    public enum Kind: Sendable, Equatable {
        case paragraph([Inline])
        /// An action sub-heading inside a step.
        indirect case heading(Heading)
        indirect case codeBlock(CodeBlock)
        indirect case list(ListBlock)
        case definitionList([DefinitionItem])
        indirect case admonition(Admonition)
        indirect case figure(Figure)
        indirect case include(Include)
        indirect case literalInclude(LiteralInclude)
        case tabs([Tab])
        indirect case raw(Raw)
        /// Content under an `.. only::` inside a body, kept with its expression.
        indirect case conditional(Conditional)
        case blockQuote([Block])
        /// Content with extra CSS classes (`cssclass`, `container`, `rst-class`).
        indirect case container(Container)
        case lineBlock([[Inline]])
        indirect case footnote(Footnote)
        case transition
        /// A directive stepdoc does not know, kept with its content.
        indirect case unknownDirective(UnknownDirective)
    }
}

public struct Heading: Sendable, Equatable {
    /// The title style's level in the file (compare with the step heading's level).
    public var level: Int
    public var inlines: [Inline]
    public var text: String

    public init(level: Int, inlines: [Inline], text: String) {
        self.level = level
        self.inlines = inlines
        self.text = text
    }
}

public struct CodeBlock: Sendable, Equatable {
    public var language: String?
    public var code: String
    /// giza's `:copyable:` (true unless `:copyable: false`).
    public var isCopyable: Bool
    /// 1-based lines to emphasize (`:emphasize-lines: 1,3-4`).
    public var emphasizedLines: [Int]
    public var showsLineNumbers: Bool
    public var caption: String?

    public init(
        language: String?, code: String, isCopyable: Bool = true, emphasizedLines: [Int] = [],
        showsLineNumbers: Bool = false, caption: String? = nil
    ) {
        self.language = language
        self.code = code
        self.isCopyable = isCopyable
        self.emphasizedLines = emphasizedLines
        self.showsLineNumbers = showsLineNumbers
        self.caption = caption
    }
}

public struct ListBlock: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case bullet
        case ordered(EnumerationSequence)
    }

    public var style: Style
    public var start: Int
    public var items: [[Block]]

    public init(style: Style, start: Int, items: [[Block]]) {
        self.style = style
        self.start = start
        self.items = items
    }
}

public struct DefinitionItem: Sendable, Equatable {
    public var term: [Inline]
    public var definition: [Block]

    public init(term: [Inline], definition: [Block]) {
        self.term = term
        self.definition = definition
    }
}

public struct Admonition: Sendable, Equatable {
    /// `note`, `tip`, `warning`, `important`, `seealso`, … or `admonition` for a titled one.
    public var kind: String
    public var title: [Inline]?
    public var body: [Block]

    /// The heading a reader sees: "Note", "See also", or the custom title's text.
    public var displayTitle: String {
        switch kind {
        case "seealso": "See also"
        case "versionadded": "New in version"
        case "versionchanged": "Changed in version"
        case "deprecated": "Deprecated since version"
        default: kind.prefix(1).uppercased() + kind.dropFirst()
        }
    }

    public init(kind: String, title: [Inline]?, body: [Block]) {
        self.kind = kind
        self.title = title
        self.body = body
    }
}

public struct Figure: Sendable, Equatable {
    /// The image path or URL as written.
    public var uri: String
    /// The `:alt:` text as written.
    public var alt: String?
    /// The image's `:width:` as a CSS length (`760px`, `50%`, `12em`), validated as docutils does.
    public var width: String?
    public var height: String?
    /// The figure's `:figwidth:` as a CSS length.
    public var figureWidth: String?
    /// `left`, `center`, `right` (and `top`, `middle`, `bottom` for an image).
    public var align: String?
    /// Where the image links (`:target:`): a URL, already resolved when it was a reference name.
    public var target: String?
    public var classes: [String]
    public var caption: [Inline]
    public var legend: [Block]
    /// `image` rather than `figure`: no caption.
    public var isImage: Bool
    /// The image file, when it was found under the source root.
    public var file: ImageFile?

    public init(
        uri: String, alt: String?, width: String?, height: String? = nil, figureWidth: String? = nil,
        align: String? = nil, target: String? = nil, classes: [String] = [], caption: [Inline], legend: [Block],
        isImage: Bool, file: ImageFile? = nil
    ) {
        self.uri = uri
        self.alt = alt
        self.width = width
        self.height = height
        self.figureWidth = figureWidth
        self.align = align
        self.target = target
        self.classes = classes
        self.caption = caption
        self.legend = legend
        self.isImage = isImage
        self.file = file
    }

    /// The text a reader without the image gets: `:alt:`, else the caption, else the file name.
    public var alternativeText: String {
        if let alt { return alt }
        if !caption.isEmpty { return caption.plainText }
        return String(uri.split(separator: "/").last ?? Substring(uri))
    }
}

/// An image file a figure shows, found under the source root.
public struct ImageFile: Sendable, Equatable, Hashable {
    /// Where it is read from.
    public var path: String
    /// Its path relative to the source root (`images/atlas.png`): where a build puts its copy.
    public var relativePath: String

    public init(path: String, relativePath: String) {
        self.path = path
        self.relativePath = relativePath
    }
}

public struct Include: Sendable, Equatable {
    /// The path as written in the directive.
    public var path: String
    /// The file it was read from, when it could be read.
    public var resolvedPath: String?
    public var body: [Block]

    public init(path: String, resolvedPath: String?, body: [Block]) {
        self.path = path
        self.resolvedPath = resolvedPath
        self.body = body
    }
}

public struct LiteralInclude: Sendable, Equatable {
    public var path: String
    public var resolvedPath: String?
    public var language: String?
    /// The selected, dedented text; `nil` when the file could not be read.
    public var code: String?
    public var isCopyable: Bool

    public init(path: String, resolvedPath: String?, language: String?, code: String?, isCopyable: Bool) {
        self.path = path
        self.resolvedPath = resolvedPath
        self.language = language
        self.code = code
        self.isCopyable = isCopyable
    }
}

public struct Tab: Sendable, Equatable {
    public var id: String
    public var title: [Inline]
    public var body: [Block]

    public init(id: String, title: [Inline], body: [Block]) {
        self.id = id
        self.title = title
        self.body = body
    }
}

public struct Raw: Sendable, Equatable {
    public var format: String
    public var text: String

    public init(format: String, text: String) {
        self.format = format
        self.text = text
    }

    /// Whether HTML is among the formats (docutils takes several, separated by spaces: `html latex`).
    public var isHTML: Bool {
        format.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains { $0.lowercased() == "html" }
    }
}

public struct Conditional: Sendable, Equatable {
    public var expression: OnlyExpression?
    /// The expression as written (kept when it could not be read, as Sphinx keeps the content).
    public var expressionText: String
    public var body: [Block]

    public init(expression: OnlyExpression?, expressionText: String, body: [Block]) {
        self.expression = expression
        self.expressionText = expressionText
        self.body = body
    }
}

public struct Container: Sendable, Equatable {
    public var classes: [String]
    public var body: [Block]

    public init(classes: [String], body: [Block]) {
        self.classes = classes
        self.body = body
    }
}

public struct Footnote: Sendable, Equatable {
    public var label: String
    public var body: [Block]

    public init(label: String, body: [Block]) {
        self.label = label
        self.body = body
    }
}

public struct UnknownDirective: Sendable, Equatable {
    public var name: String
    public var argument: String
    public var options: [String: String]
    public var body: [Block]

    public init(name: String, argument: String, options: [String: String], body: [Block]) {
        self.name = name
        self.argument = argument
        self.options = options
        self.body = body
    }
}
