import StepRender

/// The preview's own pages as templates (`templates/preview/`, compiled in): the index and the overlay
/// it adds to every page. Parsed once, each against its own keys, so a misspelt key fails a test at
/// its line and column instead of rendering as nothing.
package enum PreviewTemplates {
    package static let indexKeys: Set<String> = [
        "stylesheet", "count", "contentLabel", "summary", "rows", "overlayHTML",
        // a row
        "hasFindings", "name", "findings", "pageHref", "title", "path", "steps", "problem", "textHref",
    ]
    package static let overlayKeys: Set<String> = [
        "hasProblems", "problems", "hasPanel", "state", "open", "summary", "textHref", "hasFindings", "findings",
        "pageScript",
        // a finding
        "severity", "id", "message", "position", "anchor",
    ]

    package static let index = parse("index.mustache", keys: indexKeys)
    package static let overlay = parse("overlay.mustache", keys: overlayKeys)

    /// The compiled-in template; one that does not parse is a build defect, which the preview's tests
    /// show, so the page then says so instead of crashing the server.
    private static func parse(_ file: String, keys: Set<String>) -> Result<MustacheTemplate, TemplateError> {
        let path = BuiltinTemplates.displayPath(set: BuiltinTemplates.previewFolder, file: file)
        guard let text = BuiltinTemplates.previewTemplate(file) else {
            return .failure(.missingTemplate(set: BuiltinTemplates.previewFolder, template: file))
        }
        do throws(TemplateError) {
            return .success(try MustacheTemplate(text, path: path, vocabulary: keys, partials: []))
        } catch {
            return .failure(error)
        }
    }

    package static func render(_ template: Result<MustacheTemplate, TemplateError>, _ context: PreviewContext)
        -> String
    {
        switch template {
        case .success(let template): template.render(.object(context), partials: [:])
        case .failure(let error): "<p>stepdoc preview: built-in template broken: \(error)</p>\n"
        }
    }
}

/// A context of the preview's templates: its keys and their values.
package struct PreviewContext: TemplateObject {
    var values: [String: TemplateValue]

    package func templateValue(for key: String) -> TemplateValue? {
        values[key]
    }
}
