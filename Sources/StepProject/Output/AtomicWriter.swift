import Foundation
import Synchronization

/// Writes files so that each is either as it was or complete and new: the bytes go to a temporary
/// file beside the target, which is then renamed over it. Temporary files left by a killed run are
/// removed by the next one. (Safe against a killed process; no fsync, so not against power loss.)
///
/// What stands at the path decides how it is written, and nothing but a regular file is ever replaced:
/// - a regular file, or nothing: a temporary renamed over it;
/// - a symbolic link: the same, at the file it points to (the link stays a link);
/// - a character device (`/dev/null`) or a FIFO: opened and written directly, as a shell's `>` would;
/// - a descriptor of this process (`/dev/stdout`, `/dev/fd/N`, a process substitution `>(cat)`):
///   written to as it is, whatever it is open on;
/// - a folder, a socket or a block device: refused, with a message.
public enum AtomicWriter {
    /// The marker in temporary file names (`.NAME.stepdoc-tmp-PID-N`).
    public static let temporaryMarker = ".stepdoc-tmp-"

    /// Temporaries of this process are numbered, so two writes to one path never share one.
    private static let sequence = Atomic<Int>(0)

    /// Writes a string's UTF-8 bytes without copying them first.
    public static func write(
        _ text: String, to path: String, in directory: WorkingDirectory = .current, permissions: mode_t = 0o644,
        exactPermissions: Bool = false
    ) throws(StepDocFailure) {
        var text = text
        let result: Result<Void, StepDocFailure> = text.withUTF8 { buffer in
            do throws(StepDocFailure) {
                try write(
                    UnsafeRawBufferPointer(buffer), to: path, in: directory, permissions: permissions,
                    exactPermissions: exactPermissions)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Writes `bytes` to `path` (relative to `directory`) through a temporary file renamed over it. The
    /// new file gets `permissions` less the umask, or exactly `permissions` with `exactPermissions` (a
    /// rewrite in place that keeps the file's mode). Failures name `path` as given.
    public static func write(
        _ bytes: some Collection<UInt8>, to path: String, in directory: WorkingDirectory = .current,
        permissions: mode_t = 0o644, exactPermissions: Bool = false
    ) throws(StepDocFailure) {
        let data = Array(bytes)
        let result: Result<Void, StepDocFailure> = data.withUnsafeBytes { buffer in
            do throws(StepDocFailure) {
                try write(
                    buffer, to: path, in: directory, permissions: permissions, exactPermissions: exactPermissions)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Rewrites an existing file in place, atomically, keeping its mode, owner, group and extended
    /// attributes (`fmt`, `check --fix`). When they cannot be kept (a file of another user, and no
    /// permission to give the new file to them) the file is left as it is and the failure says why:
    /// a rewrite must not take a file away from its owner.
    public static func rewrite(_ bytes: [UInt8], at path: String, in directory: WorkingDirectory = .current)
        throws(StepDocFailure)
    {
        guard case .replaceable(let location) = destination(of: directory.resolve(path)) else {
            throw .outputNotWritable(path: path, reason: "not a regular file")
        }
        var info = stat()
        guard stat(location, &info) == 0 else {
            throw .outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        let attributes = ExtendedAttributes(of: location)
        let keep = Kept(mode: info.st_mode & 0o7777, owner: info.st_uid, group: info.st_gid, attributes: attributes)
        let result: Result<Void, StepDocFailure> = bytes.withUnsafeBytes { buffer in
            do throws(StepDocFailure) {
                try replace(
                    location, with: buffer, naming: path, permissions: keep.mode, exactPermissions: true,
                    keeping: keep)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// What a rewrite in place keeps of the file it replaces.
    struct Kept {
        var mode: mode_t
        var owner: uid_t
        var group: gid_t
        var attributes: ExtendedAttributes
    }

    /// What stands at a path, as far as writing it is concerned.
    enum Destination: Equatable {
        /// A regular file or nothing, at this (resolved) location: written through a temporary.
        case replaceable(String)
        /// A character device or a FIFO (pipes included), at this location: opened and written directly.
        case stream(String)
        /// A descriptor this process has open (`/dev/stdout`, `/dev/fd/N`, `>(cat)`): written as it is.
        case descriptor(Int32)
        case refused(String)
    }

    /// Where and how `location` is written: symbolic links followed to what they name.
    static func destination(of location: String) -> Destination {
        var current = location
        for _ in 0..<40 {
            if let descriptor = descriptor(named: current) { return destination(ofDescriptor: descriptor) }
            var info = stat()
            // Nothing there (or a link to nothing): the file is created where the path leads.
            guard lstat(current, &info) == 0 else { return .replaceable(current) }
            guard (info.st_mode & S_IFMT) == S_IFLNK else { return destination(current, kind: info.st_mode) }
            guard let link = linkTarget(current) else { return .refused("it is a symbolic link that cannot be read") }
            current = link.hasPrefix("/") ? link : (current.parentFolder as NSString).appendingPathComponent(link)
        }
        return .refused("it is a symbolic link loop")
    }

    private static func destination(_ location: String, kind mode: mode_t) -> Destination {
        switch mode & S_IFMT {
        case S_IFREG: return .replaceable(location)
        case S_IFCHR, S_IFIFO: return .stream(location)
        case S_IFDIR: return .refused("it is a folder")
        case S_IFSOCK: return .refused("it is a socket")
        case S_IFBLK: return .refused("it is a block device")
        default: return .refused("it is not a regular file")
        }
    }

    private static func destination(ofDescriptor descriptor: Int32) -> Destination {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .refused("descriptor \(descriptor) is not open") }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .refused("it is a folder")
        case S_IFBLK: return .refused("it is a block device")
        default: return .descriptor(descriptor)
        }
    }

    /// The descriptor of this process a path names: `/dev/stdin`, `/dev/stdout`, `/dev/stderr`,
    /// `/dev/fd/N`, `/proc/self/fd/N` (and the same under this process's pid). Opening such a path
    /// would open the file anew (or fail, for a socket); writing to the descriptor is what the shell
    /// that set it up means.
    static func descriptor(named location: String) -> Int32? {
        // Lexically: resolving links here would turn /dev/stdout into what it is open on.
        var components: [Substring] = []
        for component in location.split(separator: "/") where component != "." {
            if component == ".." { _ = components.popLast() } else { components.append(component) }
        }
        let path = "/" + components.joined(separator: "/")
        switch path {
        case "/dev/stdin": return 0
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default: break
        }
        for folder in ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", "/proc/\(getpid())/fd/"]
        where path.hasPrefix(folder) {
            return Int32(path.dropFirst(folder.count))
        }
        return nil
    }

    /// What a symbolic link holds, or `nil` when it cannot be read.
    private static func linkTarget(_ location: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(location, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func write(
        _ buffer: UnsafeRawBufferPointer, to path: String, in directory: WorkingDirectory, permissions: mode_t,
        exactPermissions: Bool
    ) throws(StepDocFailure) {
        guard !path.isEmpty else { throw .usage("an empty path names no file") }
        switch destination(of: directory.resolve(path)) {
        case .refused(let reason):
            throw .outputNotWritable(path: path, reason: reason)
        case .stream(let location):
            try writeDirectly(buffer, to: location, naming: path)
        case .descriptor(let descriptor):
            if let failure = writeAll(buffer, to: descriptor) {
                throw .outputNotWritable(path: path, reason: String(cString: strerror(failure)))
            }
        case .replaceable(let location):
            try replace(
                location, with: buffer, naming: path, permissions: permissions, exactPermissions: exactPermissions)
        }
    }

    /// A device or a FIFO, opened as a shell's `>` would (a FIFO without a reader is an error, not a wait).
    private static func writeDirectly(_ buffer: UnsafeRawBufferPointer, to location: String, naming path: String)
        throws(StepDocFailure)
    {
        let descriptor = open(location, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENXIO ? "nothing reads from the pipe" : String(cString: strerror(errno))
            throw .outputNotWritable(path: path, reason: reason)
        }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        if let failure = writeAll(buffer, to: descriptor) {
            throw .outputNotWritable(path: path, reason: String(cString: strerror(failure)))
        }
    }

    private static func replace(
        _ location: String, with buffer: UnsafeRawBufferPointer, naming path: String, permissions: mode_t,
        exactPermissions: Bool, keeping kept: Kept? = nil
    ) throws(StepDocFailure) {
        let folder = location.parentFolder.isEmpty ? "." : location.parentFolder
        try makeFolder(folder, naming: path.parentFolder.isEmpty ? "." : path.parentFolder)
        let base = (location as NSString).lastPathComponent
        let number = sequence.add(1, ordering: .relaxed).newValue
        let temporary = (folder as NSString).appendingPathComponent(".\(base)\(temporaryMarker)\(getpid())-\(number)")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw .outputNotWritable(path: path, reason: String(cString: strerror(errno))) }
        var failure: Int32? = nil
        var reason: String? = nil
        if let kept, fchown(descriptor, kept.owner, kept.group) != 0 {
            var mine = stat()
            // Already ours (the usual case): nothing to give away. Otherwise the owner would change.
            if fstat(descriptor, &mine) != 0 || mine.st_uid != kept.owner || mine.st_gid != kept.group {
                failure = errno
                reason = "its owner and group (\(kept.owner):\(kept.group)) cannot be kept; left unchanged"
            }
        }
        if failure == nil, exactPermissions, fchmod(descriptor, permissions) != 0 { failure = errno }
        if failure == nil, let kept, let problem = kept.attributes.apply(to: descriptor) {
            failure = EPERM
            reason = "its extended attribute '\(problem)' cannot be kept; left unchanged"
        }
        if failure == nil { failure = writeAll(buffer, to: descriptor) }
        close(descriptor)
        if failure == nil, rename(temporary, location) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw .outputNotWritable(path: path, reason: reason ?? String(cString: strerror(failure)))
        }
    }

    /// Writes the whole buffer; the errno of a failed write, or `nil`.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// Creates `path` (relative to `directory`) and the folders above it that are missing; a failure
    /// names the folder that could not be made and why (a file in the way, no permission, a read-only
    /// file system).
    public static func makeDirectory(_ path: String, in directory: WorkingDirectory = .current)
        throws(StepDocFailure)
    {
        guard !path.isEmpty else { throw .usage("an empty path names no folder") }
        try makeFolder(directory.resolve(path), naming: path)
    }

    private static func makeFolder(_ location: String, naming path: String) throws(StepDocFailure) {
        var info = stat()
        if stat(location, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .outputNotWritable(path: path, reason: "it is a file, not a folder")
            }
            return
        }
        let parent = location.parentFolder
        if !parent.isEmpty, parent != location, parent != "/" {
            try makeFolder(parent, naming: path.parentFolder.isEmpty ? parent : path.parentFolder)
        }
        if mkdir(location, 0o755) != 0 {
            let code = errno
            // Another build (or thread) made it in the meantime.
            if code == EEXIST, stat(location, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw .outputNotWritable(path: path, reason: String(cString: strerror(code)))
        }
    }

    /// Removes temporary files a killed run left under `folder` (recursively). A file whose run is
    /// still alive (another build writing into the same folder) is left to it.
    public static func removeStrayTemporaries(under folder: String, in directory: WorkingDirectory = .current) {
        let location = directory.resolve(folder)
        guard let entries = FolderEntries(location) else { return }
        for entry in entries {
            let path = FolderEntries.join(location, entry.name)
            if entry.kind == .folder {
                removeStrayTemporaries(under: path)
            } else if isStrayTemporary(entry.name) {
                unlink(path)
            }
        }
    }

    /// Whether `name` is a temporary (`.NAME.stepdoc-tmp-PID` or `…-PID-N`) of a run that has ended.
    static func isStrayTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker, options: .backwards) else {
            return false
        }
        let suffix = name[marker.upperBound...]
        guard let pid = pid_t(suffix.prefix { $0 != "-" }) else { return false }
        if pid == getpid() { return false }
        return !(kill(pid, 0) == 0 || errno == EPERM)
    }
}
