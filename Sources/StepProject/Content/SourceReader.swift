import Foundation
import StepSyntax

/// Reads source files from disk with the project's limits.
public struct SourceReader: Sendable {
    public var maximumSize: Int
    /// Where relative paths are read from.
    public var directory: WorkingDirectory
    /// When set, a file whose opened descriptor resolves outside it is refused (the preview's reads).
    public var confinement: ReadConfinement?

    public init(
        maximumSize: Int = 64 * 1024 * 1024, directory: WorkingDirectory = .current,
        confinement: ReadConfinement? = nil
    ) {
        self.maximumSize = maximumSize
        self.directory = directory
        self.confinement = confinement
    }

    /// The file's bytes as a ``SourceFile``; directories, unreadable, oversized and binary files fail.
    public func read(_ path: String) throws(StepDocFailure) -> SourceFile {
        let bytes = try readBytes(path)
        if Self.looksBinary(bytes) { throw .binaryFile(path: path) }
        return SourceFile(path: path, bytes: bytes)
    }

    package func readBytes(_ path: String) throws(StepDocFailure) -> [UInt8] {
        let location = directory.resolve(path)
        var info = stat()
        guard stat(location, &info) == 0 else {
            let code = errno
            if code == ENOENT { throw .missingPath(path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .notAFile(path) }
        if Int(info.st_size) > maximumSize { throw .tooLarge(path: path, size: Int(info.st_size), limit: maximumSize) }
        // Non-blocking only to open: a named pipe nobody writes to would otherwise block open() for ever
        // (it then reads as empty); reads block as usual, so a pipe being written is read to its end.
        let descriptor = open(location, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        if let confinement,
            !confinement.allows(realPath: ReadConfinement.realPath(ofDescriptor: descriptor, openedAt: location))
        {
            throw .outsideServedFolders(path)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.read(descriptor, base + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            total += count
        }
        if total < bytes.count { bytes.removeSubrange(total...) }
        // A file that grew since stat: read the rest, within the limit.
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.read(descriptor, base, buffer.count)
            }
            if count < 0 {
                // Not the end of the file: a failed read (EIO from /proc/self/mem, a network file
                // system gone away) must not pass as an empty or short file.
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumSize { throw .tooLarge(path: path, size: bytes.count, limit: maximumSize) }
        }
        return bytes
    }

    /// Binary, as git judges it, loosened for text with a stray NUL: over a tenth of the first 8 KiB is
    /// NUL, other control characters, or invalid UTF-8.
    package static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return false }
        var suspicious = 0
        var index = sample.startIndex
        while index < sample.endIndex {
            let byte = sample[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C, byte != 0x0B, byte != 0x1B {
                suspicious += 1
            } else if byte >= 0x80 {
                // Count a whole invalid sequence once; valid multi-byte sequences are text.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
                if length == 0 || index + length > sample.endIndex
                    || !sample[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
                {
                    suspicious += 1
                } else {
                    index += length
                    continue
                }
            }
            index += 1
        }
        return suspicious * 10 > sample.count
    }
}
