import StepModel
import StepSyntax

/// `textDocument/formatting`: the edits `stepdoc fmt` would make to the document's unsaved text.
struct DocumentFormatting {
    let analysis: DocumentAnalysis
    let server: FeatureContext

    func edits() throws(ResponseError) -> JSON {
        guard analysis.procedure?.format == .gizaRST else { return [] }
        // As FormatAction: read again with the lowering's findings, which regeneration needs.
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: analysis.file, options: analysis.pipeline.lowering, diagnostics: &diagnostics)
        let formatted: [UInt8]
        do {
            formatted = try GizaFormatter.format(
                analysis.file, procedure: procedure, lowering: diagnostics, from: .html)
        } catch {
            let first =
                error.diagnostics.first.map { finding in
                    (finding.location.map { "\($0.range.lowerBound.line):\($0.range.lowerBound.column): " } ?? "")
                        + finding.summary
                } ?? "it would lose content"
            throw ResponseError(
                .requestFailed, "stepdoc fmt: not formatted: regenerating it would lose content (\(first))")
        }
        return .array(TextEdits.edits(from: analysis.document, to: formatted, encoding: server.encoding))
    }
}
