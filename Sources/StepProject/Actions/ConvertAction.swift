import Foundation
import StepModel
import StepSyntax

/// `stepdoc convert`: writes step files in another of the three formats.
public struct ConvertAction: Sendable {
    public var inputs: ProjectInputs
    public var target: ProcedureFormat
    /// The folder to write into; `nil` writes beside each input.
    public var output: String?
    /// Whether an existing file may be replaced (`--force`); an input of the run never is.
    public var force: Bool

    public init(inputs: ProjectInputs, target: ProcedureFormat, output: String? = nil, force: Bool = false) {
        self.inputs = inputs
        self.target = target
        self.output = output
        self.force = force
    }

    /// What happened to one file.
    public enum Outcome: Sendable {
        /// Written to the path; with a warning when the format could not hold everything.
        case wrote(String, warning: String?)
        /// Not converted: it would lose content. The findings say why.
        case refused([Diagnostic], file: SourceFile)
        /// The file has no steps to convert.
        case noSteps
        /// Not read, or its conversion could not be written.
        case failed(StepDocFailure)
    }

    public struct Result: Sendable {
        public var discoveryDiagnostics: [Diagnostic]
        public var files: [(path: String, outcome: Outcome)]
        /// What stopped the run before anything was written: an unreadable configuration, or outputs
        /// that would replace an existing file, an input, or each other.
        public var stoppedBy: [StepDocFailure]
        public var status: ExitStatus
    }

    public func run() -> Result {
        let sources: RewriteSources
        do throws(StepDocFailure) {
            sources = try RewriteSources(inputs)
        } catch {
            return Result(discoveryDiagnostics: [], files: [], stoppedBy: [error], status: .stopped)
        }
        let plan = sources.discovery.entries.map {
            (entry: $0, output: Self.outputPath(for: $0.path, format: target, folder: output, in: inputs.directory))
        }
        let conflicts = Self.conflicts(plan, force: force, in: inputs.directory)
        guard conflicts.isEmpty else {
            return Result(
                discoveryDiagnostics: sources.discovery.diagnostics, files: [], stoppedBy: conflicts, status: .stopped)
        }
        var files: [(path: String, outcome: Outcome)] = []
        var status = ExitStatus.clean
        for (entry, path) in plan {
            let outcome = convert(entry, to: path, pipeline: sources.pipeline)
            switch outcome {
            case .failed: status = .stopped
            case .refused, .noSteps: status = max(status, .findings)
            case .wrote: break
            }
            files.append((entry.path, outcome))
        }
        return Result(
            discoveryDiagnostics: sources.discovery.diagnostics, files: files, stoppedBy: [], status: status)
    }

    /// Why the planned writes must not happen, found before any of them: two inputs that would write
    /// one file, an output that is an input of the run, an output that exists (without `force`).
    static func conflicts(
        _ plan: [(entry: SourceEntry, output: String)], force: Bool, in directory: WorkingDirectory
    ) -> [StepDocFailure] {
        var inputs: [String: String] = [:]
        for (entry, _) in plan where inputs[resolved(directory.resolve(entry.path))] == nil {
            inputs[resolved(directory.resolve(entry.path))] = entry.path
        }
        var claimed: [String: String] = [:]
        var failures: [StepDocFailure] = []
        for (entry, output) in plan {
            let key = resolved(directory.resolve(output))
            if let other = claimed[key] {
                failures.append(.outputCollision(path: entry.path, other: other, output: output))
                continue
            }
            claimed[key] = entry.path
            if inputs[key] != nil {
                failures.append(
                    .outputNotWritable(
                        path: output,
                        reason: "it is an input of this run (converting \(entry.path) would replace it); convert "
                            + "\(entry.path) on its own or into --output"))
            } else if !force, exists(directory.resolve(output)) {
                failures.append(
                    .outputNotWritable(path: output, reason: "the file exists (converting \(entry.path)); --force replaces it"))
            }
        }
        return failures
    }

    private static func exists(_ location: String) -> Bool {
        var info = stat()
        return lstat(location, &info) == 0
    }

    private static func resolved(_ location: String) -> String {
        URL(fileURLWithPath: location).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private func convert(_ entry: SourceEntry, to path: String, pipeline: Pipeline) -> Outcome {
        let file: SourceFile
        do throws(StepDocFailure) {
            file = try pipeline.reader.read(entry.path)
        } catch {
            return .failed(error)
        }
        let text: ProcedureText
        do {
            text = try Self.text(of: file, lowering: pipeline.lowering)
        } catch {
            return .refused(error.diagnostics, file: file)
        }
        guard !text.steps.isEmpty else { return .noSteps }
        var warning: String? = nil
        if target == .gizaYAML,
            text.steps.contains(where: { !$0.leading.isEmpty || $0.label != nil }) || !text.epilogue.isEmpty
        {
            warning = "YAML holds only steps; content outside them and labels are left out"
        }
        do throws(StepDocFailure) {
            try AtomicWriter.write(Self.bytes(text, as: target), to: path, in: inputs.directory)
        } catch {
            return .failed(error)
        }
        return .wrote(path, warning: warning)
    }

    /// The file's steps as text, read in its own format.
    public static func text(of file: SourceFile, lowering: LoweringOptions) throws(RegenerationRefusal)
        -> ProcedureText
    {
        if ProcedureFormat.byName(file.path) == .gizaYAML {
            return try ProcedureText(gizaYAML: file, options: lowering)
        }
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(parsing: file, options: lowering, diagnostics: &diagnostics)
        if procedure.format == .procedureDirective {
            return ProcedureText(procedureDirective: file, procedure: procedure)
        }
        return try ProcedureText(giza: file, procedure: procedure, lowering: diagnostics)
    }

    public static func bytes(_ text: ProcedureText, as format: ProcedureFormat) -> [UInt8] {
        switch format {
        case .gizaRST: GizaWriter.bytes(text)
        case .procedureDirective: ProcedureDirectiveWriter.bytes(text)
        case .gizaYAML: GizaYAMLWriter.bytes(text)
        }
    }

    /// Where the conversion of `input` goes: beside it or in `folder`, named for the format, never
    /// the input itself.
    public static func outputPath(
        for input: String, format: ProcedureFormat, folder: String?, in directory: WorkingDirectory = .current
    ) -> String {
        let folder = folder ?? input.parentFolder
        var base = (input as NSString).lastPathComponent
        for suffix in [".procedure.rst", ".giza.rst", ".rst", ".yaml", ".yml", ".txt"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        let name: String
        let alternative: String
        switch format {
        case .gizaYAML:
            let stem = base.hasPrefix("steps-") ? base : "steps-" + base
            name = stem + ".yaml"
            alternative = stem + ".converted.yaml"
        case .gizaRST:
            name = base + ".rst"
            alternative = base + ".giza.rst"
        case .procedureDirective:
            name = base + ".rst"
            alternative = base + ".procedure.rst"
        }
        let candidate = (folder as NSString).appendingPathComponent(name)
        let same = isSameFile(directory.resolve(candidate), directory.resolve(input))
        return same ? (folder as NSString).appendingPathComponent(alternative) : candidate
    }

    private static func isSameFile(_ lhs: String, _ rhs: String) -> Bool {
        let left = URL(fileURLWithPath: lhs).standardizedFileURL.resolvingSymlinksInPath().path
        let right = URL(fileURLWithPath: rhs).standardizedFileURL.resolvingSymlinksInPath().path
        return left == right
    }
}
