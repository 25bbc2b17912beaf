import Foundation

/// Writes files so that each is either as it was or complete and new: the bytes go to a temporary
/// file beside the target, which is then renamed over it. Temporary files left by a killed run are
/// removed by the next one. (Safe against a killed process; no fsync, so not against power loss.)
public enum AtomicWriter {
    /// The marker in temporary file names (`.NAME.stepdoc-tmp-PID`).
    public static let temporaryMarker = ".stepdoc-tmp-"

    /// Writes a string's UTF-8 bytes without copying them first.
    public static func write(
        _ text: String, to path: String, permissions: mode_t = 0o644, exactPermissions: Bool = false
    ) throws(StepDocFailure) {
        var text = text
        let result: Result<Void, StepDocFailure> = text.withUTF8 { buffer in
            do throws(StepDocFailure) {
                try write(
                    UnsafeRawBufferPointer(buffer), to: path, permissions: permissions,
                    exactPermissions: exactPermissions)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Writes `bytes` to `path` through a temporary file renamed over it. The new file gets
    /// `permissions` less the umask, or exactly `permissions` with `exactPermissions` (a rewrite in
    /// place that keeps the file's mode).
    public static func write(
        _ bytes: some Collection<UInt8>, to path: String, permissions: mode_t = 0o644, exactPermissions: Bool = false
    ) throws(StepDocFailure) {
        let data = Array(bytes)
        let result: Result<Void, StepDocFailure> = data.withUnsafeBytes { buffer in
            do throws(StepDocFailure) {
                try write(buffer, to: path, permissions: permissions, exactPermissions: exactPermissions)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    private static func write(
        _ buffer: UnsafeRawBufferPointer, to path: String, permissions: mode_t, exactPermissions: Bool
    ) throws(StepDocFailure) {
        let directory = path.parentFolder
        try makeDirectory(directory.isEmpty ? "." : directory)
        let base = (path as NSString).lastPathComponent
        let temporary = ((directory.isEmpty ? "." : directory) as NSString)
            .appendingPathComponent(".\(base)\(temporaryMarker)\(getpid())")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, permissions)
        guard descriptor >= 0 else { throw .outputNotWritable(path: path, reason: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        if exactPermissions, fchmod(descriptor, permissions) != 0 { failure = errno }
        var offset = 0
        while failure == 0, offset < buffer.count, let base = buffer.baseAddress {
            let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += written
        }
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .outputNotWritable(path: path, reason: String(cString: strerror(failure)))
        }
    }

    /// Creates `path` and the folders above it that are missing; a failure names the folder that could
    /// not be made and why (a file in the way, no permission, a read-only file system).
    public static func makeDirectory(_ path: String) throws(StepDocFailure) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .outputNotWritable(path: path, reason: "it is a file, not a folder")
            }
            return
        }
        let parent = path.parentFolder
        if !parent.isEmpty, parent != path, parent != "/" {
            try makeDirectory(parent)
        }
        if mkdir(path, 0o755) != 0 {
            let code = errno
            // Another build (or thread) made it in the meantime.
            if code == EEXIST, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw .outputNotWritable(path: path, reason: String(cString: strerror(code)))
        }
    }

    /// Removes temporary files a killed run left under `directory` (recursively). A file whose run is
    /// still alive (another build writing into the same folder) is left to it.
    public static func removeStrayTemporaries(under directory: String) {
        guard let entries = FolderEntries(directory) else { return }
        for entry in entries {
            let path = FolderEntries.join(directory, entry.name)
            if entry.kind == .folder {
                removeStrayTemporaries(under: path)
            } else if entry.name.utf8.count > temporaryMarker.utf8.count, entry.name.contains(temporaryMarker),
                !isWrittenByALiveProcess(entry.name)
            {
                unlink(path)
            }
        }
    }

    /// Whether the temporary file `name` (`.NAME.stepdoc-tmp-PID`) belongs to a run that is still alive:
    /// another build writing into the same folder, whose file is not stray.
    private static func isWrittenByALiveProcess(_ name: String) -> Bool {
        guard let suffix = name.components(separatedBy: temporaryMarker).last, let pid = pid_t(suffix),
            pid != getpid()
        else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
