import StepSyntax

extension Procedure {
    /// Reads and lowers one step file: parse, then lower. Problems are appended to `diagnostics`.
    public init(parsing file: SourceFile, options: LoweringOptions = LoweringOptions(), diagnostics: inout [Diagnostic]) {
        let tree = SyntaxTree(parsing: file, options: options.parseOptions)
        diagnostics.append(contentsOf: tree.diagnostics)
        self.init(lowering: tree, options: options, diagnostics: &diagnostics)
    }

    /// Builds the procedure from a parsed file: finds each step's copies in the two branches, pairs
    /// them, and lowers titles and bodies (roles resolved, includes read).
    public init(lowering tree: SyntaxTree, options: LoweringOptions = LoweringOptions(), diagnostics: inout [Diagnostic]) {
        var lowerer = ProcedureLowerer(tree: tree, options: options)
        self = lowerer.lower()
        diagnostics.append(contentsOf: lowerer.diagnostics)
    }
}
