import Foundation
import StepDocChecks
import StepModel
import StepParity
import StepProject
import StepSyntax

/// `textDocument/hover`: on a step, the check that implements it (its id, summary, the values it
/// enforces and where it is declared); on a role, what it renders as and where it links; on an
/// `only` directive, which builders its expression selects.
struct Hover {
    let analysis: DocumentAnalysis
    let server: FeatureContext

    func hover(_ params: JSON) throws(ResponseError) -> JSON {
        guard let position = Position(json: params["position"]) else { throw .invalidParams("'position' is missing") }
        let location = analysis.location(of: position, encoding: server.encoding)
        let query = SyntaxQuery(tree: analysis.syntax)
        if let node = query.inline(at: location), case .interpretedText(let text) = node.kind, let role = text.role {
            return answer(roleHover(role, text: text), range: node.range)
        }
        if let (directive, _) = query.directiveHeader(at: location), directive.name == "only" {
            return answer(onlyHover(directive.argument), range: directive.argumentRange ?? directive.nameRange)
        }
        if let (index, copy) = StepLocator(analysis: analysis).step(at: location) {
            return answer(stepHover(index), range: copy.heading.range)
        }
        return .null
    }

    private func answer(_ markdown: String, range: SourceRange) -> JSON {
        let contents: JSON =
            server.capabilities.hoverMarkdown
            ? ["kind": "markdown", "value": .string(markdown)]
            : [
                "kind": "plaintext",
                "value": .string(
                    markdown.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "**", with: "")),
            ]
        return ["contents": contents, "range": analysis.range(range, encoding: server.encoding).json]
    }

    // MARK: - Steps

    private func stepHover(_ index: Int) -> String {
        guard let procedure = analysis.procedure else { return "" }
        let step = procedure.steps[index]
        let number = step.primary.numberText.isEmpty ? String(index + 1) : step.primary.numberText
        var lines = ["**Step \(number)** · \(step.titleText)"]
        guard let suite = analysis.suite, let matching = analysis.matching else {
            lines.append(
                "No check suite is bound to this procedure (`procedures: \(analysis.entry.name): checks:` in stepdoc.yml)."
            )
            return lines.joined(separator: "\n\n")
        }
        let matches = matching.matches(forStep: index)
        guard !matches.isEmpty else {
            lines.append("No check of suite `\(suite.id)` implements this step (`parity.undefined-step`).")
            return lines.joined(separator: "\n\n")
        }
        for match in matches {
            let check = suite.checks[match.check]
            lines.append("Check `\(check.id)` of suite `\(suite.id)`: \(check.summary)")
            var values: [String] = []
            for value in check.values {
                let documented: String
                let source: String
                switch value.source {
                case .titlePlaceholder(let name):
                    source = "title placeholder `{\(name)}`"
                    documented = match.captures[name] ?? "—"
                case .bodyRoleMentions(let role):
                    source = "`:\(role):` mentions in the body"
                    let mentions = RoleMention.mentions(of: role, in: step.body, file: analysis.file.path).map(\.target)
                    documented = mentions.isEmpty ? "none" : mentions.joined(separator: ", ")
                }
                let agrees = value.enforced.isStated(
                    by: documented.split(separator: ",").map { String($0).trimmingBlanks() })
                values.append(
                    "- \(value.name): enforces **\(value.enforced.documentedForm)**, documented as \(documented) "
                        + "(\(source))" + (agrees ? "" : " — differs") + "; enforced at `\(display(value.declaration))`"
                )
            }
            if !values.isEmpty { lines.append("Enforced values:\n" + values.joined(separator: "\n")) }
            lines.append("Declared at `\(display(check.declaration))`")
            if let origin = analysis.registeredSuite?.origin, origin != .builtIn { lines.append("From \(origin)") }
        }
        return lines.joined(separator: "\n\n")
    }

    /// `path:line:column`, the path relative to the project when the declaration lies under it.
    private func display(_ declaration: Declaration) -> String {
        let path = analysis.project.parity?.options.displayPath(declaration.file) ?? declaration.file
        return "\(path):\(declaration.line):\(declaration.column)"
    }

    // MARK: - Roles

    private func roleHover(_ name: String, text: InterpretedText) -> String {
        let roles = analysis.pipeline.lowering.roles
        guard let definition = roles.definition(for: name) else {
            let suggestions = DidYouMean.suggestions(for: name, among: roles.names)
            return "`:\(name):` is not a known role"
                + (suggestions.isEmpty
                    ? "" : "; did you mean " + suggestions.map { "`:\($0):`" }.joined(separator: " or ") + "?")
                + "\n\nAdd it under `roles:` in stepdoc.yml if the project defines it."
        }
        var (title, target) = text.titleAndTarget
        if target.hasPrefix("~") { target.removeFirst() }
        let shown = title ?? target
        var lines = ["`:\(name):`"]
        switch definition.kind {
        case .link(let template, let slash):
            let url = RoleDefinition.Kind.expand(template: template, target: target, addsTrailingSlash: slash)
            lines.append("Renders as a link: \"\(shown)\" → <\(url)>")
            lines.append("URL pattern: `\(template)`")
        case .code(let template):
            lines.append("Renders as inline code: `\(shown)`")
            if let template {
                lines.append(
                    "Links to <\(RoleDefinition.Kind.expand(template: template, target: target, addsTrailingSlash: false))>"
                )
            }
        case .text, .explicitTitle:
            lines.append("Renders as text: \(shown)")
        case .crossReference:
            lines.append("A cross-reference to `\(target)`" + (title.map { ", shown as \"\($0)\"" } ?? ""))
        case .emphasis:
            lines.append("Renders as emphasis: *\(shown)*")
        case .strong:
            lines.append("Renders as strong text: **\(shown)**")
        case .alias(let other):
            lines.append("An alias of `:\(other):`")
        }
        return lines.joined(separator: "\n\n")
    }

    // MARK: - only

    /// The Sphinx builders an `only` expression can see, and stepdoc's own targets.
    static let builders = [
        "html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo", "xml", "gettext",
    ]
    static let stepdocTargets = ["html", "text", "markdown"]

    private func onlyHover(_ argument: String) -> String {
        switch OnlyExpression.parse(argument) {
        case .failure(let error):
            return "`.. only:: \(argument)` is not a valid tag expression: \(error.message)"
        case .success(let expression):
            let tags = Set(analysis.project.config.tags)
            let selected = Self.builders.filter { expression.evaluate(tags: tags.union([$0])) }
            let rejected = Self.builders.filter { !selected.contains($0) }
            let stepdoc = Self.stepdocTargets.filter { expression.evaluate(tags: tags.union([$0])) }
            var lines = ["`.. only:: \(expression.description)`"]
            lines.append(
                "Selects the builders: "
                    + (selected.isEmpty ? "none" : selected.map { "`\($0)`" }.joined(separator: ", ")))
            if !rejected.isEmpty { lines.append("Not: " + rejected.map { "`\($0)`" }.joined(separator: ", ")) }
            lines.append("stepdoc renders it in: " + (stepdoc.isEmpty ? "no output" : stepdoc.joined(separator: ", ")))
            if !tags.isEmpty { lines.append("With the tags of stepdoc.yml: " + tags.sorted().joined(separator: ", ")) }
            return lines.joined(separator: "\n\n")
        }
    }
}

/// Which step a position is in: on its number (the sequence-step div or "Step N:") or its heading.
struct StepLocator {
    let analysis: DocumentAnalysis

    func step(at location: SourceLocation) -> (index: Int, copy: StepCopy)? {
        guard let procedure = analysis.procedure else { return nil }
        for (index, step) in procedure.steps.enumerated() {
            for copy in [step.html, step.print].compactMap({ $0 }) {
                let onHeading = copy.heading.range.lowerBound <= location && location <= copy.heading.range.upperBound
                let onNumber = copy.numberRange.lowerBound <= location && location <= copy.numberRange.upperBound
                if onHeading || onNumber { return (index, copy) }
            }
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingBlanks() -> String {
        var view = Substring(self)
        while view.first == " " { view = view.dropFirst() }
        while view.last == " " { view = view.dropLast() }
        return String(view)
    }
}
