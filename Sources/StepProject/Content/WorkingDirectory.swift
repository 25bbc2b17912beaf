import Foundation

/// The folder a run takes relative paths from.
///
/// Paths stay as the user wrote them — that is how findings and messages show them — and are joined
/// with the working directory only where a file is opened. The command line runs in the process's
/// current folder; tests and the editor server run many projects in one process, each in its own.
public struct WorkingDirectory: Sendable, Equatable, CustomStringConvertible {
    /// An absolute path.
    public let path: String

    public init(_ path: String) {
        self.path = path.hasPrefix("/") ? path : WorkingDirectory.current.resolve(path)
    }

    private init(absolute: String) {
        path = absolute
    }

    /// The process's current folder.
    public static var current: WorkingDirectory {
        WorkingDirectory(absolute: FileManager.default.currentDirectoryPath)
    }

    /// `relative` joined with the working directory; an absolute path as it is.
    public func resolve(_ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        if relative.isEmpty || relative == "." { return path }
        var trimmed = Substring(relative)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        return path.hasSuffix("/") ? path + trimmed : path + "/" + trimmed
    }

    public var description: String { path }
}
