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
            output.append(link(uri.destination, [Inline(.text(uri.text), range: range)], role: nil, range: range))
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
            let suggestions = spendSuggestion() ? DidYouMean.suggestions(for: name, among: options.roles.names) : []
            diagnose(
                .warning, .rstUnknownRole, "unknown role '\(name)'" + DidYouMean.phrase(suggestions), roleRange,
                explanation:
                    "Its text is shown as it is. Add the role to 'roles' in stepdoc.yml if the project defines it.",
                fixIts: interpreted.roleRange == nil ? [] : suggestionFixIts(suggestions, range: roleRange) { ":\($0):" })
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
            let text = [Inline(.text(title ?? target), range: range)]
            guard roleTargetFits(template, target: target, role: name, range: range) else {
                return Inline(.span(Span(role: name, text: title ?? target)), range: range)
            }
            let url = RoleDefinition.Kind.expand(template: template, target: target, addsTrailingSlash: slash)
            return link(url, text, role: name, range: range)
        case .code(let template):
            var display = title ?? target
            if title == nil, shortened { display = Self.lastComponent(of: target) }
            let code = Inline(.code(Code(text: display, role: name, target: target)), range: range)
            guard let template, roleTargetFits(template, target: target, role: name, range: range) else { return code }
            let url = RoleDefinition.Kind.expand(template: template, target: target, addsTrailingSlash: false)
            return link(url, [code], role: name, range: range)
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

    /// A link to `destination`; a URL that can run script is an `rst.unsafe-url` finding here (the
    /// renderers then show the text alone) unless raw HTML is trusted.
    private mutating func link(_ destination: String, _ children: [Inline], role: String?, range: SourceRange) -> Inline
    {
        checkURL(destination, range: range, what: "link")
        return Inline(.link(Link(destination: destination, children: children, role: role)), range: range)
    }

    /// Reports `url` when its scheme can run script and the policy leaves such URLs out.
    mutating func checkURL(_ url: String, range: SourceRange, what: String) {
        guard options.rawHTML == .omit, let scheme = ScriptURL.scheme(of: url) else { return }
        diagnose(
            .warning, .rstUnsafeURL, "\(what) to a '\(scheme):' URL is left out of the output", range,
            explanation:
                "A '\(scheme):' URL can run script in the page or read local files; the text is shown without the "
                + "link. " + RawHTMLPolicy.optIn)
    }

    /// Whether `target` can go into the link role's URL template: a template that continues a path
    /// (`…/docs/manual%s`) takes a path starting with '/', and no template takes a URL of its own (that
    /// would glue a scheme onto the base URL). Otherwise an `rst.role-target` finding, and no link.
    private mutating func roleTargetFits(_ template: String, target: String, role: String, range: SourceRange) -> Bool
    {
        let bytes = Array(template.utf8)
        let marker = Self.firstIndex(of: [UInt8(ascii: "%"), UInt8(ascii: "s")], in: bytes) ?? bytes.count
        // A template that is the target alone (`%s`) makes the target the URL: the URL check decides.
        guard marker > 0 else { return true }
        let before = bytes[marker - 1]
        // `…/manual%s` continues a path; `…/#tag%s` and `…?q=%s` do not, nor `…/rfc%s` with a number.
        let continuesPath =
            ((before | 0x20 >= 0x61 && before | 0x20 <= 0x7A) || (before >= 0x30 && before <= 0x39))
            && !bytes[..<marker].contains(UInt8(ascii: "#")) && !bytes[..<marker].contains(UInt8(ascii: "?"))
            && !target.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        let problem: String
        if ScriptURL.hasScheme(target) {
            problem = "is a URL, not a path under the role's base URL"
        } else if continuesPath, !target.hasPrefix("/") {
            problem = "must be a path starting with '/'"
        } else {
            return true
        }
        diagnose(
            .warning, .rstRoleTarget, "the target '\(target)' of role '\(role)' \(problem)", range,
            explanation:
                "':\(role):' links to '\(RoleDefinition.Kind.expand(template: template, target: "/…", addsTrailingSlash: false))'; "
                + "the text is shown without a link. Write the target as a path, e.g. ':\(role):`text </path/page>`', "
                + "or use an ordinary link `text <https://…>`_ for another site.")
        return false
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
            return link(uri, text, role: nil, range: range)
        case .embeddedAlias(let name), .name(let name):
            if let destination = targets.destination(of: ReferenceName.normalize(name)) {
                return link(destination, text, role: nil, range: range)
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
                return link(anonymousTargets[anonymousReferencesSeen], text, role: nil, range: range)
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
