import Foundation
import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// Both watchers, on a real folder: writes, new folders, deletions, and stopping.
@Suite struct FileWatcherTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case inotify, polling
        var testDescription: String { rawValue }
    }

    private func watcher(_ kind: Kind, _ folder: WatcherTestFolder) throws -> any FileWatcher {
        switch kind {
        case .inotify: try InotifyWatcher(roots: folder.roots)
        case .polling: PollingWatcher(roots: folder.roots, interval: .milliseconds(20))
        }
    }

    @Test(arguments: Kind.allCases)
    func reportsAWriteInASubfolder(kind: Kind) async throws {
        let folder = try WatcherTestFolder()
        defer { folder.remove() }
        let watcher = try watcher(kind, folder)
        defer { watcher.stop() }
        let log = ChangeLog(watcher.changes)
        try folder.write("changed", to: "sub/b.rst")
        #expect(await log.wait(for: folder.path + "/sub/b.rst"), "\(log.changes)")
    }

    @Test(arguments: Kind.allCases)
    func reportsFilesInAFolderCreatedAfterItStarted(kind: Kind) async throws {
        let folder = try WatcherTestFolder()
        defer { folder.remove() }
        let watcher = try watcher(kind, folder)
        defer { watcher.stop() }
        let log = ChangeLog(watcher.changes)
        try folder.write("new", to: "later/deeper/c.rst")
        #expect(await log.wait(for: folder.path + "/later/deeper/c.rst"), "\(log.changes)")
        // The new folder is watched from now on.
        try folder.write("newer", to: "later/deeper/d.rst")
        #expect(await log.wait(for: folder.path + "/later/deeper/d.rst"), "\(log.changes)")
    }

    @Test(arguments: Kind.allCases)
    func reportsDeletionsAndRenames(kind: Kind) async throws {
        let folder = try WatcherTestFolder()
        defer { folder.remove() }
        let watcher = try watcher(kind, folder)
        defer { watcher.stop() }
        let log = ChangeLog(watcher.changes)
        try FileManager.default.moveItem(atPath: folder.path + "/sub/b.rst", toPath: folder.path + "/sub/renamed.rst")
        try FileManager.default.removeItem(atPath: folder.path + "/a.rst")
        #expect(await log.wait(for: folder.path + "/sub/b.rst"), "\(log.changes)")
        #expect(await log.wait(for: folder.path + "/sub/renamed.rst"), "\(log.changes)")
        #expect(await log.wait(for: folder.path + "/a.rst"), "\(log.changes)")
    }

    @Test(arguments: Kind.allCases)
    func ignoresHiddenFiles(kind: Kind) async throws {
        let folder = try WatcherTestFolder()
        defer { folder.remove() }
        let watcher = try watcher(kind, folder)
        defer { watcher.stop() }
        let log = ChangeLog(watcher.changes)
        try folder.write("swap", to: ".a.rst.swp")
        try folder.write("visible", to: "a.rst")
        #expect(await log.wait(for: folder.path + "/a.rst"), "\(log.changes)")
        #expect(!log.changes.contains(.path(folder.path + "/.a.rst.swp")), "\(log.changes)")
    }

    @Test(arguments: Kind.allCases)
    func endsItsStreamWhenStopped(kind: Kind) async throws {
        let folder = try WatcherTestFolder()
        defer { folder.remove() }
        let watcher = try watcher(kind, folder)
        let log = ChangeLog(watcher.changes)
        watcher.stop()
        watcher.stop()
        #expect(await log.wait { _, ended in ended }, "the stream did not end")
    }

    @Test func failsToStartOnAFolderThatDoesNotExist() {
        #expect(throws: WatcherFailure.self) {
            try InotifyWatcher(roots: [WatchRoot(path: "/nonexistent-\(UUID().uuidString)", recursive: true)])
        }
    }

    @Test func watchesOnlyTheFolderItselfWhenNotRecursive() async throws {
        let folder = try WatcherTestFolder()
        defer { folder.remove() }
        let watcher = try InotifyWatcher(roots: [WatchRoot(path: folder.path, recursive: false)])
        defer { watcher.stop() }
        let log = ChangeLog(watcher.changes)
        try folder.write("deep", to: "sub/b.rst")
        try folder.write("top", to: "a.rst")
        #expect(await log.wait(for: folder.path + "/a.rst"), "\(log.changes)")
        #expect(!log.changes.contains(.path(folder.path + "/sub/b.rst")), "\(log.changes)")
    }
}
