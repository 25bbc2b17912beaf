/// How one interpreted-text role renders.
public struct RoleDefinition: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Expands a URL template (`%s` is the target) and renders as a link showing the title or target.
        case link(urlTemplate: String, addsTrailingSlash: Bool)
        /// An object role (`authrole`, `binary` …) rendered as code; with a template it also links.
        case code(urlTemplate: String?)
        /// A text span (`guilabel`, `kbd`, `file` …).
        case text
        /// A cross-reference to something outside the file (`ref`, `doc`, `term`).
        case crossReference
        /// Shows its explicit title (icons and similar).
        case explicitTitle
        /// Emphasis (the default role, `title-reference`, `emphasis`).
        case emphasis
        /// Strong emphasis (`strong`).
        case strong
        /// Behaves as another role.
        case alias(String)
    }

    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
