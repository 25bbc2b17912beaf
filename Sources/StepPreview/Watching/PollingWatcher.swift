import Foundation
import StepProject

/// Finds changes by scanning: every `interval` it compares each file's modification time, size and
/// inode with the previous scan. Works on any file system, at the cost of a delay of up to `interval`.
package final class PollingWatcher: FileWatcher {
    package let changes: AsyncStream<FileChange>
    private let task: Task<Void, Never>

    package init(roots: [WatchRoot], interval: Duration = .milliseconds(250)) {
        let (changes, continuation) = AsyncStream.makeStream(
            of: FileChange.self, bufferingPolicy: .bufferingNewest(4096))
        self.changes = changes
        // The first scan happens here, so a change made right after `init` returns is seen.
        let initial = Self.scan(roots)
        task = Task.detached {
            var previous = initial
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    break
                }
                let current = Self.scan(roots)
                for path in Self.differences(previous, current) { continuation.yield(.path(path)) }
                previous = current
            }
            continuation.finish()
        }
        continuation.onTermination = { [task] _ in task.cancel() }
    }

    package func stop() {
        task.cancel()
    }

    /// What a scan records of one file.
    struct Stamp: Equatable {
        var modified: timespec
        var size: Int64
        var inode: UInt64
        var isFolder: Bool

        static func == (lhs: Stamp, rhs: Stamp) -> Bool {
            lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
                && lhs.size == rhs.size && lhs.inode == rhs.inode && lhs.isFolder == rhs.isFolder
        }
    }

    /// Every visible file and folder under the roots (the roots' own files only, when not recursive).
    static func scan(_ roots: [WatchRoot]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for root in roots {
            var pending = [root.path]
            while let folder = pending.popLast() {
                for name in FolderListing.entries(of: folder) {
                    let path = FolderListing.join(folder, name)
                    guard let stamp = stamp(path) else { continue }
                    stamps[path] = stamp
                    if stamp.isFolder && root.recursive { pending.append(path) }
                }
            }
        }
        return stamps
    }

    /// The paths added, removed or changed between two scans, sorted.
    static func differences(_ old: [String: Stamp], _ new: [String: Stamp]) -> [String] {
        var paths: [String] = []
        for (path, stamp) in new where old[path] != stamp { paths.append(path) }
        for path in old.keys where new[path] == nil { paths.append(path) }
        return paths.sorted()
    }

    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        // A link to a file counts as the file it names; a link to a folder is not followed.
        if isLink {
            var target = stat()
            if stat(path, &target) == 0, (target.st_mode & S_IFMT) != S_IFDIR { info = target }
        }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return Stamp(
            modified: modified, size: Int64(info.st_size), inode: UInt64(info.st_ino),
            isFolder: !isLink && (info.st_mode & S_IFMT) == S_IFDIR)
    }
}
