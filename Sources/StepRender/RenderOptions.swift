import StepModel

/// A rendering target: which builder tag `only` expressions see, as Sphinx builders set theirs.
public enum RenderTarget: String, Sendable, CaseIterable {
    case html
    case text
    case markdown

    /// The tag this target sets (`html`, `text`, `markdown`).
    public var tag: String { rawValue }

    /// The extension of the files written for this target.
    public var fileExtension: String {
        switch self {
        case .html: "html"
        case .text: "txt"
        case .markdown: "md"
        }
    }
}

/// How plain text shows where links go (`text-links` in stepdoc.yml).
public enum TextLinkStyle: String, Sendable, CaseIterable {
    /// "the manual <https://…>": the URL after the link text.
    case inline
    /// "the manual [1]", and "[1] https://…" at the end of the step.
    case references
    /// The link text alone.
    case none
}

/// Settings shared by the renderers.
public struct RenderOptions: Sendable {
    /// Extra tags for `only` expressions (`-t TAG`), added to the target's own tag.
    public var extraTags: Set<String>
    /// Column at which plain text wraps.
    public var textWidth: Int
    /// Write the procedure without page chrome, for embedding in a bigger site.
    public var fragment: Bool
    /// The way from the page being rendered to the top of its output folder (`""`, `"../"`), which
    /// copied images and the page's scripts are linked from.
    public var siteRoot: String = ""
    /// How plain text shows link destinations.
    public var textLinks: TextLinkStyle = .references
    /// Whether raw HTML and links that can run script are written (`pass`) or left out (`omit`).
    public var rawHTML: RawHTMLPolicy = .omit

    public init(extraTags: Set<String> = [], textWidth: Int = 72, fragment: Bool = false) {
        self.extraTags = extraTags
        self.textWidth = textWidth
        self.fragment = fragment
    }

    /// These options with plain-text links shown as `style` says.
    public func withTextLinks(_ style: TextLinkStyle) -> RenderOptions {
        var options = self
        options.textLinks = style
        return options
    }

    /// These options with raw HTML treated as `policy` says.
    public func withRawHTML(_ policy: RawHTMLPolicy) -> RenderOptions {
        var options = self
        options.rawHTML = policy
        return options
    }

    /// The options for the page of the procedure named `name` (its path in the output folder, without
    /// extension): ``siteRoot`` climbs one folder for each folder in the name.
    public func forPage(named name: String) -> RenderOptions {
        var options = self
        let depth = name.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        options.siteRoot = String(repeating: "../", count: depth)
        return options
    }

    public func tags(for target: RenderTarget) -> Set<String> {
        extraTags.union([target.tag])
    }
}
