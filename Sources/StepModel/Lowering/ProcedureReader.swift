import StepSyntax

/// Lowers a step file one top-level block at a time, as the parser hands them over, so a caller can
/// parse and lower on two threads (StepProject does for large files) while this module stays free of
/// threads.
public struct ProcedureReader: Sendable {
    private var lowerer: ProcedureLowerer
    private var suppressions: Suppressions
    private let file: SourceFile

    /// A reader of `file`, with its hyperlink targets already found (references may come first).
    public init(file: SourceFile, options: LoweringOptions) {
        self.file = file
        lowerer = ProcedureLowerer(filePath: file.path, options: options)
        lowerer.collectDefinitions(in: SyntaxTree.definitions(in: file, options: options.parseOptions))
        suppressions = Suppressions(file: file.path)
    }

    /// Lowers the next top-level block; `titleStyles` are the heading styles seen up to it.
    public mutating func consume(_ block: BlockNode, titleStyles: [TitleStyle]) {
        lowerer.titleStyles = titleStyles
        suppressions.collect([block], file: file)
        lowerer.consume(block)
    }

    /// The procedure, once the parser is done: `parsed` is what ``SyntaxTree/stream(_:options:topLevel:)``
    /// returned. Findings of parsing and lowering are appended to `diagnostics`.
    public mutating func finish(
        parsed: (diagnostics: [Diagnostic], titleStyles: [TitleStyle]), diagnostics: inout [Diagnostic],
        suppressions collected: inout Suppressions
    ) -> Procedure {
        diagnostics.append(contentsOf: parsed.diagnostics)
        lowerer.titleStyles = parsed.titleStyles
        let procedure = lowerer.finish()
        diagnostics.append(contentsOf: lowerer.diagnostics)
        collected = suppressions
        return procedure
    }
}
