import Foundation

/// The entries of one folder as readdir gives them, with the kind the file system already knows:
/// discovery and the build cache run on every build over every file, and a `stat` per name (what
/// FileManager does) costs more than the listing itself.
struct FolderEntries: Sequence {
    enum Kind: Equatable {
        case file
        case folder
        /// A symbolic link, or a file system that does not report kinds: `stat` the path to know.
        case unknown
        /// A device, socket or pipe.
        case other
    }

    struct Entry {
        var name: String
        var kind: Kind
    }

    /// Every entry but `.` and `..`, unsorted; nil when the folder cannot be opened.
    let entries: [Entry]

    /// A folder with nothing in it.
    static let empty = FolderEntries(entries: [])

    private init(entries: [Entry]) {
        self.entries = entries
    }

    init?(_ folder: String) {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        guard let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { return nil }
        var entries: [Entry] = []
        while let record = readdir(stream) {
            // The name in place: a dirent is only as long as its name, so copying the whole 256-byte
            // `d_name` tuple reads past the record (AddressSanitizer: heap-buffer-overflow).
            let name = String(cString: (UnsafeRawPointer(record) + offset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(record.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK), Int32(DT_UNKNOWN): kind = .unknown
            default: kind = .other
            }
            entries.append(Entry(name: name, kind: kind))
        }
        self.entries = entries
    }

    func makeIterator() -> IndexingIterator<[Entry]> {
        entries.makeIterator()
    }

    /// `folder/name`, without doubling a trailing slash.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
