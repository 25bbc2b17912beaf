import Foundation
import StepSyntax
import Synchronization

/// The included files one run has read, by resolved path, so a file included from many places (or
/// many times over) is read from disk once. Each use checks the file's identity (device, inode, size,
/// modification time) with one `stat`, so a long-running preview sees an edited include at once.
public final class IncludeCache: Sendable {
    private struct Entry {
        var identity: FileIdentity
        var file: SourceFile
    }

    /// What tells two versions of a file apart without reading it.
    struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int

        init?(_ location: String) {
            var info = stat()
            guard stat(location, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            seconds = info.st_mtim.tv_sec
            nanoseconds = info.st_mtim.tv_nsec
        }
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let readCount = Atomic<Int>(0)

    public init() {}

    /// How many times a file was read from disk (rather than taken from the cache).
    public var reads: Int { readCount.load(ordering: .relaxed) }

    /// The file at `location` (resolved, links followed), named `path`: from the cache when it is
    /// unchanged, else read by `read` and kept.
    func file(
        at location: String, path: String, read: () throws(StepDocFailure) -> [UInt8]
    ) throws(StepDocFailure) -> SourceFile {
        let identity = FileIdentity(location)
        if let identity, let entry = entries.withLock({ $0[location] }), entry.identity == identity {
            return entry.file.path == path ? entry.file : SourceFile(path: path, bytes: entry.file.bytes)
        }
        let bytes = try read()
        readCount.add(1, ordering: .relaxed)
        let file = SourceFile(path: path, bytes: bytes)
        if let identity {
            entries.withLock { $0[location] = Entry(identity: identity, file: file) }
        }
        return file
    }
}
