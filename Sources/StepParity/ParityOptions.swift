/// How parity findings are presented.
public struct ParityOptions: Sendable, Equatable {
    /// The folder paths are shown relative to: a check's declaration, captured by `#filePath` as an
    /// absolute path, prints as `Sources/MigrationChecks/…swift:LINE:COL` when it lies under this folder.
    /// `nil` keeps paths as captured. (The library does no I/O; the command line passes its working
    /// directory.)
    public var workingDirectory: String?

    public init(workingDirectory: String? = nil) {
        self.workingDirectory = workingDirectory
    }

    /// `path` relative to ``workingDirectory`` when it lies under it, else unchanged.
    public func displayPath(_ path: String) -> String {
        guard var folder = workingDirectory, !folder.isEmpty else { return path }
        while folder.count > 1 && folder.hasSuffix("/") {
            folder.removeLast()
        }
        let prefix = folder == "/" ? "/" : folder + "/"
        guard path.hasPrefix(prefix), path.count > prefix.count else { return path }
        return String(path.dropFirst(prefix.count))
    }
}
