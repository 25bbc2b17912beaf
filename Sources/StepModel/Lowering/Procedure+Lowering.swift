import Dispatch
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
        var lowerer = ProcedureLowerer(filePath: file.path, options: options)
        // References may come before their targets: find the targets first, with a quick line scan.
        lowerer.collectDefinitions(in: SyntaxTree.definitions(in: file, options: options.parseOptions))
        let result: (diagnostics: [Diagnostic], titleStyles: [TitleStyle])
        if options.pipelinesLargeFiles, file.bytes.count >= LoweringOptions.pipelineThreshold {
            // Parse here while another thread lowers what has been parsed.
            let channel = BlockChannel(capacity: 64)
            let half = PipelinedLowering(lowerer: lowerer, suppressions: suppressions)
            let done = DispatchGroup()
            DispatchQueue.global().async(group: done) { half.run(channel, file: file) }
            result = SyntaxTree.stream(file, options: options.parseOptions) { block, styles in
                channel.send((block, styles))
            }
            channel.close()
            done.wait()
            lowerer = half.lowerer
            suppressions = half.suppressions
        } else {
            var collected = suppressions
            result = SyntaxTree.stream(file, options: options.parseOptions) { block, styles in
                lowerer.titleStyles = styles
                collected.collect([block], file: file)
                lowerer.consume(block)
            }
            suppressions = collected
        }
        diagnostics.append(contentsOf: result.diagnostics)
        lowerer.titleStyles = result.titleStyles
        self = lowerer.finish()
        diagnostics.append(contentsOf: lowerer.diagnostics)
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
