import StepSyntax

extension ProcedureText {
    /// Lowering findings that make a file unsafe to regenerate: what lowering could not read as a step
    /// (a step without a title), and bytes that are not text.
    static let blockingRuleIDs: Set<RuleID> = [
        .stepsStructure, .rstInvalidUTF8, .rstInvalidCharacter, .limitsNestingDepth,
    ]

    /// The steps of a giza step file as text: titles and bodies from `branch` (the HTML branch by
    /// default; a step missing there is taken from the other), content outside the steps kept where
    /// it is.
    ///
    /// - Parameters:
    ///   - file: the file `procedure` was lowered from.
    ///   - lowering: the findings of lowering it; errors about the step structure or the bytes make
    ///     the file unsafe to regenerate.
    /// - Throws: ``RegenerationRefusal`` with the reasons, when regenerating would lose content.
    public init(giza file: SourceFile, procedure: Procedure, branch: Branch = .html, lowering: [Diagnostic])
        throws(RegenerationRefusal)
    {
        let blocking = lowering.filter {
            $0.severity == .error && Self.blockingRuleIDs.contains($0.id)
                && ($0.location?.file ?? file.path) == file.path
        }
        guard blocking.isEmpty else { throw RegenerationRefusal(file: file.path, diagnostics: blocking) }
        var reader = GizaSourceReader(file: file, procedure: procedure)
        guard let text = reader.read(branch: branch) else {
            throw RegenerationRefusal(file: file.path, diagnostics: reader.problems)
        }
        self = text
    }
}
