import Foundation
import StepProject

/// Reads folders the way content discovery does: hidden entries skipped, symbolic links not followed
/// into folders (a link out of the tree, or a loop, must not make the watchers wander).
enum FolderListing {
    /// The visible entries of a folder, sorted; empty when it cannot be read.
    static func entries(of folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// `true` for a real folder (not a link to one).
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// `folder/name`, without doubling a trailing slash.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Every file (not folder) under `folder`, descending into real subfolders.
    static func files(under folder: String) -> [String] {
        var files: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            for name in entries(of: current) {
                let path = join(current, name)
                if isFolder(path) { pending.append(path) } else { files.append(path) }
            }
        }
        return files
    }
}
