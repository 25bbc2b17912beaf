import StepSyntax

/// `stepdoc fmt`: rewrites a giza step file from its steps, so the two branches are regenerated from
/// one, the numbers run 1, 2, 3 … and every underline has its era's length.
///
/// The scaffolding (`only` directives, raw-HTML divs, headings, legacy labels) is written anew in the
/// file's own era and heading characters; each body is the source text of the chosen copy, so a
/// well-formed file comes back byte for byte.
public enum GizaFormatter {
    /// The file's formatted bytes. Files of the other formats, and files without steps, come back as
    /// they are.
    ///
    /// - Parameters:
    ///   - procedure: `file` lowered, with the findings of lowering in `lowering`.
    ///   - branch: the copy whose title and body both branches get.
    /// - Throws: ``RegenerationRefusal`` when regenerating would lose content.
    public static func format(
        _ file: SourceFile, procedure: Procedure, lowering: [Diagnostic], from branch: Branch = .html
    ) throws(RegenerationRefusal) -> [UInt8] {
        guard procedure.format == .gizaRST, !procedure.steps.isEmpty else { return file.bytes }
        let text = try ProcedureText(giza: file, procedure: procedure, branch: branch, lowering: lowering).renumbered()
        let bytes = GizaWriter.bytes(text)
        try verify(bytes, of: text, original: file, procedure: procedure)
        return bytes
    }

    /// Reads the result back: it must hold the same steps, each in both branches, and format to
    /// itself. A body that holds step markup of its own (a sequence-step div, a "Step N:" heading
    /// swallowed from a damaged neighbour) would be read differently next time; such a file is refused
    /// rather than rewritten into something fmt would rewrite again.
    private static func verify(_ bytes: [UInt8], of text: ProcedureText, original: SourceFile, procedure: Procedure)
        throws(RegenerationRefusal)
    {
        let result = SourceFile(path: original.path, bytes: bytes)
        var diagnostics: [Diagnostic] = []
        let reread = Procedure(parsing: result, diagnostics: &diagnostics)
        var stable =
            reread.steps.count == text.steps.count
            && reread.steps.allSatisfy { $0.html != nil && $0.print != nil }
        if stable, let again = try? ProcedureText(giza: result, procedure: reread, lowering: diagnostics) {
            stable = GizaWriter.bytes(again.renumbered()) == bytes
        } else {
            stable = false
        }
        guard !stable else { return }
        // Point at the first step that does not come back in both branches, or at the first step.
        let index = reread.steps.firstIndex { $0.html == nil || $0.print == nil } ?? 0
        let range = procedure.steps[min(index, procedure.steps.count - 1)].primary.heading.range
        throw RegenerationRefusal(
            file: original.path,
            diagnostics: [
                Diagnostic(
                    severity: .error, id: .stepsStructure,
                    summary: "regenerating the file would not read back as the same steps",
                    explanation:
                        "A step's body holds markup that starts a step (a sequence-step div, a 'Step N:' heading, "
                        + "an `.. only::` branch); fix the branches around this step by hand, then run fmt again.",
                    location: DiagnosticLocation(file: original.path, range: range))
            ])
    }

    /// Reads, lowers and formats `file` with `options` (no rules run: fmt needs only the steps).
    public static func format(
        _ file: SourceFile, options: LoweringOptions = LoweringOptions(), from branch: Branch = .html
    ) throws(RegenerationRefusal) -> [UInt8] {
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(parsing: file, options: options, diagnostics: &diagnostics)
        return try format(file, procedure: procedure, lowering: diagnostics, from: branch)
    }
}
