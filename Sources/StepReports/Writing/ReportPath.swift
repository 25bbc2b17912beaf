import Foundation
import StepProject

/// Paths as CI systems want them: relative to the folder the run started in (the repository root in CI)
/// when they lie under it, with `.` and `..` worked out.
struct ReportPath {
    /// The absolute folder paths are made relative to, without a trailing slash.
    let base: String
    /// The folder relative paths are taken from (the run's), without a trailing slash.
    let directory: String

    /// Paths of a run in `currentDirectory`, named relative to `base` (by default the same folder).
    init(currentDirectory: String = FileManager.default.currentDirectoryPath, base: String? = nil) {
        directory = Self.normalized(currentDirectory)
        self.base = Self.normalized(base ?? currentDirectory)
    }

    /// `content/a.rst` for `/repo/content/a.rst` or `./content/a.rst` run in `/repo`; other paths are
    /// returned absolute (when they leave the base) or as given.
    func relative(_ path: String) -> String {
        relativeToBase(path) ?? path
    }

    /// The path relative to ``base``, or `nil` when it is outside it.
    func relativeToBase(_ path: String) -> String? {
        let absolute = absolute(path)
        if absolute == base { return "." }
        let prefix = base == "/" ? "/" : base + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    /// The path as an absolute path with `.` and `..` removed (lexically: symbolic links are not followed).
    func absolute(_ path: String) -> String {
        Self.normalized(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// A URI reference for the path: relative and percent-encoded under the base, `file://` outside it.
    func uriReference(_ path: String) -> (uri: String, isRelative: Bool) {
        if let relative = relativeToBase(path) {
            return (Self.percentEncoded(relative), true)
        }
        return ("file://" + Self.percentEncoded(absolute(path)), false)
    }

    private static func normalized(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// Percent-encodes everything but unreserved characters, `/` and the sub-delimiters that are safe
    /// in a path; `:` is encoded so a relative reference never reads as a scheme.
    private static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        allowed.insert(charactersIn: "!$&'()*+,;=@")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
