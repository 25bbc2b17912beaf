import Foundation
import StepProject

/// Paths in one spelling, so a watcher's `content/./a.rst` and discovery's `content/a.rst` match.
enum CanonicalPath {
    /// Absolute, without `.`, `..` or doubled slashes; symbolic links kept.
    static func of(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Absolute with every symbolic link resolved: where the bytes really are.
    static func resolvingLinks(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// Whether `path` is strictly inside `folder` (both canonical).
    static func isInside(_ path: String, folder: String) -> Bool {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix)
    }
}
