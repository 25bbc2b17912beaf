import Foundation
import StepModel
import StepSyntax

/// `textDocument/definition`: from a step to the Swift declaration of the check that implements it;
/// from an `include`, `literalinclude`, `image` or `figure` to the file it names; from a hyperlink
/// reference (or `:ref:`, or a substitution) to the target it names.
struct Definition {
    let analysis: DocumentAnalysis
    let server: FeatureContext

    func locations(_ params: JSON) throws(ResponseError) -> JSON {
        guard let position = Position(json: params["position"]) else { throw .invalidParams("'position' is missing") }
        let location = analysis.location(of: position, encoding: server.encoding)
        let query = SyntaxQuery(tree: analysis.syntax)
        var conversion = LocationConversion(analysis: analysis, encoding: server.encoding)
        if let node = query.inline(at: location), let name = ReferenceNames.name(referencedBy: node) {
            let targets = ReferenceNames.definitions(of: name, in: query)
            return .array(targets.map { conversion.location(DiagnosticLocation(file: analysis.file.path, range: $0)) })
        }
        if let (directive, _) = query.directiveHeader(at: location),
            ["include", "literalinclude", "image", "figure"].contains(directive.name),
            let path = includedPath(directive.argument)
        {
            guard FileManager.default.fileExists(atPath: path) else { return [] }
            let start = Position(line: 0, character: 0)
            return [["uri": .string(FileURI.uri(ofPath: path)), "range": PositionRange(start: start, end: start).json]]
        }
        if let (index, _) = StepLocator(analysis: analysis).step(at: location), let suite = analysis.suite,
            let matching = analysis.matching
        {
            return .array(
                matching.matches(forStep: index).map { match in
                    let declaration = suite.checks[match.check].declaration
                    let start = SourceLocation(line: declaration.line, column: declaration.column)
                    return conversion.location(
                        DiagnosticLocation(
                            file: declaration.file,
                            range: start..<SourceLocation(line: declaration.line, column: declaration.column + 1)))
                })
        }
        return .null
    }

    /// The absolute path an include names: `/x` from the source root, `x` from the file's folder.
    private func includedPath(_ argument: String) -> String? {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let base: String
        var relative = trimmed
        if trimmed.hasPrefix("/") {
            base = analysis.project.absolutePath(analysis.sourceRoot)
            relative.removeFirst()
        } else {
            base = (analysis.path as NSString).deletingLastPathComponent
        }
        return ((base as NSString).appendingPathComponent(relative) as NSString).standardizingPath
    }
}

/// `textDocument/references`: the uses of a hyperlink target (named references, `:ref:` roles), from
/// the target or from any of its uses.
struct References {
    let analysis: DocumentAnalysis
    let server: FeatureContext

    func locations(_ params: JSON) throws(ResponseError) -> JSON {
        guard let position = Position(json: params["position"]) else { throw .invalidParams("'position' is missing") }
        let location = analysis.location(of: position, encoding: server.encoding)
        let query = SyntaxQuery(tree: analysis.syntax)
        var name: String? = query.inline(at: location).flatMap(ReferenceNames.name(referencedBy:))
        if name == nil {
            query.forEachTarget { target in
                if name == nil, target.nameRange.lowerBound.line == location.line, !target.isAnonymous {
                    name = target.normalizedName
                }
            }
        }
        guard let name else { return .null }
        var ranges: [SourceRange] = []
        if params["context"]?["includeDeclaration"]?.boolValue ?? false {
            ranges += ReferenceNames.definitions(of: name, in: query)
        }
        query.forEachInline { node in
            if ReferenceNames.name(referencedBy: node) == name { ranges.append(node.range) }
        }
        return .array(
            ranges.map { range in
                ["uri": .string(analysis.document.uri), "range": analysis.range(range, encoding: server.encoding).json]
            })
    }
}

/// The names references and targets are matched by (docutils' normalized reference names).
enum ReferenceNames {
    /// The target name an inline node refers to: `name`_, `text <name_>`_, :ref:`label`, |sub|.
    static func name(referencedBy node: InlineNode) -> String? {
        switch node.kind {
        case .reference(let reference):
            switch reference.target {
            case .name(let name), .embeddedAlias(let name): return ReferenceName.normalize(name)
            case .embeddedURI, .anonymous: return nil
            }
        case .interpretedText(let text) where text.role == "ref" || text.role == "std:ref":
            return ReferenceName.normalize(text.titleAndTarget.target)
        case .substitutionReference(let reference):
            return "|" + reference.name + "|"
        default:
            return nil
        }
    }

    /// Where `name` is defined: hyperlink targets, and substitution definitions for `|name|`.
    static func definitions(of name: String, in query: SyntaxQuery) -> [SourceRange] {
        var ranges: [SourceRange] = []
        query.forEachTarget { target in
            if !target.isAnonymous, target.normalizedName == name { ranges.append(target.nameRange) }
        }
        if name.hasPrefix("|") {
            func visit(_ blocks: [BlockNode]) {
                for block in blocks {
                    if case .substitutionDefinition(let definition) = block.kind, "|" + definition.name + "|" == name {
                        ranges.append(definition.nameRange)
                    }
                    SyntaxQuery.children(of: block).forEach { visit($0) }
                }
            }
            visit(query.tree.blocks)
        }
        return ranges
    }
}
