import Foundation
import StepDocTestSupport
import StepPreview
import StepProject

/// A temporary folder for watcher tests, and a way to collect what a watcher reports.
struct WatcherTestFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("stepdoc-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        try write("one", to: "a.rst")
        try write("two", to: "sub/b.rst")
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func write(_ text: String, to relative: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var roots: [WatchRoot] { [WatchRoot(path: path, recursive: true)] }
}

/// Collects a watcher's changes on a task of its own, so a test can wait for a path without blocking.
final class ChangeLog: @unchecked Sendable {
    // @unchecked: `seen` and `ended` are guarded by `lock`.
    private let lock = NSLock()
    private var seen: [FileChange] = []
    private var ended = false
    private var task: Task<Void, Never>?

    init(_ changes: AsyncStream<FileChange>) {
        task = Task { [self] in
            for await change in changes { lock.withLock { seen.append(change) } }
            lock.withLock { ended = true }
        }
    }

    var changes: [FileChange] { lock.withLock { seen } }
    var hasEnded: Bool { lock.withLock { ended } }

    /// Waits up to `timeout` for `condition`; returns whether it came true.
    func wait(timeout: Duration = .seconds(30), until condition: ([FileChange], Bool) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if lock.withLock({ condition(seen, ended) }) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return lock.withLock { condition(seen, ended) }
    }

    func wait(for path: String, timeout: Duration = .seconds(30)) async -> Bool {
        await wait(timeout: timeout) { changes, _ in changes.contains(.path(path)) }
    }
}
