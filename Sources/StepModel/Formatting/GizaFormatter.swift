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
    ///   - options: what `file` was lowered with, to read the result back the same way.
    public static func format(
        _ file: SourceFile, procedure: Procedure, lowering: [Diagnostic], from branch: Branch = .html,
        options: LoweringOptions = LoweringOptions()
    ) throws(RegenerationRefusal) -> [UInt8] {
        guard procedure.format == .gizaRST, !procedure.steps.isEmpty else { return file.bytes }
        let text = try ProcedureText(giza: file, procedure: procedure, branch: branch, lowering: lowering).renumbered()
        let bytes = GizaWriter.bytes(text)
        try verify(bytes, of: text, original: file, procedure: procedure, branch: branch, options: options)
        return bytes
    }

    /// Reads the result back: it must hold the same steps, each in both branches, and format to
    /// itself. A body that holds step markup of its own (a sequence-step div, a "Step N:" heading
    /// swallowed from a damaged neighbour) would be read differently next time; such a file is refused
    /// rather than rewritten into something fmt would rewrite again.
    private static func verify(
        _ bytes: [UInt8], of text: ProcedureText, original: SourceFile, procedure: Procedure, branch: Branch,
        options: LoweringOptions
    ) throws(RegenerationRefusal) {
        let result = SourceFile(path: original.path, bytes: bytes)
        var diagnostics: [Diagnostic] = []
        let reread = Procedure(parsing: result, options: options, diagnostics: &diagnostics)
        var stable =
            reread.steps.count == text.steps.count
            && reread.steps.allSatisfy { $0.html != nil && $0.print != nil }
        if stable, let again = try? ProcedureText(giza: result, procedure: reread, lowering: diagnostics) {
            stable = GizaWriter.bytes(again.renumbered()) == bytes
        } else {
            stable = false
        }
        if stable {
            guard let change = renderingChange(from: procedure, to: reread, branch: branch) else { return }
            let range = procedure.steps[change.step].primary.heading.range
            throw RegenerationRefusal(
                file: original.path,
                diagnostics: [
                    Diagnostic(
                        severity: .error, id: .stepsStructure,
                        summary: "formatting would change what step \(change.step + 1) renders: \(change.reason)",
                        explanation:
                            "fmt only rewrites a file when the result reads as the same steps for every builder; "
                            + "the file is left as it is. Fix this step by hand, then run fmt again.",
                        location: DiagnosticLocation(file: original.path, range: range))
                ])
        }
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

    /// The builders whose `only` tags decide which branch of a giza file they show.
    static let builders = ["html", "dirhtml", "singlehtml", "latex", "epub", "text", "man", "texinfo", "markdown"]

    /// How the formatted file would render differently from the original, if it would: the rendered
    /// model compared step by step. Each step's title and body (in both branches) must be those of the
    /// original's chosen copy, each branch must be shown to the same builders as before (a file mixing
    /// template eras would otherwise change them), and the content outside the steps must stay.
    /// Numbers may change (fmt renumbers), and so may a branch fmt regenerates from the other.
    package static func renderingChange(from original: Procedure, to result: Procedure, branch: Branch)
        -> (step: Int, reason: String)?
    {
        guard original.steps.count == result.steps.count else {
            return (0, "it would hold \(result.steps.count) steps instead of \(original.steps.count)")
        }
        for (index, (before, after)) in zip(original.steps, result.steps).enumerated() {
            guard let chosen = (branch == .html ? before.html ?? before.print : before.print ?? before.html) else {
                continue
            }
            for copy in [after.html, after.print].compactMap({ $0 }) {
                let name = copy.branch == .html ? "HTML branch" : "other branch"
                if !ContentEquivalence.equal(chosen.title, copy.title) || chosen.isOptional != copy.isOptional {
                    return (index, "the title in the \(name) would read differently")
                }
                if !ContentEquivalence.equal(chosen.body, copy.body) {
                    return (index, "the body in the \(name) would read differently (is it indented with tabs?)")
                }
                let previous = copy.branch == .html ? before.html : before.print
                if let previous, shownTo(previous) != shownTo(copy) {
                    return (
                        index,
                        "the \(name) would be shown to \(describe(shownTo(copy))) instead of "
                            + "\(describe(shownTo(previous))) (the file mixes giza template eras)"
                    )
                }
            }
        }
        if !ContentEquivalence.equal(original.looseContent, result.looseContent) {
            return (0, "the content outside the steps would read differently")
        }
        return nil
    }

    private static func shownTo(_ copy: StepCopy) -> [String] {
        builders.filter { copy.expression?.evaluate(tags: [$0]) ?? true }
    }

    private static func describe(_ builders: [String]) -> String {
        builders.isEmpty ? "no builder" : builders.joined(separator: ", ")
    }

    /// Reads, lowers and formats `file` with `options` (no rules run: fmt needs only the steps).
    public static func format(
        _ file: SourceFile, options: LoweringOptions = LoweringOptions(), from branch: Branch = .html
    ) throws(RegenerationRefusal) -> [UInt8] {
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(parsing: file, options: options, diagnostics: &diagnostics)
        return try format(file, procedure: procedure, lowering: diagnostics, from: branch, options: options)
    }
}
