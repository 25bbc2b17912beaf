/// What the reader needs to know about a directive to split it into argument, options and content.
///
/// This mirrors the `required_arguments` / `optional_arguments` / `final_argument_whitespace` /
/// `option_spec` / `has_content` attributes of docutils and Sphinx directive classes. Whether the
/// content is reStructuredText or literal text decides how it is read.
public struct DirectiveSpec: Sendable, Equatable {
    public enum Arguments: Sendable, Equatable {
        case none
        /// At most one word (`code-block`'s language): text after it belongs to the content.
        case word
        /// Free text that may contain spaces (`only`'s expression, `figure`'s path, a title).
        case text
    }

    public enum Content: Sendable, Equatable {
        case none
        case blocks
        case literal
    }

    public var arguments: Arguments
    public var hasOptions: Bool
    public var content: Content

    public init(arguments: Arguments, hasOptions: Bool, content: Content) {
        self.arguments = arguments
        self.hasOptions = hasOptions
        self.content = content
    }

    /// How directives that appear in no table are read: an optional argument, options, and content
    /// read as reStructuredText.
    public static let unknown = DirectiveSpec(arguments: .text, hasOptions: true, content: .blocks)
}

/// The directive specifications the reader uses, by directive name.
public struct DirectiveSpecTable: Sendable {
    public var specs: [String: DirectiveSpec]

    public init(specs: [String: DirectiveSpec]) {
        self.specs = specs
    }

    public func spec(for name: String) -> DirectiveSpec {
        specs[name] ?? specs[name.lowercased()] ?? .unknown
    }

    public func isKnown(_ name: String) -> Bool {
        specs[name] != nil || specs[name.lowercased()] != nil
    }

    /// docutils, Sphinx and MongoDB (giza/snooty) directives found in step files.
    public static let standard: DirectiveSpecTable = {
        var specs: [String: DirectiveSpec] = [:]
        func add(_ names: [String], _ spec: DirectiveSpec) {
            for name in names { specs[name] = spec }
        }
        let admonition = DirectiveSpec(arguments: .none, hasOptions: true, content: .blocks)
        add(
            [
                "note", "tip", "warning", "important", "caution", "danger", "attention", "hint", "error", "seealso",
                "todo", "example", "optional",
            ], admonition)
        add(["admonition", "topic", "sidebar"], DirectiveSpec(arguments: .text, hasOptions: true, content: .blocks))
        add(
            ["code-block", "sourcecode", "code", "io-code-block", "input", "output"],
            DirectiveSpec(arguments: .word, hasOptions: true, content: .literal))
        add(["raw"], DirectiveSpec(arguments: .text, hasOptions: true, content: .literal))
        add(
            ["math", "parsed-literal", "csv-table", "productionlist", "highlight-code"],
            DirectiveSpec(arguments: .text, hasOptions: true, content: .literal))
        add(["toctree"], DirectiveSpec(arguments: .none, hasOptions: true, content: .literal))
        add(["only"], DirectiveSpec(arguments: .text, hasOptions: false, content: .blocks))
        add(
            [
                "include", "literalinclude", "image", "rubric", "highlight", "default-domain", "default-role",
                "sharedinclude", "contents", "sectnum", "meta", "title", "centered", "index", "program",
                "class-name", "card-group-placeholder",
            ],
            DirectiveSpec(arguments: .text, hasOptions: true, content: .none))
        add(
            [
                "figure", "container", "tabs", "tab", "tabs-drivers", "tabs-platforms", "tabs-selector",
                "tabs-pillstrip", "procedure", "step", "versionadded", "versionchanged", "deprecated", "list-table",
                "table", "glossary", "hlist", "compound", "epigraph", "highlights", "pull-quote", "card",
                "card-group", "collapsible", "tab-set", "tab-item", "dropdown", "extract", "cond", "ifconfig",
                "line-block", "describe", "object", "method", "dbcommand", "setting", "binary", "program-option",
                "option", "authrole", "query", "operator", "expression", "pipeline", "data", "function", "class",
                "staticmethod", "attribute",
            ],
            DirectiveSpec(arguments: .text, hasOptions: true, content: .blocks))
        add(["cssclass", "rst-class"], DirectiveSpec(arguments: .text, hasOptions: false, content: .blocks))
        add(["replace"], DirectiveSpec(arguments: .none, hasOptions: false, content: .blocks))
        add(["unicode", "date"], DirectiveSpec(arguments: .text, hasOptions: true, content: .none))
        return DirectiveSpecTable(specs: specs)
    }()
}
