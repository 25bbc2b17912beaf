import Foundation
import StepModel
import StepProject
import StepSyntax

/// The project an open document belongs to: the folder of its `stepdoc.yml` (the nearest one above
/// the file, else the workspace folder's), its configuration and its check-suite bindings.
///
/// A broken stepdoc.yml does not stop the server: the document is checked with the defaults, and
/// the configuration's own finding is shown beside the document's.
struct WorkspaceProject: Sendable {
    /// The absolute folder relative paths are taken from.
    let root: String
    let project: Project
    /// Why stepdoc.yml (or a check-suite binding in it) could not be used.
    let configFinding: Diagnostic?
    let parity: ProjectParity?
    /// What stepdoc.yml looked like on disk when read, to notice edits.
    let stamp: FileStamp?

    init(root: String) {
        self.root = root
        let directory = WorkingDirectory(root)
        let inputs = ProjectInputs(directory: directory)
        stamp = FileStamp(path: directory.resolve(ConfigLoader.defaultPath))
        var finding: Diagnostic? = nil
        var loaded: Project
        do throws(StepDocFailure) {
            loaded = try Project.load(inputs)
        } catch {
            finding = error.diagnostic
            loaded = Project(inputs: inputs, config: StepDocConfig())
        }
        var parity: ProjectParity? = nil
        do throws(StepDocFailure) {
            parity = try loaded.parity()
        } catch {
            finding = finding ?? error.diagnostic
        }
        project = loaded
        configFinding = finding
        self.parity = parity
    }

    var config: StepDocConfig { project.config }

    /// Whether stepdoc.yml changed on disk since it was read.
    var isStale: Bool {
        FileStamp(path: WorkingDirectory(root).resolve(ConfigLoader.defaultPath)) != stamp
    }

    /// The source entry of an absolute path: relative to the root when under it, named relative to the
    /// content folder holding it (which is how stepdoc.yml binds procedures to check suites).
    func entry(forPath absolute: String) -> SourceEntry {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let path = absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
        let base = Self.removingStepExtension((path as NSString).lastPathComponent)
        for folder in config.content {
            var trimmed = folder
            while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
            while trimmed.hasSuffix("/"), trimmed.count > 1 { trimmed.removeLast() }
            let folderPrefix = trimmed == "." ? "" : trimmed + "/"
            if path.hasPrefix(folderPrefix), path != trimmed {
                return SourceEntry(
                    path: path, root: trimmed,
                    name: Self.removingStepExtension(String(path.dropFirst(folderPrefix.count))))
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        return SourceEntry(path: path, root: folder.isEmpty ? "." : folder, name: base)
    }

    /// The pipeline that reads `entry`.
    func pipeline(for entry: SourceEntry) -> Pipeline {
        project.pipeline(sourceRoot: project.sourceRoot(entries: [entry]), parity: parity)
    }

    /// An absolute path for a path as findings name it (relative to the root).
    func absolutePath(_ path: String) -> String {
        WorkingDirectory(root).resolve(path)
    }

    private static func removingStepExtension(_ name: String) -> String {
        for suffix in [".rst", ".yaml", ".yml", ".txt"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// The folder a file's project lives in: the nearest folder above it with a stepdoc.yml (not
    /// above the workspace folder holding it), else that workspace folder, else the file's folder.
    static func root(forFile path: String, workspaceFolders: [String]) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let workspace = workspaceFolders.filter { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
            .max(by: { $0.count < $1.count })
        var current = folder
        while true {
            if FileManager.default.fileExists(atPath: current + "/" + ConfigLoader.defaultPath) { return current }
            if let workspace, current == workspace || current.count <= workspace.count { break }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { break }
            current = parent
        }
        if let workspace { return workspace }
        return folder.isEmpty ? "/" : folder
    }
}

/// A file's identity and modification time, to notice that it changed.
struct FileStamp: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}

/// The projects of the documents open, by root, read again when their stepdoc.yml changes.
struct ProjectCache: Sendable {
    private var projects: [String: WorkspaceProject] = [:]

    mutating func project(forFile path: String, workspaceFolders: [String]) -> WorkspaceProject {
        let root = WorkspaceProject.root(forFile: path, workspaceFolders: workspaceFolders)
        if let known = projects[root], !known.isStale { return known }
        let project = WorkspaceProject(root: root)
        projects[root] = project
        return project
    }

    /// Forgets every project (a watched file changed: stepdoc.yml, or a check suite's source).
    mutating func removeAll() {
        projects.removeAll()
    }
}
