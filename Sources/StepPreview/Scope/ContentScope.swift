import Foundation
import StepProject

/// One content path given to the preview, as the watcher and the site see it.
struct ContentScope: Sendable {
    /// The canonical path (absolute, no `.` or `..`).
    let path: String
    /// The same with symbolic links resolved.
    let realPath: String
    let isFolder: Bool

    init(_ path: String) {
        self.path = CanonicalPath.of(path)
        realPath = CanonicalPath.resolvingLinks(path)
        var isDirectory: ObjCBool = false
        isFolder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    var watchRoot: WatchRoot {
        isFolder
            ? WatchRoot(path: path, recursive: true)
            : WatchRoot(path: path.parentFolder, recursive: false)
    }

    /// Whether a changed (canonical) path can concern this content path.
    func covers(_ changed: String) -> Bool {
        isFolder ? CanonicalPath.isInside(changed, folder: path) || changed == path : changed == path
    }

    func servesRealPath(_ real: String, of entry: SourceEntry) -> Bool {
        if isFolder { return CanonicalPath.isInside(real, folder: realPath) }
        return CanonicalPath.of(entry.path) == path
    }
}
