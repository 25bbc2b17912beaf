import Mustache

/// A named set of page templates: `page.mustache`, `procedure.mustache` and `style.css`.
///
/// The command line reads the files; this type parses them, so a syntax error is reported with the
/// template's path, line and column before anything is rendered.
public struct TemplateSet: Sendable {
    public let name: String
    public let stylesheet: String
    private let library: MustacheLibrary

    /// The files a template set must have.
    public static let requiredTemplates = ["page", "procedure"]

    /// Parses the templates. `sources` maps a template name (`page`, `procedure`) to its path and text.
    public init(name: String, sources: [String: (path: String, text: String)], stylesheet: String) throws(TemplateError) {
        var library = MustacheLibrary()
        for required in Self.requiredTemplates where sources[required] == nil {
            throw .missingTemplate(set: name, template: required + ".mustache")
        }
        for (templateName, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: source.text), named: templateName)
            } catch let error as MustacheTemplate.ParserError {
                throw .syntax(
                    // swift-mustache's context is already 1-based (line and column).
                    path: source.path, line: error.context.lineNumber, column: error.context.columnNumber,
                    message: Self.describe(error.error))
            } catch {
                throw .syntax(path: source.path, line: 1, column: 1, message: "\(error)")
            }
        }
        self.name = name
        self.library = library
        self.stylesheet = stylesheet
    }

    public func renderPage(_ context: PageContext) -> String {
        library.render(context, withTemplate: "page") ?? ""
    }

    public func renderProcedure(_ context: ProcedureContext) -> String {
        library.render(context, withTemplate: "procedure") ?? ""
    }

    /// Renders any template of the set (the preview's index page, the preflight report).
    public func render(_ context: Any, template: String) -> String? {
        library.render(context, withTemplate: template)
    }

    public func hasTemplate(_ name: String) -> Bool {
        library.getTemplate(named: name) != nil
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inherited section"
        case .textInsideInheritSection: return "text inside an inherited section"
        case .invalidConfigVariableSyntax: return "malformed configuration tag"
        case .unrecognisedConfigVariable: return "unknown configuration variable"
        }
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
