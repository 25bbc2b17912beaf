import Foundation
import StepModel
import StepSyntax

/// Everything read from one source file: the file, its procedure and its findings.
public struct ProcessedSource: Sendable {
    public var entry: SourceEntry
    public var file: SourceFile
    public var procedure: Procedure
    /// Findings after ignore comments and the severities of stepdoc.yml.
    public var diagnostics: [Diagnostic]
    public var suppressions: Suppressions
}

/// Reads, parses, lowers and checks sources, files in parallel, results in input order.
public struct Pipeline: Sendable {
    public let config: StepDocConfig
    public let reader: SourceReader
    public let lowering: LoweringOptions
    /// Docs/code parity for bound procedures, when the project binds any.
    public let parity: ProjectParity?
    /// Whether a large file is parsed and lowered on two threads at once (when there is a core to spare).
    public let pipelinesLargeFiles: Bool

    /// `jobs` above 1 lets a large file be parsed and lowered on two threads at once; `confinement`
    /// limits every read (sources and includes) to some folders, checked on the file opened.
    public init(
        config: StepDocConfig, sourceRoot: String, parity: ProjectParity? = nil, jobs: Int = 1,
        directory: WorkingDirectory = .current, confinement: ReadConfinement? = nil
    ) {
        self.config = config
        self.parity = parity
        reader = SourceReader(maximumSize: config.limits.maxFileSize, directory: directory, confinement: confinement)
        var lowering = LoweringOptions(
            roles: RoleTable.mongoDB.adding(config.roles), substitutions: config.substitutions,
            includes: FileSystemIncludes(sourceRoot: sourceRoot, reader: reader),
            maximumIncludeDepth: config.limits.maxIncludeDepth,
            parseOptions: ParseOptions(maximumNestingDepth: config.limits.maxNestingDepth))
        lowering.rawHTML = config.rawHTML
        lowering.maximumIncludedBytes = config.limits.maxIncludedBytes
        self.lowering = lowering
        pipelinesLargeFiles = jobs > 1
    }

    /// Processes one file. Reading failures are returned, not thrown, so one bad file does not hide
    /// the findings of the others.
    public func process(_ entry: SourceEntry) -> Result<ProcessedSource, StepDocFailure> {
        let file: SourceFile
        do {
            file = try reader.read(entry.path)
        } catch {
            return .failure(error)
        }
        return .success(process(entry, file: file))
    }

    /// Processes a file already in memory (the preview server's edited buffers, tests).
    public func process(_ entry: SourceEntry, file: SourceFile) -> ProcessedSource {
        var diagnostics: [Diagnostic] = []
        var suppressions = Suppressions(file: file.path)
        let procedure =
            pipelinesLargeFiles && file.bytes.count >= PipelinedReading.threshold
                && ProcedureFormat.byName(file.path) != .gizaYAML
            ? PipelinedReading.read(file, options: lowering, diagnostics: &diagnostics, suppressions: &suppressions)
            : Procedure(reading: file, options: lowering, diagnostics: &diagnostics, suppressions: &suppressions)
        diagnostics.append(contentsOf: ProcedureRules.check(procedure, in: file))
        if let parity {
            diagnostics.append(contentsOf: parity.diagnostics(for: entry, procedure: procedure, file: file))
        }
        return ProcessedSource(
            entry: entry, file: file, procedure: procedure,
            diagnostics: applySettings(diagnostics, suppressions: suppressions), suppressions: suppressions)
    }

    /// Ignore comments and per-rule severities, then source order.
    public func applySettings(_ diagnostics: [Diagnostic], suppressions: Suppressions) -> [Diagnostic] {
        var result: [Diagnostic] = []
        result.reserveCapacity(diagnostics.count)
        for var diagnostic in diagnostics where !suppressions.suppresses(diagnostic) {
            switch config.rules[diagnostic.id] {
            case .off?: continue
            case .error?: diagnostic.severity = .error
            case .warning?: diagnostic.severity = .warning
            case nil: break
            }
            result.append(diagnostic)
        }
        return result.sorted(by: DiagnosticOrder.precedes)
    }

    /// Processes files on `jobs` threads; the results are in the order of `entries`.
    public func process(_ entries: [SourceEntry], jobs: Int, progress: (@Sendable (Int) -> Void)? = nil)
        -> [Result<ProcessedSource, StepDocFailure>]
    {
        Parallel.map(entries, jobs: jobs, progress: progress) { process($0) }
    }
}

/// Source order for diagnostics: by file, then position, then severity (errors first).
public enum DiagnosticOrder {
    public static func precedes(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let left = lhs.location
        let right = rhs.location
        if left?.file != right?.file { return (left?.file ?? "") < (right?.file ?? "") }
        if let l = left?.range.lowerBound, let r = right?.range.lowerBound, l != r { return l < r }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.id < rhs.id
    }
}
