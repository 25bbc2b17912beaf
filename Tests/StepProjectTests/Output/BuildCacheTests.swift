import Foundation
import StepDocTestSupport
import StepProject
import Testing

/// What the build cache trusts: stamps (size, times, inode) when they were taken well before the
/// build that took them started, the bytes' hash otherwise.
@Suite struct BuildCacheTests {
    private let settings = "settings-1"

    /// A project with a source, its output, and a cache that recorded them.
    private func recorded(_ folder: StepDocProcess) throws -> (WorkingDirectory, String) {
        let directory = WorkingDirectory(folder.directory.path)
        try folder.write(Array("Step 1: Connect\n".utf8), to: "a.rst")
        try folder.write(Array("<html></html>\n".utf8), to: "out/html/a.html")
        var cache = BuildCache(outputFolder: "out", settings: settings, in: directory)
        let hash = ContentHash.hex(Array("Step 1: Connect\n".utf8))
        cache.record("a", path: "a.rst", hash: hash, dependencies: [], outputs: ["out/html/a.html"], reusable: true)
        try cache.save()
        return (directory, hash)
    }

    /// Rewrites the start time of every entry (the last field) `seconds` later.
    private func moveStart(_ folder: StepDocProcess, by seconds: Double) throws {
        let path = folder.directory.appendingPathComponent("out/.stepdoc-cache")
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map { line -> String in
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > 1, let started = Double(fields[fields.count - 1]) else { return String(line) }
            fields[fields.count - 1] = String(format: "%.9f", started + seconds)
            return fields.joined(separator: "\t")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: path, atomically: false, encoding: .utf8)
    }

    /// Stamped within the file system's timestamp granularity of the build's start: the file could have
    /// changed again in the same tick unseen, so its bytes are checked.
    @Test func checksTheBytesOfAFileStampedJustBeforeTheBuild() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let (directory, hash) = try recorded(folder)
        let cache = BuildCache(outputFolder: "out", settings: settings, in: directory)
        #expect(cache.isUpToDateWithoutReading("a", path: "a.rst") == nil)
        #expect(cache.isUpToDate("a", path: "a.rst", hash: hash))
        #expect(!cache.isUpToDate("a", path: "a.rst", hash: ContentHash.hex(Array("Step 1: Changed\n".utf8))))
    }

    @Test func trustsASettledStampButNotOtherSettingsOrPaths() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let (directory, hash) = try recorded(folder)
        try moveStart(folder, by: 3600)
        let cache = BuildCache(outputFolder: "out", settings: settings, in: directory)
        #expect(cache.isUpToDateWithoutReading("a", path: "a.rst") == true)
        #expect(BuildCache(outputFolder: "out", settings: "other", in: directory).isUpToDate("a", path: "a.rst", hash: hash) == false)
        #expect(BuildCache(outputFolder: "out", settings: settings, reuses: false, in: directory).isUpToDateWithoutReading("a", path: "a.rst") == false)
        #expect(cache.isUpToDateWithoutReading("a", path: "elsewhere/a.rst") == false)
        // The same bytes and modification time, but written again (`touch -r` after an edit): the change
        // time moved, so the bytes decide.
        let path = folder.directory.appendingPathComponent("a.rst").path
        var before = stat()
        #expect(stat(path, &before) == 0)
        try folder.write(Array("Step 1: Connect\n".utf8), to: "a.rst")
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(cache.isUpToDateWithoutReading("a", path: "a.rst") == nil)
    }

    /// Outputs are removed only for sources that are gone, only those recorded, only regular files.
    @Test func removesOnlyTheRecordedOutputsOfDeletedSources() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let (directory, _) = try recorded(folder)
        try folder.write(Array("mine\n".utf8), to: "out/html/mine.html")
        var kept = BuildCache(outputFolder: "out", settings: settings, in: directory)
        #expect(kept.removeOutputsOfDeletedSources(keeping: []) == [], "a.rst still exists")
        try FileManager.default.removeItem(at: folder.directory.appendingPathComponent("a.rst"))
        // Under other settings too: the record of what was written outlives a change of options.
        var cache = BuildCache(outputFolder: "out", settings: "other settings", in: directory)
        #expect(cache.removeOutputsOfDeletedSources(keeping: []) == ["out/html/a.html"])
        #expect(folder.contents(of: "out/html/mine.html") == "mine\n")
        #expect(folder.contents(of: "out/html/a.html") == nil)
    }
}
