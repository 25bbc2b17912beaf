import Foundation

/// What the last builds wrote, so that an unchanged source (same bytes, same included files, same
/// templates, configuration, options and stepdoc) is not read, checked or rendered again, and so that
/// the outputs of a source that no longer exists can be removed.
///
/// Kept as `OUTPUT/.stepdoc-cache` in a line format (one source per line, tab-separated): reading and
/// writing it must cost far less than the build it saves.
///
/// What is trusted: a source (or included file) whose size, modification time, change time and inode
/// are all as recorded is taken as unchanged without reading it. `touch -r` can restore a modification
/// time but not the change time, which any write (and any `chmod`, `touch` or rename) moves. When a
/// recorded time lies within ``granularity`` of the start of the build that recorded it, the file may
/// have changed again within one timestamp tick unseen (git's "racily clean" entries), so its bytes are
/// hashed and compared instead. Any other difference also comes down to the hash. Sources that built
/// with findings are recorded for their outputs only, so a warning shows on every build until fixed.
public struct BuildCache: Sendable {
    public static let fileName = ".stepdoc-cache"
    static let header = "stepdoc-cache 3"

    /// How close to a build's start a recorded timestamp has to be for the file's bytes to be checked:
    /// 2 s, the granularity of FAT's modification times, the coarsest of the file systems in use (ext4,
    /// XFS, btrfs, APFS and tmpfs keep nanoseconds, HFS+ and ext3 whole seconds).
    public static let granularity = 2.0

    /// A file as last seen: size, times and inode (cheap to check), and a hash of its bytes.
    struct Stamp: Equatable, Sendable {
        var size: Int
        /// `MTIME CTIME INODE`, times as `seconds.nanoseconds`.
        var state: String
        var hash: String

        /// The later of the two recorded times, in seconds.
        var latestTime: Double {
            state.split(separator: " ").prefix(2).compactMap { Double($0) }.max() ?? .infinity
        }
    }

    struct Entry: Equatable, Sendable {
        /// The source's absolute path.
        var path: String
        var source: Stamp
        /// Included files, by path.
        var dependencies: [String: Stamp]
        var outputs: [String]
        /// Whether the outputs may be kept when nothing changed: the source built without findings, its
        /// included files did not change during the build, and it was built with the current settings.
        var reusable: Bool
        /// When the build that took the stamps started, in seconds since 1970.
        var started: Double
    }

    private let settings: String
    private let path: String
    private let directory: WorkingDirectory
    /// Whether unchanged sources are skipped (`--no-cache` keeps the record, but rebuilds everything).
    private let reuses: Bool
    /// When this build started, in seconds since 1970: what the stamps it records are compared with.
    private let started: Double
    private var settingsMatch = false
    private var entries: [String: Entry] = [:]
    private var recorded: [String: Entry] = [:]
    /// The files in the folders the recorded outputs are in, listed once when the cache is read: one
    /// readdir per folder instead of a stat per output.
    private var existingOutputs: Set<String> = []

    /// The cache of `outputFolder`; its entries are reused only when it was made with the same
    /// `settings` (and `reuses`), but the outputs it records are known whatever the settings.
    public init(
        outputFolder: String, settings: String, reuses: Bool = true, in directory: WorkingDirectory = .current
    ) {
        self.settings = settings
        self.directory = directory
        self.reuses = reuses
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        started = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        path = FolderEntries.join(outputFolder, Self.fileName)
        guard let data = FileManager.default.contents(atPath: directory.resolve(path)) else { return }
        // Bytes, not Characters: the file has a line per source, and it is read on every build.
        let bytes = [UInt8](data)
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst() else { return }
        let header = Self.text(first).split(separator: " ")
        guard header.count == 3, header[0...1].joined(separator: " ") == Self.header else { return }
        settingsMatch = header[2] == settings
        var folders: Set<Substring> = []
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 9, let source = Self.stamp(fields[2], fields[3], fields[4]),
                let stamped = Double(Self.text(fields[8]))
            else { continue }
            var dependencies: [String: Stamp] = [:]
            for item in fields[6].split(separator: 0x1F) {
                let parts = item.split(separator: 0x1E, omittingEmptySubsequences: false)
                if parts.count == 4, let stamp = Self.stamp(parts[1], parts[2], parts[3]) {
                    dependencies[Self.text(parts[0])] = stamp
                }
            }
            let outputs = fields[5].split(separator: 0x1F).map(Self.text)
            for output in outputs { folders.insert(Self.folder(of: output)) }
            entries[Self.text(fields[0])] = Entry(
                path: Self.text(fields[1]), source: source, dependencies: dependencies, outputs: outputs,
                reusable: settingsMatch && fields[7].elementsEqual("reusable".utf8), started: stamped)
        }
        for folder in folders {
            for entry in FolderEntries(directory.resolve(String(folder))) ?? FolderEntries.empty
            where entry.kind != .folder {
                existingOutputs.insert(folder.isEmpty ? entry.name : FolderEntries.join(String(folder), entry.name))
            }
        }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// What a path's folder is written as in it: "" for a bare name, "/" for a file at the root.
    private static func folder(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.utf8.startIndex ? "/" : path[..<slash]
    }

    private static func stamp(_ size: ArraySlice<UInt8>, _ state: ArraySlice<UInt8>, _ hash: ArraySlice<UInt8>)
        -> Stamp?
    {
        Int(text(size)).map { Stamp(size: $0, state: text(state), hash: text(hash)) }
    }

    /// The stamp of a file on disk without reading it (size, times, inode), or `nil`.
    func quickStamp(_ path: String) -> (size: Int, state: String)? {
        var info = stat()
        guard stat(directory.resolve(path), &info) == 0 else { return nil }
        let state =
            "\(info.st_mtim.tv_sec).\(Self.nanoseconds(info.st_mtim.tv_nsec)) "
            + "\(info.st_ctim.tv_sec).\(Self.nanoseconds(info.st_ctim.tv_nsec)) \(info.st_ino)"
        return (Int(info.st_size), state)
    }

    private static func nanoseconds(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 9 - digits.count)) + digits
    }

    /// Whether a stamp taken by a build that started at `started` can be trusted without the bytes.
    private static func isSettled(_ stamp: Stamp, since started: Double) -> Bool {
        stamp.latestTime < started - granularity
    }

    private func reusableEntry(_ name: String, path: String) -> Entry? {
        guard reuses, let entry = entries[name], entry.reusable, entry.path == directory.resolve(path) else {
            return nil
        }
        return entry
    }

    /// Whether the source `name` at `path` needs no rebuild, judged without reading it; `nil` when
    /// only its bytes can tell (see ``isUpToDate(_:path:hash:)``).
    public func isUpToDateWithoutReading(_ name: String, path: String) -> Bool? {
        guard let entry = reusableEntry(name, path: path) else { return false }
        guard let stamp = quickStamp(path), stamp.size == entry.source.size, stamp.state == entry.source.state,
            Self.isSettled(entry.source, since: entry.started)
        else { return nil }
        return outputsAndDependenciesHold(entry)
    }

    /// Whether the source `name` at `path`, whose bytes hash to `hash`, needs no rebuild.
    public func isUpToDate(_ name: String, path: String, hash: String) -> Bool {
        guard let entry = reusableEntry(name, path: path), entry.source.hash == hash else { return false }
        return outputsAndDependenciesHold(entry)
    }

    private func outputsAndDependenciesHold(_ entry: Entry) -> Bool {
        for output in entry.outputs where !existingOutputs.contains(output) { return false }
        for (dependency, stamp) in entry.dependencies {
            guard let now = quickStamp(dependency) else { return false }
            if now.size == stamp.size, now.state == stamp.state, Self.isSettled(stamp, since: entry.started) {
                continue
            }
            guard let data = FileManager.default.contents(atPath: directory.resolve(dependency)),
                ContentHash.hex([UInt8](data)) == stamp.hash
            else { return false }
        }
        return true
    }

    /// Keeps the entry of a source that was up to date. When any of its files was found unchanged
    /// by its bytes rather than its stamp, it is stamped anew, so the bytes need not be read again; the
    /// hashes stay those just verified, and a file that changes after this is caught by its stamp, or
    /// (within ``granularity`` of this build's start) by its hash.
    public mutating func keep(_ name: String) {
        guard var entry = entries[name] else { return }
        var changed = false
        if let now = quickStamp(entry.path), now.size != entry.source.size || now.state != entry.source.state {
            entry.source = Stamp(size: now.size, state: now.state, hash: entry.source.hash)
            changed = true
        }
        for (dependency, stamp) in entry.dependencies {
            guard let now = quickStamp(dependency), now.size != stamp.size || now.state != stamp.state else { continue }
            entry.dependencies[dependency] = Stamp(size: now.size, state: now.state, hash: stamp.hash)
            changed = true
        }
        if changed { entry.started = started }
        recorded[name] = entry
    }

    /// Records a source built from the bytes of `path` hashing to `hash`, and the outputs written for
    /// it; `reusable: false` (it had findings) records the outputs only.
    public mutating func record(
        _ name: String, path: String, hash: String, dependencies: [String], outputs: [String], reusable: Bool
    ) {
        let quick = quickStamp(path) ?? (size: -1, state: "gone")
        var reusable = reusable
        var stamps: [String: Stamp] = [:]
        for dependency in dependencies {
            guard let stamp = quickStamp(dependency),
                let data = FileManager.default.contents(atPath: directory.resolve(dependency))
            else {
                reusable = false
                continue
            }
            var recorded = Stamp(size: stamp.size, state: stamp.state, hash: ContentHash.hex([UInt8](data)))
            // Read again now, not when it was included: had it changed during the build, these bytes
            // would not be the ones the output was made from, so such a file never matches.
            if !Self.isSettled(recorded, since: started) { recorded.hash = "changed-during-build" }
            stamps[dependency] = recorded
        }
        recorded[name] = Entry(
            path: directory.resolve(path), source: Stamp(size: quick.size, state: quick.state, hash: hash),
            dependencies: stamps, outputs: outputs, reusable: reusable, started: started)
    }

    /// Removes the outputs recorded for sources that no longer exist and that no source of this build
    /// writes, and forgets those sources; sources that still exist but were not built this time (a
    /// build of some paths only) stay recorded. Only regular files are removed, nothing else. Returns
    /// the outputs removed.
    public mutating func removeOutputsOfDeletedSources(keeping written: Set<String>) -> [String] {
        var removed: [String] = []
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) where recorded[name] == nil {
            var info = stat()
            if lstat(entry.path, &info) == 0 || errno != ENOENT {
                // Still there (or cannot tell): remembered as it was, but not trusted across settings.
                recorded[name] = entry
                continue
            }
            for output in entry.outputs where !written.contains(output) {
                let location = directory.resolve(output)
                guard lstat(location, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                if unlink(location) == 0 { removed.append(output) }
            }
        }
        return removed
    }

    /// Writes the cache when it changed: the entries kept and recorded in this build, and those of
    /// sources that still exist but were not built.
    public func save() throws(StepDocFailure) {
        guard recorded != entries || !settingsMatch else { return }
        var text = "\(Self.header) \(settings)\n"
        for (name, entry) in recorded.sorted(by: { $0.key < $1.key }) {
            let dependencies = entry.dependencies.sorted { $0.key < $1.key }.map {
                [$0.key, String($0.value.size), $0.value.state, $0.value.hash].joined(separator: "\u{1E}")
            }
            text +=
                [
                    name, entry.path, String(entry.source.size), entry.source.state, entry.source.hash,
                    entry.outputs.joined(separator: "\u{1F}"), dependencies.joined(separator: "\u{1F}"),
                    entry.reusable ? "reusable" : "outputs-only", String(format: "%.9f", entry.started),
                ]
                .joined(separator: "\t") + "\n"
        }
        try AtomicWriter.write(text, to: path, in: directory)
    }
}
