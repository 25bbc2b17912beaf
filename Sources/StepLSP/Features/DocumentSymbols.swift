import StepModel
import StepSyntax

/// `textDocument/documentSymbol`: the outline of a procedure, its numbered steps with the headings of
/// their actions as children.
struct DocumentSymbols {
    let analysis: DocumentAnalysis
    let server: FeatureContext

    /// SymbolKind: 5 class for a step (what an outline shows as a section), 13 variable… 15 string for a
    /// heading inside it.
    static let stepKind = 5
    static let headingKind = 15

    func symbols() -> JSON {
        guard let procedure = analysis.procedure else { return [] }
        var symbols: [JSON] = []
        for (index, step) in procedure.steps.enumerated() {
            let copy = step.primary
            let number = copy.numberText.isEmpty ? String(index + 1) : copy.numberText
            let name =
                "Step \(number): " + (copy.isOptional ? "Optional: " : "")
                + (copy.titleText.isEmpty ? "(untitled)" : copy.titleText)
            let range = analysis.range(copy.range, encoding: server.encoding)
            var selection = analysis.range(copy.titleRange, encoding: server.encoding)
            if !range.contains(selection.start) || !range.contains(selection.end) { selection = range }
            let children = headings(in: copy.body, within: range)
            if server.capabilities.hierarchicalSymbols {
                var symbol: [String: JSON] = [
                    "name": .string(name), "kind": .integer(Self.stepKind), "range": range.json,
                    "selectionRange": selection.json,
                ]
                if let summary = checkSummary(ofStep: index) { symbol["detail"] = .string(summary) }
                if !children.isEmpty {
                    symbol["children"] = .array(
                        children.map { heading in
                            [
                                "name": .string(heading.name), "kind": .integer(Self.headingKind),
                                "range": heading.range.json, "selectionRange": heading.range.json,
                            ]
                        })
                }
                symbols.append(.object(symbol))
            } else {
                symbols.append(information(name, kind: Self.stepKind, range: range, container: nil))
                for heading in children {
                    symbols.append(
                        information(heading.name, kind: Self.headingKind, range: heading.range, container: name))
                }
            }
        }
        return .array(symbols)
    }

    private func information(_ name: String, kind: Int, range: PositionRange, container: String?) -> JSON {
        var symbol: [String: JSON] = [
            "name": .string(name), "kind": .integer(kind),
            "location": ["uri": .string(analysis.document.uri), "range": range.json],
        ]
        if let container { symbol["containerName"] = .string(container) }
        return .object(symbol)
    }

    /// The headings of a step's body (its actions), in order, in this file.
    private func headings(in blocks: [Block], within step: PositionRange) -> [(name: String, range: PositionRange)] {
        var found: [(String, PositionRange)] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .heading(let heading):
                    let range = analysis.range(block.range, encoding: server.encoding)
                    if step.contains(range.start), !heading.text.isEmpty { found.append((heading.text, range)) }
                case .container(let container): visit(container.body)
                case .conditional(let conditional): visit(conditional.body)
                default: break
                }
            }
        }
        visit(blocks)
        return found
    }

    /// "check server-version" for a step a check of the bound suite implements.
    private func checkSummary(ofStep index: Int) -> String? {
        guard let suite = analysis.suite else { return nil }
        let checks = analysis.matching?.matches(forStep: index).map { suite.checks[$0.check].id } ?? []
        return checks.isEmpty ? nil : "check " + checks.joined(separator: ", ")
    }
}
