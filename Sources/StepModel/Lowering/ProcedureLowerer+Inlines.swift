import StepSyntax

extension ProcedureLowerer {
    mutating func lowerInlines(_ nodes: [InlineNode]) -> [Inline] {
        var output: [Inline] = []
        output.reserveCapacity(nodes.count)
        for node in nodes {
            lowerInline(node, into: &output)
        }
        return output
    }

    private mutating func lowerInline(_ node: InlineNode, into output: inout [Inline]) {
        let range = node.range
        switch node.kind {
        case .text(let text):
            output.append(Inline(.text(text), range: range))
        case .emphasis(let text):
            output.append(Inline(.emphasis([Inline(.text(text), range: range)]), range: range))
        case .strong(let text):
            output.append(Inline(.strong([Inline(.text(text), range: range)]), range: range))
        case .literal(let text):
            output.append(Inline(.code(Code(text: text)), range: range))
        case .interpretedText(let interpreted):
            output.append(role(interpreted, range: range))
        case .reference(let reference):
            output.append(self.reference(reference, range: range))
        case .standaloneURI(let uri):
            output.append(
                Inline(
                    .link(
                        Link(
                            destination: uri.destination, children: [Inline(.text(uri.text), range: range)],
                            role: nil)), range: range))
        case .substitutionReference(let reference):
            output.append(contentsOf: substitution(reference, range: range))
        case .inlineTarget(let text):
            output.append(Inline(.text(text), range: range))
        case .footnoteReference(let label):
            output.append(Inline(.text("[\(label)]"), range: range))
        }
    }

    private mutating func role(_ interpreted: InterpretedText, range: SourceRange) -> Inline {
        guard let name = interpreted.role else {
            // The default role is docutils' title-reference: shown emphasized.
            return Inline(.emphasis([Inline(.text(interpreted.content), range: range)]), range: range)
        }
        guard let definition = options.roles.definition(for: name) else {
            let roleRange = interpreted.roleRange ?? range
            let suggestion = spendSuggestion() ? DidYouMean.phrase(for: name, among: options.roles.names) : ""
            diagnose(
                .warning, .rstUnknownRole, "unknown role '\(name)'" + suggestion, roleRange,
                explanation:
                    "Its text is shown as it is. Add the role to 'roles' in stepdoc.yml if the project defines it.")
            return Inline(.text(interpreted.titleAndTarget.title ?? interpreted.titleAndTarget.target), range: range)
        }
        var (title, target) = interpreted.titleAndTarget
        var shortened = false
        if target.hasPrefix("~") {
            target.removeFirst()
            shortened = true
        }
        switch definition.kind {
        case .link(let template, let slash):
            let url = RoleDefinition.Kind.expand(template: template, target: target, addsTrailingSlash: slash)
            let text = title ?? target
            return Inline(
                .link(Link(destination: url, children: [Inline(.text(text), range: range)], role: name)), range: range)
        case .code(let template):
            var display = title ?? target
            if title == nil, shortened { display = Self.lastComponent(of: target) }
            let code = Inline(.code(Code(text: display, role: name, target: target)), range: range)
            guard let template else { return code }
            let url = RoleDefinition.Kind.expand(template: template, target: target, addsTrailingSlash: false)
            return Inline(.link(Link(destination: url, children: [code], role: name)), range: range)
        case .text, .explicitTitle:
            return Inline(.span(Span(role: name, text: title ?? interpreted.content)), range: range)
        case .crossReference:
            return Inline(.crossReference(CrossReference(role: name, target: target, title: title)), range: range)
        case .emphasis:
            return Inline(.emphasis([Inline(.text(interpreted.content), range: range)]), range: range)
        case .strong:
            return Inline(.strong([Inline(.text(interpreted.content), range: range)]), range: range)
        case .alias:
            return Inline(.text(interpreted.content), range: range)
        }
    }

    /// `db.collection.find()` → `find()`, `bin.mongod` → `mongod`: what a leading `~` shows.
    static func lastComponent(of target: String) -> String {
        let base = target.hasSuffix("()") ? String(target.dropLast(2)) : target
        guard let last = base.split(separator: ".").last else { return target }
        return String(last) + (target.hasSuffix("()") ? "()" : "")
    }

    private mutating func reference(_ reference: Reference, range: SourceRange) -> Inline {
        let text = [Inline(.text(reference.text), range: range)]
        switch reference.target {
        case .embeddedURI(let uri):
            return Inline(.link(Link(destination: uri, children: text, role: nil)), range: range)
        case .embeddedAlias(let name), .name(let name):
            if let destination = targets.destination(of: ReferenceName.normalize(name)) {
                return Inline(.link(Link(destination: destination, children: text, role: nil)), range: range)
            }
            let suggestion =
                spendSuggestion() ? DidYouMean.phrase(for: name, among: targets.entries.values.map(\.name)) : ""
            diagnose(
                .warning, .rstUnknownTarget, "no hyperlink target named '\(name)'" + suggestion, range,
                explanation:
                    "Define it with '.. _\(name): https://…' or write the link inline as `\(name) <https://…>`_.")
            return Inline(.text(reference.text), range: range)
        case .anonymous:
            defer { anonymousReferencesSeen += 1 }
            if anonymousReferencesSeen < anonymousTargets.count {
                return Inline(
                    .link(Link(destination: anonymousTargets[anonymousReferencesSeen], children: text, role: nil)),
                    range: range)
            }
            diagnose(
                .warning, .rstUnknownTarget, "anonymous reference '\(reference.text)' has no anonymous target",
                range,
                explanation: "Each `text`__ needs a '.. __: https://…' target after it.")
            return Inline(.text(reference.text), range: range)
        }
    }

    private mutating func substitution(_ reference: SubstitutionReference, range: SourceRange) -> [Inline] {
        if let inlines = substitutions[reference.name] {
            // `.. |a| replace:: |a|` would recurse forever, and definitions that each use the next
            // twice would expand exponentially: both stop with an error and the name as text.
            if expandingSubstitutions.contains(reference.name) {
                let chain = (expandingSubstitutions + [reference.name]).map { "|\($0)|" }.joined(separator: " → ")
                diagnose(
                    .error, .rstMarkup, "substitution '|\(reference.name)|' refers to itself", range,
                    explanation: "Substitution chain: \(chain).")
                return [Inline(.text(reference.name), range: range)]
            }
            guard substitutionExpansionsLeft > 0 else {
                if substitutionExpansionsLeft == 0 {
                    diagnose(
                        .error, .rstMarkup,
                        "substitutions expand to more than \(Self.maximumSubstitutionExpansions) references", range,
                        explanation: "The rest are shown as their names. Do the definitions use each other?")
                    substitutionExpansionsLeft = -1
                }
                return [Inline(.text(reference.name), range: range)]
            }
            substitutionExpansionsLeft -= 1
            expandingSubstitutions.append(reference.name)
            // The definition's text may come from an included file; its findings are reported there.
            let usingFile = currentFile
            currentFile = substitutionFiles[reference.name] ?? currentFile
            defer {
                expandingSubstitutions.removeLast()
                currentFile = usingFile
            }
            return lowerInlines(inlines).map { Inline($0.kind, range: range) }
        }
        if let text = options.substitutions[reference.name] {
            return [Inline(.text(text), range: range)]
        }
        let suggestion =
            spendSuggestion()
            ? DidYouMean.phrase(
                for: reference.name, among: Array(substitutions.keys) + Array(options.substitutions.keys)) : ""
        diagnose(
            .warning, .rstUnknownSubstitution,
            "substitution '|\(reference.name)|' is not defined" + suggestion,
            range,
            explanation: "Define it in the file ('.. |\(reference.name)| replace:: text') or under "
                + "'substitutions' in stepdoc.yml. It is shown as written, bars and all, as Sphinx shows it.")
        return [Inline(.text("|\(reference.name)|"), range: range)]
    }
}
