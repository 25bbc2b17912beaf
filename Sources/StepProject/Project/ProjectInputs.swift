/// What every content command starts from: where it runs, the paths and configuration it was given,
/// and the options all of them share.
public struct ProjectInputs: Sendable, Equatable {
    /// The folder relative paths are taken from.
    public var directory: WorkingDirectory
    /// Step files or folders of them; empty means the `content` of stepdoc.yml.
    public var paths: [String]
    /// The configuration file; `nil` means `stepdoc.yml` when it exists.
    public var configPath: String?
    /// Tags for `.. only::` expressions besides those of stepdoc.yml (`-t TAG`).
    public var tags: [String]
    /// Files processed in parallel.
    public var jobs: Int
    /// Whether warnings fail the run.
    public var strict: Bool
    /// Check manifests named on the command line (`--check-manifest`), beside stepdoc.yml's.
    public var checkManifests: [String] = []

    public init(
        directory: WorkingDirectory = .current, paths: [String] = [], configPath: String? = nil, tags: [String] = [],
        jobs: Int = 1, strict: Bool = false
    ) {
        self.directory = directory
        self.paths = paths
        self.configPath = configPath
        self.tags = tags
        self.jobs = max(1, jobs)
        self.strict = strict
    }
}
