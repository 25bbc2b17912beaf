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

/// Settings shared by the renderers.
public struct RenderOptions: Sendable {
    /// Extra tags for `only` expressions (`-t TAG`), added to the target's own tag.
    public var extraTags: Set<String>
    /// Column at which plain text wraps.
    public var textWidth: Int
    /// Write the procedure without page chrome, for embedding in a bigger site.
    public var fragment: Bool

    public init(extraTags: Set<String> = [], textWidth: Int = 72, fragment: Bool = false) {
        self.extraTags = extraTags
        self.textWidth = textWidth
        self.fragment = fragment
    }

    public func tags(for target: RenderTarget) -> Set<String> {
        extraTags.union([target.tag])
    }
}
