import StepSyntax

extension Procedure {
    /// Reads and lowers one step file in a single streaming pass: each top-level block is lowered as
    /// soon as it is parsed and then dropped, so memory holds the model, not the syntax tree too.
    public init(parsing file: SourceFile, options: LoweringOptions = LoweringOptions(), diagnostics: inout [Diagnostic])
    {
        var suppressions = Suppressions(file: file.path)
        self.init(parsing: file, options: options, diagnostics: &diagnostics, suppressions: &suppressions)
    }

    /// As ``init(parsing:options:diagnostics:)``, also collecting the file's ignore comments.
    public init(
        parsing file: SourceFile, options: LoweringOptions = LoweringOptions(), diagnostics: inout [Diagnostic],
        suppressions: inout Suppressions
    ) {
        var reader = ProcedureReader(file: file, options: options)
        let parsed = SyntaxTree.stream(file, options: options.parseOptions) { block, styles in
            reader.consume(block, titleStyles: styles)
        }
        self = reader.finish(parsed: parsed, diagnostics: &diagnostics, suppressions: &suppressions)
    }

    /// Builds the procedure from a parsed file: finds each step's copies in the two branches, pairs
    /// them, and lowers titles and bodies (roles resolved, includes read).
    public init(
        lowering tree: SyntaxTree, options: LoweringOptions = LoweringOptions(), diagnostics: inout [Diagnostic]
    ) {
        var lowerer = ProcedureLowerer(filePath: tree.file.path, options: options)
        lowerer.titleStyles = tree.titleStyles
        lowerer.collectDefinitions(in: tree.blocks)
        for block in tree.blocks { lowerer.consume(block) }
        self = lowerer.finish()
        diagnostics.append(contentsOf: lowerer.diagnostics)
    }
}
