/// A parsed reStructuredText file: its blocks, the problems found reading it, and its title styles.
public struct SyntaxTree: Sendable {
    public let file: SourceFile
    public let blocks: [BlockNode]
    public let diagnostics: [Diagnostic]
    /// Title adornment styles in order of first appearance; a title's level is its style's index + 1.
    public let titleStyles: [TitleStyle]

    /// Reads `file`. Never fails: problems become diagnostics and the content is kept.
    public init(parsing file: SourceFile, options: ParseOptions = ParseOptions()) {
        self.file = file
        var diagnostics = Self.encodingDiagnostics(file, firstLine: options.firstLine)
        let result = BlockParser.parse(file, options: options)
        diagnostics.append(contentsOf: result.diagnostics)
        self.blocks = result.blocks
        self.diagnostics = diagnostics
        self.titleStyles = result.titleStyles
    }
}

extension SyntaxTree {
    /// Reads `file` block by block: `topLevel` gets each top-level block as soon as it is read (with
    /// the title styles seen so far), and
    /// the result holds the problems found and the title styles. Memory stays at one block's worth.
    public static func stream(
        _ file: SourceFile, options: ParseOptions = ParseOptions(), topLevel: (BlockNode, [TitleStyle]) -> Void
    ) -> (diagnostics: [Diagnostic], titleStyles: [TitleStyle]) {
        var diagnostics = encodingDiagnostics(file, firstLine: options.firstLine)
        let result = BlockParser.parse(file, options: options, topLevel: topLevel)
        diagnostics.append(contentsOf: result.diagnostics)
        return (diagnostics, result.titleStyles)
    }

    /// The hyperlink targets and substitution definitions of `file`, by a quick scan of its lines
    /// (so that a single streaming pass can resolve references to targets defined further down).
    public static func definitions(in file: SourceFile, options: ParseOptions = ParseOptions()) -> [BlockNode] {
        BlockParser.definitions(file, options: options)
    }

    static func encodingDiagnostics(_ file: SourceFile, firstLine: Int = 1) -> [Diagnostic] {
        file.encodingDiagnostics(firstLine: firstLine) + (tabIndentation(file, firstLine: firstLine).map { [$0] } ?? [])
    }

    /// A warning at the first line indented with a tab, in a file whose other lines are indented with
    /// spaces: reStructuredText counts a tab as up to 8 columns, so such a line is rarely nested as
    /// it looks (a step body line becomes a block quote). Tabs after leading spaces are left alone:
    /// inside an indented code block they are the code's own.
    static func tabIndentation(_ file: SourceFile, firstLine: Int = 1) -> Diagnostic? {
        var firstTab: Int? = nil
        var tabLines = 0
        var hasSpaceIndentation = false
        for (index, line) in file.lines.enumerated() where !line.isBlank && line.contentStart > line.start {
            if file.bytes[Int(line.start)] == 0x09 {
                tabLines += 1
                if firstTab == nil { firstTab = index }
            } else if file.bytes[Int(line.start)] == 0x20 {
                hasSpaceIndentation = true
            }
        }
        guard let firstTab, hasSpaceIndentation else { return nil }
        let start = SourceLocation(line: firstTab + firstLine, column: 1)
        let lines = tabLines == 1 ? "this line is" : "\(tabLines) lines are"
        return Diagnostic(
            severity: .warning, id: .rstMarkup, summary: "indentation mixes tabs and spaces",
            explanation: "A tab counts as up to 8 columns, so \(lines) nested deeper than the lines indented with "
                + "spaces may suggest. Indent with spaces only.",
            location: DiagnosticLocation(
                file: file.path, range: start..<SourceLocation(line: firstTab + firstLine, column: 2)))
    }
}

/// Settings for reading a file.
public struct ParseOptions: Sendable {
    /// Blocks nested deeper than this (lists in lists, directives in directives) are kept as literal
    /// text with a `limits.nesting-depth` diagnostic instead of being read, so no input can exhaust the
    /// stack.
    public var maximumNestingDepth: Int
    /// Title styles already in use (an included file continues its includer's levels).
    public var titleStyles: [TitleStyle]
    public var directives: DirectiveSpecTable
    /// The nesting depth of the file's top-level blocks: 0 for a file of its own, the depth of the
    /// include directive for an included file, so that includes cannot multiply the limit.
    public var startingDepth: Int
    /// The line the file's first line stands on in the file it was taken from (a giza YAML field is
    /// read where it is written): every position is reported that many lines down, without the parser
    /// reading blank lines above it (which would make a file of many fields quadratic).
    public var firstLine: Int = 1

    public init(
        maximumNestingDepth: Int = 64, titleStyles: [TitleStyle] = [],
        directives: DirectiveSpecTable = .standard, startingDepth: Int = 0
    ) {
        self.maximumNestingDepth = maximumNestingDepth
        self.titleStyles = titleStyles
        self.directives = directives
        self.startingDepth = startingDepth
    }
}
