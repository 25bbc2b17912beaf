/// A project as a run sees it: its configuration, read once, and the inputs it was started with.
///
/// Every command starts here; what it then reads (discovery, the pipeline, parity) comes from the same
/// value, so the command line, the preview, the editor server and the tests read a project the same way.
public struct Project: Sendable {
    public let inputs: ProjectInputs
    /// stepdoc.yml with the command line's tags added.
    public let config: StepDocConfig

    /// Reads the configuration; a missing stepdoc.yml is fine unless one was named.
    public static func load(_ inputs: ProjectInputs) throws(StepDocFailure) -> Project {
        var config = try ConfigLoader.load(
            path: inputs.configPath ?? ConfigLoader.defaultPath, required: inputs.configPath != nil,
            in: inputs.directory)
        config.tags += inputs.tags
        return Project(inputs: inputs, config: config)
    }

    public init(inputs: ProjectInputs, config: StepDocConfig) {
        self.inputs = inputs
        self.config = config
    }

    public var directory: WorkingDirectory { inputs.directory }

    /// The configuration file's path as messages name it.
    public var configPath: String { inputs.configPath ?? ConfigLoader.defaultPath }

    /// The paths to search: those given, or the configured content.
    public var contentPaths: [String] { inputs.paths.isEmpty ? config.content : inputs.paths }

    /// The step files under ``contentPaths``.
    public func discover() throws(StepDocFailure) -> ContentDiscovery.Result {
        try ContentDiscovery.discover(contentPaths, in: directory)
    }

    /// The folder absolute include paths start from: `source-root`, else the first content folder, else
    /// the folder of the first file named.
    public func sourceRoot(entries: [SourceEntry]) -> String {
        if let root = config.sourceRoot { return root }
        if inputs.paths.isEmpty, let first = config.content.first { return first }
        return entries.first?.root ?? "."
    }

    /// The check suites procedures can be bound to: the built-in ones, and those of the check manifests and
    /// runners stepdoc.yml and the command line name.
    public func checkSuites() throws(StepDocFailure) -> CheckSuiteRegistry {
        let configured = zip(config.checkManifests, config.checkManifestLocations).map {
            (path: $0.0, location: (line: $0.1.line, column: $0.1.column), configPath: Optional(configPath))
        }
        let given = inputs.checkManifests.map {
            (path: $0, location: (line: 1, column: 1), configPath: String?.none)
        }
        let runners = zip(config.checkRunners, config.checkRunnerLocations).map {
            (command: $0.0, location: (line: $0.1.line, column: $0.1.column))
        }
        guard !configured.isEmpty || !given.isEmpty || !runners.isEmpty else { return .builtIn }
        return try CheckSuiteLoader(
            directory: directory, manifests: configured + given, runners: runners, configPath: configPath,
            timeout: Double(config.checkRunnerTimeout), maximumSize: config.limits.maxFileSize
        ).load()
    }

    /// Docs/code parity for the procedures stepdoc.yml binds to check suites.
    public func parity() throws(StepDocFailure) -> ProjectParity {
        try ProjectParity(
            config: config, configPath: configPath, registry: try checkSuites(), workingDirectory: directory.path)
    }

    /// The pipeline that reads this project's sources.
    public func pipeline(sourceRoot: String, parity: ProjectParity? = nil) -> Pipeline {
        Pipeline(config: config, sourceRoot: sourceRoot, parity: parity, jobs: inputs.jobs, directory: directory)
    }
}
