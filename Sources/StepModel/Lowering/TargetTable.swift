import StepSyntax

/// Named hyperlink targets of a file, as `name_` and `` `text`_ `` references find them.
struct TargetTable {
    struct Entry {
        var name: String
        var destination: HyperlinkTarget.Destination
        var range: SourceRange
        var file: String
    }

    /// By normalized name.
    var entries: [String: Entry] = [:]

    /// The URL a name leads to, following aliases (`.. _a: b_`); labels lead to `#name`.
    func destination(of normalizedName: String) -> String? {
        var name = normalizedName
        var seen: Set<String> = []
        while seen.insert(name).inserted, let entry = entries[name] {
            switch entry.destination {
            case .url(let url, _): return url
            case .label: return "#" + Self.anchor(for: entry.name)
            case .alias(let other, _): name = ReferenceName.normalize(other)
            }
        }
        return nil
    }

    /// An HTML id for a label, as docutils makes them: lowercase, runs of other characters as "-".
    static func anchor(for name: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }
}

extension ProcedureLowerer {
    /// Records targets and substitution definitions before lowering, so references may come first.
    mutating func collectDefinitions(in blocks: [BlockNode]) {
        for block in blocks {
            switch block.kind {
            case .hyperlinkTarget(let target):
                register(target, range: block.range)
            case .substitutionDefinition(let definition):
                substitutionFiles[definition.name] = currentFile
                if case .blocks(let content) = definition.directive.content, definition.directive.name == "replace",
                    case .paragraph(let paragraph)? = content.first?.kind
                {
                    substitutions[definition.name] = paragraph.inlines
                } else if definition.directive.name == "replace" || definition.directive.name == "unicode" {
                    substitutions[definition.name] = []
                } else if definition.directive.name == "image" {
                    let alt = definition.directive.option("alt") ?? definition.name
                    substitutions[definition.name] = [InlineNode(kind: .text(alt), range: block.range)]
                }
            case .directive(let directive):
                if case .blocks(let children) = directive.content { collectDefinitions(in: children) }
            case .bulletList(let list):
                for item in list.items { collectDefinitions(in: item.blocks) }
            case .enumeratedList(let list):
                for item in list.items { collectDefinitions(in: item.blocks) }
            case .blockQuote(let children):
                collectDefinitions(in: children)
            case .definitionList(let items):
                for item in items { collectDefinitions(in: item.definition) }
            case .fieldList(let fields):
                for field in fields { collectDefinitions(in: field.body) }
            case .footnote(let footnote):
                collectDefinitions(in: footnote.blocks)
            case .paragraph, .sectionTitle, .literalBlock, .lineBlock, .comment, .transition:
                break
            }
        }
    }

    private mutating func register(_ target: HyperlinkTarget, range: SourceRange) {
        if target.isAnonymous {
            if case .url(let url, _) = target.destination { anonymousTargets.append(url) }
            return
        }
        let key = target.normalizedName
        if let existing = targets.entries[key] {
            // The same target in both branches of a giza file is normal; a different destination is not.
            guard existing.destination.value != target.destination.value else { return }
            diagnose(
                .warning, .rstDuplicateTarget,
                "hyperlink target '\(target.name)' is defined again with a different destination",
                target.nameRange,
                explanation: "'\(existing.destination.value)' first, now '\(target.destination.value)'; "
                    + "references use the first.",
                notes: [
                    DiagnosticNote(
                        message: "first defined here",
                        location: DiagnosticLocation(file: existing.file, range: existing.range))
                ])
            return
        }
        targets.entries[key] = TargetTable.Entry(
            name: target.name, destination: target.destination, range: target.nameRange, file: currentFile)
    }
}

extension HyperlinkTarget.Destination {
    /// The destination as text, for comparing and messages.
    var value: String {
        switch self {
        case .url(let url, _): url
        case .alias(let name, _): name + "_"
        case .label: "(label)"
        }
    }
}
