import Foundation

/// What the last build wrote, so that an unchanged source (same bytes, same included files, same
/// templates, configuration, options and stepdoc) is not read, checked or rendered again.
///
/// Kept as `OUTPUT/.stepdoc-cache` in a line format (one source per line, tab-separated): reading and
/// writing it must cost far less than the build it saves. A source whose size and modification time
/// are as recorded is not even read; otherwise its bytes are hashed and compared. Only sources that
/// built without any finding are recorded, so a warning shows on every build until it is fixed.
public struct BuildCache: Sendable {
    public static let fileName = ".stepdoc-cache"
    static let header = "stepdoc-cache 2"

    /// A file as last seen: size and modification time (cheap to check), and a hash of its bytes.
    struct Stamp: Equatable, Sendable {
        var size: Int
        var modified: String
        var hash: String
    }

    struct Entry: Equatable, Sendable {
        var source: Stamp
        /// Included files, by path.
        var dependencies: [String: Stamp]
        var outputs: [String]
    }

    private let settings: String
    private let path: String
    private let directory: WorkingDirectory
    private var entries: [String: Entry] = [:]
    private var recorded: [String: Entry] = [:]
    /// The files in the folders the recorded outputs are in, listed once when the cache is read: one
    /// readdir per folder instead of a stat per output.
    private var existingOutputs: Set<String> = []

    /// The cache of `outputFolder`, empty when there is none or it was made with other settings.
    public init(outputFolder: String, settings: String, in directory: WorkingDirectory = .current) {
        self.settings = settings
        self.directory = directory
        path = FolderEntries.join(outputFolder, Self.fileName)
        guard let data = FileManager.default.contents(atPath: directory.resolve(path)) else { return }
        // Bytes, not Characters: the file has a line per source, and it is read on every build.
        let bytes = [UInt8](data)
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), first.elementsEqual("\(Self.header) \(settings)".utf8) else { return }
        var folders: Set<Substring> = []
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 6, let source = Self.stamp(fields[1], fields[2], fields[3]) else { continue }
            var dependencies: [String: Stamp] = [:]
            for item in fields[5].split(separator: 0x1F) {
                let parts = item.split(separator: 0x1E, omittingEmptySubsequences: false)
                if parts.count == 4, let stamp = Self.stamp(parts[1], parts[2], parts[3]) {
                    dependencies[Self.text(parts[0])] = stamp
                }
            }
            let outputs = fields[4].split(separator: 0x1F).map(Self.text)
            for output in outputs { folders.insert(Self.folder(of: output)) }
            entries[Self.text(fields[0])] = Entry(source: source, dependencies: dependencies, outputs: outputs)
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

    private static func stamp(_ size: ArraySlice<UInt8>, _ modified: ArraySlice<UInt8>, _ hash: ArraySlice<UInt8>)
        -> Stamp?
    {
        Int(text(size)).map { Stamp(size: $0, modified: text(modified), hash: text(hash)) }
    }

    /// The stamp of a file on disk without reading it (size and modification time), or `nil`.
    func quickStamp(_ path: String) -> (size: Int, modified: String)? {
        var info = stat()
        guard stat(directory.resolve(path), &info) == 0 else { return nil }
        return (Int(info.st_size), "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
    }

    /// Whether the source `name` at `path` needs no rebuild, judged by its size and modification time
    /// alone; `nil` when they changed and only its bytes can tell (see ``isUpToDate(_:hash:)``).
    public func isUpToDateWithoutReading(_ name: String, path: String) -> Bool? {
        guard let entry = entries[name] else { return false }
        guard let stamp = quickStamp(path), stamp.size == entry.source.size,
            stamp.modified == entry.source.modified
        else { return nil }
        return outputsAndDependenciesHold(entry)
    }

    /// Whether the source `name`, whose bytes hash to `hash`, needs no rebuild.
    public func isUpToDate(_ name: String, hash: String) -> Bool {
        guard let entry = entries[name], entry.source.hash == hash else { return false }
        return outputsAndDependenciesHold(entry)
    }

    private func outputsAndDependenciesHold(_ entry: Entry) -> Bool {
        for output in entry.outputs where !existingOutputs.contains(output) { return false }
        for (dependency, stamp) in entry.dependencies {
            guard let now = quickStamp(dependency) else { return false }
            if now.size == stamp.size, now.modified == stamp.modified { continue }
            guard let data = FileManager.default.contents(atPath: directory.resolve(dependency)),
                ContentHash.hex([UInt8](data)) == stamp.hash
            else { return false }
        }
        return true
    }

    /// Keeps the entry of a source that was up to date.
    public mutating func keep(_ name: String) {
        if let entry = entries[name] { recorded[name] = entry }
    }

    /// Records a source that was built cleanly from the bytes of `path` hashing to `hash`.
    public mutating func record(_ name: String, path: String, hash: String, dependencies: [String], outputs: [String]) {
        guard let stamp = quickStamp(path) else { return }
        var stamps: [String: Stamp] = [:]
        for dependency in dependencies {
            guard let quick = quickStamp(dependency),
                let data = FileManager.default.contents(atPath: directory.resolve(dependency))
            else { return }
            stamps[dependency] = Stamp(size: quick.size, modified: quick.modified, hash: ContentHash.hex([UInt8](data)))
        }
        recorded[name] = Entry(
            source: Stamp(size: stamp.size, modified: stamp.modified, hash: hash), dependencies: stamps,
            outputs: outputs)
    }

    /// Writes the cache when it changed: the entries kept and recorded in this build, nothing else.
    public func save() throws(StepDocFailure) {
        guard recorded != entries else { return }
        var text = "\(Self.header) \(settings)\n"
        for (name, entry) in recorded.sorted(by: { $0.key < $1.key }) {
            let dependencies = entry.dependencies.sorted { $0.key < $1.key }.map {
                [$0.key, String($0.value.size), $0.value.modified, $0.value.hash].joined(separator: "\u{1E}")
            }
            text +=
                [
                    name, String(entry.source.size), entry.source.modified, entry.source.hash,
                    entry.outputs.joined(separator: "\u{1F}"), dependencies.joined(separator: "\u{1F}"),
                ]
                .joined(separator: "\t") + "\n"
        }
        try AtomicWriter.write(text, to: path, in: directory)
    }
}
