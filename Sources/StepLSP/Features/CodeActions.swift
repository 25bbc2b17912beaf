import StepModel
import StepParity
import StepSyntax

/// Quick fixes for the findings under the cursor: each finding's fix-its (a longer underline, a
/// renumbered step, the value the check enforces, the role or directive meant), and for findings
/// about the steps' scaffolding, the file regenerated as `stepdoc fmt` (`--from html` or
/// `--from text`) would write it.
struct CodeActions {
    let analysis: DocumentAnalysis
    let server: FeatureContext

    /// The findings `fmt` repairs by regenerating the scaffolding.
    static let regenerated: Set<RuleID> = [
        .stepsBranchesAgree, .stepsMissingBranch, .stepsNumbering, .stepsBranchOrder, .rstHeadingLevels,
    ]

    func actions(_ params: JSON) throws(ResponseError) -> JSON {
        guard let source = analysis.source else { return [] }
        guard let range = PositionRange(json: params["range"]) else { throw .invalidParams("'range' is missing") }
        let only = params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        func wanted(_ kind: String) -> Bool {
            only.map { $0.contains { kind == $0 || kind.hasPrefix($0 + ".") } } ?? true
        }
        var conversion = DiagnosticConversion(
            analysis: analysis, encoding: server.encoding, capabilities: server.capabilities)
        var actions: [JSON] = []
        var regenerating: [JSON] = []
        for diagnostic in source.diagnostics {
            guard let location = diagnostic.location, location.file == analysis.file.path,
                analysis.range(location.range, encoding: server.encoding).overlaps(range)
            else { continue }
            let lspDiagnostic = conversion.convert(diagnostic)
            if wanted("quickfix") {
                actions += fixItActions(diagnostic, lspDiagnostic: lspDiagnostic, locations: &conversion.locations)
                if Self.regenerated.contains(diagnostic.id) { regenerating.append(lspDiagnostic) }
                if diagnostic.id == .parityUndefinedStep,
                    let insertion = CheckInsertion(analysis: analysis, encoding: server.encoding)
                        .action(forStepTitleAt: location.range, diagnostic: lspDiagnostic)
                {
                    actions.append(insertion)
                }
            }
        }
        if !regenerating.isEmpty {
            actions += regenerateActions(diagnostics: regenerating)
        }
        if wanted("source.fixAll.stepdoc"), let all = fixAllAction(source.diagnostics) {
            actions.append(all)
        }
        return .array(actions)
    }

    /// One action per distinct fix-it message: fix-its that share a message go together (the same
    /// fix in both branches, an underline with its overline); different messages are alternatives.
    private func fixItActions(_ diagnostic: Diagnostic, lspDiagnostic: JSON, locations: inout LocationConversion)
        -> [JSON]
    {
        var groups: [(message: String, fixIts: [FixIt])] = []
        for fixIt in diagnostic.fixIts {
            if let index = groups.firstIndex(where: { $0.message == fixIt.message }) {
                groups[index].fixIts.append(fixIt)
            } else {
                groups.append((fixIt.message, [fixIt]))
            }
        }
        return groups.map { group in
            var changes: [String: [JSON]] = [:]
            for fixIt in group.fixIts {
                let (uri, range) = locations.resolve(fixIt.location)
                changes[uri, default: []].append(["range": range.json, "newText": .string(fixIt.replacement)])
            }
            return [
                "title": .string(Self.capitalized(group.message)),
                "kind": "quickfix",
                "diagnostics": [lspDiagnostic],
                "isPreferred": .bool(groups.count == 1),
                "edit": ["changes": .object(changes.mapValues { .array($0) })],
            ]
        }
    }

    /// "Regenerate the other branch from this one": the whole file as `fmt --from` writes it.
    private func regenerateActions(diagnostics: [JSON]) -> [JSON] {
        var actions: [JSON] = []
        for (branch, title) in [
            (Branch.html, "Regenerate the other branch from the HTML branch (stepdoc fmt --from html)"),
            (Branch.print, "Regenerate the HTML branch from the other branch (stepdoc fmt --from text)"),
        ] {
            guard
                let formatted = try? GizaFormatter.format(
                    analysis.file, options: analysis.pipeline.lowering, from: branch),
                formatted != analysis.file.bytes
            else { continue }
            actions.append([
                "title": .string(title),
                "kind": "quickfix",
                "diagnostics": .array(diagnostics),
                "isPreferred": .bool(branch == .html),
                "edit": [
                    "changes": [
                        analysis.document.uri: .array(
                            TextEdits.edits(from: analysis.document, to: formatted, encoding: server.encoding))
                    ]
                ],
            ])
        }
        return actions
    }

    /// Every finding's fix-it at once, where the finding has one fix and no two fixes overlap.
    private func fixAllAction(_ diagnostics: [Diagnostic]) -> JSON? {
        var taken: [SourceRange] = []
        var edits: [JSON] = []
        for diagnostic in diagnostics {
            let messages = Set(diagnostic.fixIts.map(\.message))
            guard messages.count == 1,
                diagnostic.fixIts.allSatisfy({ $0.location.file == analysis.file.path })
            else { continue }
            let ranges = diagnostic.fixIts.map(\.location.range)
            guard !ranges.contains(where: { range in taken.contains { $0.overlaps(range) || $0 == range } }) else {
                continue
            }
            taken += ranges
            for fixIt in diagnostic.fixIts {
                edits.append([
                    "range": analysis.range(fixIt.location.range, encoding: server.encoding).json,
                    "newText": .string(fixIt.replacement),
                ])
            }
        }
        guard !edits.isEmpty else { return nil }
        return [
            "title": "Apply every stepdoc fix in the file",
            "kind": "source.fixAll.stepdoc",
            "edit": ["changes": [analysis.document.uri: .array(edits)]],
        ]
    }

    static func capitalized(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst()
    }
}
