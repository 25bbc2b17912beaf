import Foundation

/// What the last build wrote, so that an unchanged source (same bytes, same included files, same
/// templates, configuration, options and stepdoc) is not read, checked or rendered again.
///
/// Kept as `OUTPUT/.stepdoc-cache.json`. Only sources that built without any finding are recorded, so
/// a warning is shown on every build until it is fixed.
public struct BuildCache: Sendable {
    public static let fileName = ".stepdoc-cache.json"

    struct Manifest: Codable {
        var version: Int
        /// The hash of everything besides the sources that outputs depend on.
        var settings: String
        var entries: [String: Entry]
    }

    struct Entry: Codable, Sendable {
        var source: String
        /// Included files and their hashes.
        var dependencies: [String: String]
        var outputs: [String]
    }

    private var manifest: Manifest
    private let path: String
    private var recorded: [String: Entry] = [:]

    /// The cache of `outputFolder`, empty when there is none or it was made with other settings.
    public init(outputFolder: String, settings: String) {
        path = (outputFolder as NSString).appendingPathComponent(Self.fileName)
        let empty = Manifest(version: 1, settings: settings, entries: [:])
        guard let data = FileManager.default.contents(atPath: path),
            let stored = try? JSONDecoder().decode(Manifest.self, from: data),
            stored.version == 1, stored.settings == settings
        else {
            manifest = empty
            return
        }
        manifest = stored
    }

    /// Whether the source `name`, whose bytes hash to `source`, needs no rebuild.
    public func isUpToDate(_ name: String, source: String) -> Bool {
        guard let entry = manifest.entries[name], entry.source == source else { return false }
        for output in entry.outputs where !FileManager.default.fileExists(atPath: output) { return false }
        for (dependency, hash) in entry.dependencies {
            guard let data = FileManager.default.contents(atPath: dependency), ContentHash.hex([UInt8](data)) == hash else {
                return false
            }
        }
        return true
    }

    /// Keeps the entry of a source that was up to date.
    public mutating func keep(_ name: String) {
        if let entry = manifest.entries[name] { recorded[name] = entry }
    }

    /// Records a source that was built cleanly.
    public mutating func record(_ name: String, source: String, dependencies: [String], outputs: [String]) {
        var hashes: [String: String] = [:]
        for dependency in dependencies {
            guard let data = FileManager.default.contents(atPath: dependency) else { return }
            hashes[dependency] = ContentHash.hex([UInt8](data))
        }
        recorded[name] = Entry(source: source, dependencies: hashes, outputs: outputs)
    }

    /// Writes the cache: the entries kept and recorded in this build, nothing else.
    public func save() throws(StepDocFailure) {
        let next = Manifest(version: 1, settings: manifest.settings, entries: recorded)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(next) else { return }
        try AtomicWriter.write([UInt8](data), to: path)
    }
}
