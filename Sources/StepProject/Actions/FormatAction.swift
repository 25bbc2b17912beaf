import Foundation
import StepModel
import StepSyntax

/// `stepdoc fmt`: regenerates giza step files from their steps, in their own template era.
public struct FormatAction: Sendable {
    public var inputs: ProjectInputs
    /// Change nothing; say what would change, with a unified diff.
    public var checkOnly: Bool
    /// The branch whose titles and bodies both branches get.
    public var from: Branch

    public init(inputs: ProjectInputs, checkOnly: Bool = false, from: Branch = .html) {
        self.inputs = inputs
        self.checkOnly = checkOnly
        self.from = from
    }

    /// What happened to one file.
    public enum Outcome: Sendable {
        /// Already as fmt writes it.
        case unchanged
        /// Would change (with `checkOnly`): the unified diff.
        case wouldChange(diff: String)
        /// Rewritten in place.
        case formatted
        /// Not regenerated: it would lose content. The findings say why.
        case refused([Diagnostic], file: SourceFile)
        /// Not read.
        case unreadable(StepDocFailure)
        /// Not a giza file (`.. procedure::` or YAML): left as it is.
        case notGiza
    }

    public struct Result: Sendable {
        /// Problems discovery found (a symbolic link loop, an unreadable folder).
        public var discoveryDiagnostics: [Diagnostic]
        public var files: [(path: String, outcome: Outcome)]
        /// What stopped the run before any file was read.
        public var stoppedBy: StepDocFailure?
        public var status: ExitStatus
    }

    public func run() -> Result {
        let sources: RewriteSources
        do throws(StepDocFailure) {
            sources = try RewriteSources(inputs)
        } catch {
            return Result(discoveryDiagnostics: [], files: [], stoppedBy: error, status: .stopped)
        }
        var files: [(path: String, outcome: Outcome)] = []
        for entry in sources.discovery.entries {
            files.append((entry.path, format(entry, pipeline: sources.pipeline)))
        }
        var status = ExitStatus.clean
        for (_, outcome) in files {
            switch outcome {
            case .unreadable: status = .stopped
            case .refused, .wouldChange: status = max(status, .findings)
            case .unchanged, .formatted, .notGiza: break
            }
        }
        return Result(
            discoveryDiagnostics: sources.discovery.diagnostics, files: files, stoppedBy: nil, status: status)
    }

    private func format(_ entry: SourceEntry, pipeline: Pipeline) -> Outcome {
        let file: SourceFile
        do throws(StepDocFailure) {
            file = try pipeline.reader.read(entry.path)
        } catch {
            return .unreadable(error)
        }
        guard ProcedureFormat.byName(file.path) == .gizaRST else { return .notGiza }
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(parsing: file, options: pipeline.lowering, diagnostics: &diagnostics)
        let formatted: [UInt8]
        do {
            formatted = try GizaFormatter.format(
                file, procedure: procedure, lowering: diagnostics, from: from, options: pipeline.lowering)
        } catch {
            return .refused(error.diagnostics, file: file)
        }
        guard formatted != file.bytes else { return .unchanged }
        if checkOnly {
            let diff = FileDiff(old: file.bytes, new: formatted).render(
                oldLabel: "a/" + file.path, newLabel: "b/" + file.path)
            return .wouldChange(diff: diff)
        }
        do throws(StepDocFailure) {
            try AtomicWriter.rewrite(formatted, at: file.path, in: inputs.directory)
        } catch {
            return .unreadable(error)
        }
        return .formatted
    }
}

/// What `fmt` and `convert` start from: the step files found under their paths (or the configured
/// content), and a pipeline to read them with.
struct RewriteSources {
    let discovery: ContentDiscovery.Result
    let pipeline: Pipeline

    init(_ inputs: ProjectInputs) throws(StepDocFailure) {
        let project = try Project.load(inputs)
        discovery = try project.discover()
        let sourceRoot =
            project.config.sourceRoot ?? (inputs.paths.isEmpty ? project.config.content.first : nil)
            ?? discovery.entries.first?.root ?? "."
        pipeline = Pipeline(config: project.config, sourceRoot: sourceRoot, directory: inputs.directory)
    }
}
