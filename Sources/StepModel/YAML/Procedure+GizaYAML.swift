import StepSyntax

extension Procedure {
    /// Reads a giza steps YAML file (`steps-*.yaml`): one step per YAML document, `source:`/`inherit:`
    /// resolved through `options.includes`, each step lowered to one copy whose ranges point into the
    /// YAML file (or the file an inherited field comes from).
    public init(
        parsingGizaYAML file: SourceFile, options: LoweringOptions = LoweringOptions(), diagnostics: inout [Diagnostic]
    ) {
        var bytesParsed = 0
        self.init(parsingGizaYAML: file, options: options, diagnostics: &diagnostics, bytesParsed: &bytesParsed)
    }

    /// Reads a giza steps YAML file, counting in `bytesParsed` the bytes its fields gave the reST reader
    /// (the measure of its cost that tests compare between file sizes).
    package init(
        parsingGizaYAML file: SourceFile, options: LoweringOptions, diagnostics: inout [Diagnostic],
        bytesParsed: inout Int
    ) {
        var reader = GizaYAMLReader(includes: options.includes, maximumDepth: options.maximumIncludeDepth)
        let steps = reader.steps(of: file)
        diagnostics.append(contentsOf: reader.diagnostics)
        var lowerer = ProcedureLowerer(filePath: file.path, options: options)
        self = lowerer.lowerGizaYAML(steps)
        bytesParsed += lowerer.bytesParsed
        // Fields inherited from another file are that file's: their findings are reported when it is read.
        diagnostics.append(contentsOf: lowerer.diagnostics.filter { ($0.location?.file ?? file.path) == file.path })
    }

    /// Reads a file in whichever format it is: giza YAML by its name (`.yaml`, `.yml`), otherwise
    /// reStructuredText, giza's branches or a `.. procedure::` recognised by content.
    public init(
        reading file: SourceFile, options: LoweringOptions = LoweringOptions(), diagnostics: inout [Diagnostic],
        suppressions: inout Suppressions
    ) {
        switch ProcedureFormat.byName(file.path) {
        case .gizaYAML:
            self.init(parsingGizaYAML: file, options: options, diagnostics: &diagnostics)
        case .gizaRST, .procedureDirective:
            self.init(parsing: file, options: options, diagnostics: &diagnostics, suppressions: &suppressions)
        }
    }
}
