import StepProject

/// What `stepdoc preview` serves and how: the project, the address, and the watcher's timing.
public struct PreviewSettings: Sendable {
    public var config: StepDocConfig
    /// Step files or folders of them.
    public var contentPaths: [String]
    /// Where `.. include:: /x.rst` starts (default: the folder of the first step file found).
    public var sourceRoot: String?
    public var templatesFolder: String
    public var templateName: String
    /// Whether the templates folder was named on the command line, so that its absence is an error
    /// rather than a quiet fallback to the built-in sets.
    public var templatesFolderRequired = false
    /// An IP address (or `localhost`) to listen on.
    public var host = "127.0.0.1"
    /// 0 picks a free port.
    public var port: UInt16 = 8080
    public var watchMode = WatchMode.automatic
    /// How long after the first change of a burst the preview renders.
    public var debounce = Duration.milliseconds(30)
    /// How often idle event streams get a comment, so dead clients are noticed and proxies keep them open.
    public var keepAliveInterval = Duration.seconds(15)
    /// How often the polling watcher scans.
    public var pollInterval = Duration.milliseconds(250)
    /// Show warnings as errors, as `check --strict` counts them.
    public var strict = false
    /// Files processed in parallel at start.
    public var jobs = 1
    /// Docs/code parity for the procedures `stepdoc.yml` binds to check suites.
    public var parity: ProjectParity? = nil
    /// The most connections served at once; `nil`: a quarter of the descriptor limit, at most 256.
    public var maximumConnections: Int? = nil
    /// How long a connection may wait for a request, or take to read a reply, before it is closed.
    public var idleTimeout = Duration.seconds(15)
    /// Where the server's own lines go (failed accepts, refused connections): standard error.
    public var log: @Sendable (String) -> Void = { _ in }

    public init(config: StepDocConfig, contentPaths: [String], templatesFolder: String, templateName: String) {
        self.config = config
        self.contentPaths = contentPaths
        self.templatesFolder = templatesFolder
        self.templateName = templateName
    }
}
