import StepDocChecks
import StepModel
import StepParity
import StepProject
import StepSyntax

/// One version of an open document read through the project's pipeline: what diagnostics, code
/// actions and the other requests are answered from.
struct DocumentAnalysis: Sendable {
    let document: TextDocument
    /// The absolute path the document's URI names.
    let path: String
    let project: WorkspaceProject
    let entry: SourceEntry
    let pipeline: Pipeline
    /// The document's text as the parser reads it, under the path findings name.
    let file: SourceFile
    /// The procedure and its findings; `nil` for a document that is not a step file.
    let source: ProcessedSource?

    var version: Int { document.version }

    /// The folder `/x` include paths start from, as findings name paths.
    var sourceRoot: String { project.project.sourceRoot(entries: [entry]) }

    /// The check suite stepdoc.yml binds the procedure to (built in, or from a manifest or a runner).
    var registeredSuite: RegisteredSuite? { project.parity?.bindings.suite(for: entry) }

    /// The definitions of the bound suite's checks.
    var suite: SuiteDefinition? { registeredSuite?.definition }

    /// Which check implements which step, when a suite is bound.
    var matching: StepCheckMatching? {
        guard let suite, let procedure else { return nil }
        return StepCheckMatching(procedure: procedure, suite: suite)
    }
    var procedure: Procedure? { source?.procedure }

    /// Reads `document` as the file at `path` of `project`. Documents that are not step files (by name
    /// or language) are not read.
    init(document: TextDocument, path: String, project: WorkspaceProject) {
        self.document = document
        self.path = path
        self.project = project
        entry = project.entry(forPath: path)
        pipeline = project.pipeline(for: entry)
        file = SourceFile(path: entry.path, bytes: document.bytes)
        if Self.isStepFile(path: path, languageID: document.languageID), !SourceReaderProbe.looksBinary(document.bytes)
        {
            var processed = pipeline.process(entry, file: file)
            if let finding = project.configFinding { processed.diagnostics.insert(finding, at: 0) }
            source = processed
        } else {
            source = nil
        }
    }

    /// Step files by name (`.rst`, giza's `steps-*.yaml`), or any document the client calls
    /// reStructuredText.
    static func isStepFile(path: String, languageID: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".rst") { return true }
        if name.hasPrefix("steps-"), name.hasSuffix(".yaml") || name.hasSuffix(".yml") { return true }
        return ["rst", "restructuredtext"].contains(languageID.lowercased())
    }

    /// The syntax tree of the document (for what is under the cursor), read on demand.
    var syntax: SyntaxTree {
        SyntaxTree(parsing: file, options: pipeline.lowering.parseOptions)
    }

    /// The LSP range of a parser range in this document.
    func range(_ range: SourceRange, encoding: PositionEncoding) -> PositionRange {
        document.range(of: range, in: file, encoding: encoding)
    }

    /// The parser location of an LSP position in this document.
    func location(of position: Position, encoding: PositionEncoding) -> SourceLocation {
        file.location(ofOffset: document.offset(of: position, encoding: encoding))
    }
}

/// The same test for binary content as the reader's, for text that did not come from disk.
enum SourceReaderProbe {
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return false }
        let suspicious = sample.reduce(0) { count, byte in
            byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x0B
                && byte != 0x1B ? count + 1 : count
        }
        return suspicious * 10 > sample.count
    }
}
