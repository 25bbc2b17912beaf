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
        let text = try ProcedureText(giza: file, procedure: procedure, branch: branch, lowering: lowering)
        return GizaWriter.bytes(text.renumbered())
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
