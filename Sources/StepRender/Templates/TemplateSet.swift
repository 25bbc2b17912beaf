/// A named set of page templates: `page.mustache`, `procedure.mustache` and `style.css`, plus any
/// other `*.mustache` (the preflight report).
///
/// The command line reads the files; this type parses them, so a syntax error is reported with the
/// template's path, line and column before anything is rendered.
public struct TemplateSet: Sendable {
    public let name: String
    public let stylesheet: String
    private let templates: [String: MustacheTemplate]

    /// The files a template set must have.
    public static let requiredTemplates = ["page", "procedure"]

    /// Parses the templates. `sources` maps a template name (`page`, `procedure`) to its path and text.
    public init(name: String, sources: [String: (path: String, text: String)], stylesheet: String) throws(TemplateError)
    {
        for required in Self.requiredTemplates where sources[required] == nil {
            throw .missingTemplate(set: name, template: required + ".mustache")
        }
        var templates: [String: MustacheTemplate] = [:]
        for (templateName, source) in sources.sorted(by: { $0.key < $1.key }) {
            templates[templateName] = try MustacheTemplate(
                source.text, path: source.path, vocabulary: TemplateVocabulary.known, partials: Set(sources.keys))
        }
        self.name = name
        self.templates = templates
        self.stylesheet = stylesheet
    }

    public func renderPage(_ context: PageContext) -> String {
        templates["page"]?.render(
            .object(context), partials: templates, capacity: context.procedure.renderedSizeEstimate)
            ?? ""
    }

    public func renderProcedure(_ context: ProcedureContext) -> String {
        templates["procedure"]?.render(.object(context), partials: templates, capacity: context.renderedSizeEstimate)
            ?? ""
    }

    /// Renders any template of the set (the preflight report).
    public func render(_ context: any TemplateObject, template: String) -> String? {
        templates[template]?.render(.object(context), partials: templates)
    }

    public func hasTemplate(_ name: String) -> Bool {
        templates[name] != nil
    }
}

/// Why a template set could not be used.
public enum TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingTemplate(set: String, template: String)
    case syntax(path: String, line: Int, column: Int, message: String)

    public var description: String {
        switch self {
        case .missingTemplate(let set, let template): "template set '\(set)' has no \(template)"
        case .syntax(let path, let line, let column, let message): "\(path):\(line):\(column): \(message)"
        }
    }
}
