import Foundation

/// The files a run must not write over: its own inputs, always, and — unless forced — a file that
/// holds something stepdoc did not write.
///
/// `check --report json:content/x.rst` used to replace the step file it had just checked, `preflight
/// --facts f.json --html f.json` the facts, `--report junit:stepdoc.yml` the configuration. Inputs are
/// compared by identity (device and inode), so a link or a second spelling of the path is caught too.
public struct OutputProtection: Sendable {
    private struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    /// The inputs by identity, with the path the run named them by.
    private var inputs: [Identity: String] = [:]
    /// Whether a file stepdoc did not write may be replaced (`--force`); an input never is.
    public var force: Bool

    /// Protects `inputs` (files, or folders whose files are all inputs, such as a template set),
    /// resolved against `directory`; paths that do not exist are left out.
    public init(inputs paths: [String], force: Bool = false, in directory: WorkingDirectory = .current) {
        self.force = force
        for path in paths where !path.isEmpty && path != "-" {
            let location = directory.resolve(path)
            guard let identity = Self.identity(location) else { continue }
            if identity.isFolder {
                for entry in FolderEntries(location) ?? FolderEntries.empty where entry.kind != .folder {
                    let file = FolderEntries.join(location, entry.name)
                    if let inner = Self.identity(file), !inner.isFolder {
                        inputs[inner.identity] = inputs[inner.identity] ?? FolderEntries.join(path, entry.name)
                    }
                }
            } else {
                inputs[identity.identity] = inputs[identity.identity] ?? path
            }
        }
    }

    /// Protects nothing: for runs that have no inputs to lose.
    public static let none = OutputProtection(inputs: [], force: true)

    /// Throws when writing `path` would replace an input of the run or, unless forced, a non-empty
    /// regular file that is not one of stepdoc's outputs. A descriptor (`/dev/stdout`), a device or a
    /// FIFO is written, not replaced: only inputs are refused there.
    public func check(_ path: String, in directory: WorkingDirectory = .current) throws(StepDocFailure) {
        let location = directory.resolve(path)
        guard let found = Self.identity(location), !found.isFolder else { return }
        if let input = inputs[found.identity] {
            let which = input == path ? "it is" : "it is \(input),"
            throw .outputNotWritable(path: path, reason: "\(which) an input of this run")
        }
        guard !force, found.isRegular, found.size > 0, AtomicWriter.descriptor(named: location) == nil else { return }
        guard !StepDocOutput.recognises(file: location) else { return }
        throw .outputNotWritable(path: path, reason: "it holds a file stepdoc did not write; --force replaces it")
    }

    /// Throws only when `path` is an input of the run (for a file that is appended to, or that the run
    /// owns, as a build's outputs).
    public func checkNotAnInput(_ path: String, in directory: WorkingDirectory = .current) throws(StepDocFailure) {
        var copy = self
        copy.force = true
        try copy.check(path, in: directory)
    }

    private static func identity(_ location: String) -> (
        identity: Identity, isFolder: Bool, isRegular: Bool, size: Int
    )? {
        var info = stat()
        guard stat(location, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        return (
            Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), kind == S_IFDIR, kind == S_IFREG,
            Int(info.st_size)
        )
    }
}
