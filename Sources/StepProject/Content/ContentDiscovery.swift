import Foundation
import StepSyntax

/// Finds the step files (`.rst`, and giza's `steps-*.yaml`) under the paths a command was given.
public enum ContentDiscovery {
    public struct Result: Sendable {
        public var entries: [SourceEntry]
        /// Problems that did not stop the search (a symlink loop, an unreadable folder).
        public var diagnostics: [Diagnostic]
    }

    /// Files named directly are taken whatever their extension; folders are searched for `.rst` and
    /// `steps-*.yaml` files (hidden entries skipped, symlinked folders followed once).
    public static func discover(
        _ paths: [String], in directory: WorkingDirectory = .current
    ) throws(StepDocFailure) -> Result {
        var result = Result(entries: [], diagnostics: [])
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.resolve(path), isDirectory: &isDirectory) else {
                if isSymlinkLoop(directory.resolve(path)) {
                    throw .unreadable(path: path, reason: "symbolic link loop")
                }
                throw .missingPath(path)
            }
            if isDirectory.boolValue {
                let root = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
                var visited: Set<FileIdentity> = []
                var found: [SourceEntry] = []
                walk(
                    root, relative: "", root: root, in: directory, visited: &visited, into: &found,
                    diagnostics: &result.diagnostics)
                if found.isEmpty && result.diagnostics.isEmpty { throw .noSourceFiles(path) }
                result.entries.append(contentsOf: found.sorted { $0.path < $1.path })
            } else {
                let url = URL(fileURLWithPath: path)
                let name = url.deletingPathExtension().lastPathComponent
                let folder = path.parentFolder
                result.entries.append(SourceEntry(path: path, root: folder.isEmpty ? "." : folder, name: name))
            }
        }
        // A file reached twice (named twice, in a folder and by itself, or through a link) is read and
        // counted once, under its first name: rendered twice, its two writes would race.
        var seen: Set<FileIdentity> = []
        result.entries.removeAll { entry in
            guard let identity = identity(directory.resolve(entry.path)) else { return false }
            return !seen.insert(identity).inserted
        }
        return result
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private static func isSymlinkLoop(_ path: String) -> Bool {
        var info = stat()
        if stat(path, &info) != 0, errno == ELOOP { return true }
        return false
    }

    private static func walk(
        _ directory: String, relative: String, root: String, in workingDirectory: WorkingDirectory,
        visited: inout Set<FileIdentity>, into entries: inout [SourceEntry], diagnostics: inout [Diagnostic]
    ) {
        guard let identity = identity(workingDirectory.resolve(directory)), visited.insert(identity).inserted else {
            return
        }
        guard let listing = FolderEntries(workingDirectory.resolve(directory)) else {
            diagnostics.append(fileDiagnostic(directory, id: .ioUnreadable, "cannot list folder: permission denied"))
            return
        }
        for entry in listing.entries.sorted(by: { $0.name < $1.name }) where !entry.name.hasPrefix(".") {
            let name = entry.name
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var kind = entry.kind
            if kind == .unknown {
                // A symbolic link (followed, once per folder) or a file system that does not say.
                var info = stat()
                guard stat(workingDirectory.resolve(path), &info) == 0 else {
                    if errno == ELOOP {
                        diagnostics.append(fileDiagnostic(path, id: .ioSymlinkLoop, "symbolic link loop; skipped"))
                    } else {
                        diagnostics.append(fileDiagnostic(path, id: .ioBrokenLink, "broken symbolic link; skipped"))
                    }
                    continue
                }
                kind = (info.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
            }
            if kind == .folder {
                walk(
                    path, relative: relativePath, root: root, in: workingDirectory, visited: &visited,
                    into: &entries, diagnostics: &diagnostics)
            } else if let length = stepFileExtensionLength(name) {
                entries.append(SourceEntry(path: path, root: root, name: String(relativePath.dropLast(length))))
            }
        }
    }

    /// The length of a step file's extension: `.rst` files, and giza's `steps-*.yaml` sources (other
    /// YAML in a content folder is configuration, not steps). `nil` for other files.
    static func stepFileExtensionLength(_ name: String) -> Int? {
        if name.hasSuffix(".rst") { return 4 }
        guard name.hasPrefix("steps-") else { return nil }
        if name.hasSuffix(".yaml") { return 5 }
        if name.hasSuffix(".yml") { return 4 }
        return nil
    }

    static func fileDiagnostic(_ path: String, id: RuleID, _ summary: String) -> Diagnostic {
        let start = SourceLocation(line: 1, column: 1)
        return Diagnostic(
            severity: .warning, id: id, summary: summary,
            location: DiagnosticLocation(file: path, range: start..<start))
    }
}
