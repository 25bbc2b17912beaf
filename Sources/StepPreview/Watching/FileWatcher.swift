import StepProject

/// Reports changes to the files under a set of folders as they happen.
///
/// The preview renders from what watchers report, never from a timer of its own: a watcher either
/// hears of each change from the kernel (``InotifyWatcher``) or finds it by scanning (``PollingWatcher``).
package protocol FileWatcher: Sendable {
    /// Changes in the order they were seen; the stream ends when the watcher stops.
    var changes: AsyncStream<FileChange> { get }

    /// Stops watching and ends ``changes``. Calling it again does nothing.
    func stop()
}

/// One thing a watcher saw.
package enum FileChange: Sendable, Hashable {
    /// A file or folder at this path was created, written, removed or renamed.
    case path(String)
    /// The watcher lost events (the kernel's queue overflowed): everything may have changed.
    case rescan
}

/// A folder to watch, and whether its subfolders are watched too.
package struct WatchRoot: Sendable, Hashable {
    package var path: String
    package var recursive: Bool

    package init(path: String, recursive: Bool) {
        self.path = path
        self.recursive = recursive
    }
}

/// How the preview learns of changes.
public enum WatchMode: String, Sendable, CaseIterable {
    /// inotify where the system has it, scanning where it has not or when inotify fails.
    case automatic
    /// Scanning only: for file systems that do not report changes (network shares, some containers).
    case polling
}
