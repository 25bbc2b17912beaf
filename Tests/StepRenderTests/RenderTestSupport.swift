import Foundation
import StepDocTestSupport
import StepModel
import StepRender
import StepSyntax

/// Procedures and template sets for render tests.
enum RenderTestSupport {
    static func procedure(_ text: String, path: String = "t.rst") -> Procedure {
        var diagnostics: [Diagnostic] = []
        return Procedure(parsing: SourceFile(path: path, text: text), diagnostics: &diagnostics)
    }

    static func seed() throws -> Procedure {
        let text = try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
        return procedure(text, path: "content/atlas-live-migration-prerequisites.rst")
    }

    /// A template set from the project's `templates/NAME/`.
    static func templates(_ name: String) throws -> TemplateSet {
        let folder = Fixtures.projectRoot().appendingPathComponent("templates/\(name)")
        var sources: [String: (path: String, text: String)] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            let url = folder.appendingPathComponent(file)
            sources[String(file.dropLast(".mustache".count))] = (url.path, try String(contentsOf: url, encoding: .utf8))
        }
        let css = (try? String(contentsOf: folder.appendingPathComponent("style.css"), encoding: .utf8)) ?? ""
        return try TemplateSet(name: name, sources: sources, stylesheet: css)
    }

    /// A body-only HTML rendering of one step's body written in reST.
    static func bodyHTML(_ body: [String], tags: Set<String> = []) throws -> String {
        let procedure = procedure(GizaStep.text(body))
        let renderer = HTMLRenderer(templates: try templates("default"), options: RenderOptions(extraTags: tags))
        return renderer.renderSteps(procedure).first?.bodyHTML ?? ""
    }

    /// The plain text of one step's body written in reST.
    static func bodyText(_ body: [String], options: RenderOptions = RenderOptions()) -> String {
        let procedure = procedure(GizaStep.text(body))
        guard let step = procedure.steps.first else { return "" }
        return PlainTextRenderer(options: options).render(body: step.body, stepLevel: step.primary.heading.level)
    }

    /// The CommonMark page of one step whose body is written in reST.
    static func pageMarkdown(_ body: [String], options: RenderOptions = RenderOptions()) -> String {
        MarkdownRenderer(options: options).render(procedure(GizaStep.text(body)), title: "T")
    }
}

/// One 2017-era step with the given body in both branches.
enum GizaStep {
    static func text(_ body: [String], title: String = "Do it") -> String {
        let indented = body.map { $0.isEmpty ? "   " : "   " + $0 }.joined(separator: "\n")
        return """
            .. only:: html or dirhtml or singlehtml

               .. raw:: html

                  <div class="sequence-block"><div class="bullet-block"><div class="sequence-step">1</div></div>

               \(title)
               \(String(repeating: "`", count: title.count))

            \(indented)

               .. raw:: html

                  </div>

            .. only:: not(html or dirhtml or singlehtml)

               Step 1: \(title)
               \(String(repeating: "`", count: title.count + 8))

            \(indented)

            """
    }
}
