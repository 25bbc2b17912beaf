import StepSyntax

/// `stepdoc check`: reads and validates every step file (and docs/code parity) without writing.
public struct CheckAction: Sendable {
    public var inputs: ProjectInputs

    public init(inputs: ProjectInputs) {
        self.inputs = inputs
    }

    /// What a check found.
    public struct Result: Sendable {
        /// Every finding, with the files read and their steps.
        public var report: DiagnosticReport
        /// What stopped part of the run (an input that could not be read) or all of it (a broken
        /// stepdoc.yml, a missing path): the run's status is then ``ExitStatus/stopped``.
        public var failures: [StepDocFailure]
        /// The files read, for excerpts.
        public var sources: [SourceFile]
        /// Whether the run stopped before it read any source.
        public var stoppedEarly: Bool
        public var status: ExitStatus
        /// Every file the run read or was given (the configuration, the sources, their includes), which
        /// its reports must not replace.
        public var inputs: [String] = []
    }

    /// The configuration and the paths named, inputs even when the run stops before reading them.
    private var givenInputs: [String] {
        [inputs.configPath ?? ConfigLoader.defaultPath] + inputs.paths
    }

    /// What a check reads with: the project, its files, and the pipeline that checks one of them.
    public struct Context: Sendable {
        public var discovery: ContentDiscovery.Result
        public var settings: ProjectBuild.Settings
        public var directory: WorkingDirectory

        public init(_ inputs: ProjectInputs) throws(StepDocFailure) {
            let project = try Project.load(inputs)
            discovery = try project.discover()
            settings = ProjectBuild.Settings(
                config: project.config, paths: project.contentPaths,
                sourceRoot: project.sourceRoot(entries: discovery.entries), targets: [], templates: nil,
                outputFolder: project.config.output, jobs: inputs.jobs, parity: try project.parity(),
                directory: inputs.directory)
            directory = inputs.directory
        }

        /// The pipeline that checks one file as the whole run does (rules, parity, settings).
        public var pipeline: Pipeline {
            Pipeline(
                config: settings.config, sourceRoot: settings.sourceRoot, parity: settings.parity, jobs: 1,
                directory: settings.directory)
        }
    }

    public func run(progress: (@Sendable (Int) -> Void)? = nil) -> Result {
        do throws(StepDocFailure) {
            let context = try Context(inputs)
            let build = ProjectBuild.read(context.settings, discovery: context.discovery, progress: progress)
            defer { ExitRetention.keep(build) }
            let status: ExitStatus =
                build.failures.isEmpty ? ExitStatus(build.report, strict: inputs.strict) : .stopped
            return Result(
                report: build.report, failures: build.failures, sources: build.sources.map(\.file),
                stoppedEarly: false, status: status, inputs: givenInputs + build.inputs)
        } catch {
            return Result(
                report: DiagnosticReport(diagnostics: [], files: []), failures: [error], sources: [],
                stoppedEarly: true, status: .stopped, inputs: givenInputs)
        }
    }
}
