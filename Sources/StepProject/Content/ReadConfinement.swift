import Foundation

/// The folders (and single files) a long-running reader may read from, checked at every read.
///
/// The preview reads the same paths for hours while the user, or anyone who can write in the content
/// folder, changes what they are: a page's file replaced by a symbolic link to `/etc/passwd` must not
/// be served. Checking the path before opening it leaves a gap (the link can be swapped in between),
/// so the check is made on the file actually opened: the path of the open descriptor, with every link
/// resolved, must lie inside one of the folders.
public struct ReadConfinement: Sendable, Equatable {
    /// Real paths (links resolved) of the folders reads may land in.
    public private(set) var folders: [String]
    /// Real paths of single files that may be read wherever they are (a step file named on its own).
    public private(set) var files: [String]

    /// `folders` and `files` as given (relative to `directory`); their links are resolved now.
    public init(folders: [String], files: [String] = [], in directory: WorkingDirectory = .current) {
        self.folders = folders.map { Self.realPath(directory.resolve($0)) }
        self.files = files.map { Self.realPath(directory.resolve($0)) }
    }

    /// Whether a real path may be read.
    public func allows(realPath path: String) -> Bool {
        if files.contains(path) { return true }
        return folders.contains { folder in
            path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
    }

    /// The real path of an open descriptor: what `/proc/self/fd/N` links to on Linux; elsewhere (or
    /// without /proc) the real path of `path` resolved now, the best left.
    static func realPath(ofDescriptor descriptor: Int32, openedAt path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        if count > 0 {
            let bytes = buffer[0..<count].map { UInt8(bitPattern: $0) }
            let text = String(decoding: bytes, as: UTF8.self)
            if text.hasPrefix("/") { return text }
        }
        return realPath(path)
    }

    /// `path` absolute, with every link resolved (as far as it exists).
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else {
            return URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
