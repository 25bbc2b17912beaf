import Foundation
import StepProject

#if canImport(Glibc)
    import Glibc
#endif

/// Hears of changes from Linux's inotify: one watch per folder, added recursively, and on folders that
/// appear later as they appear.
///
/// A thread of its own blocks in `poll(2)` on the inotify descriptor and on a pipe that ``stop()``
/// writes to, so no thread of Swift's cooperative pool is ever held by a blocking read.
package final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    // @unchecked: `watches` belongs to the reader thread once it has started (before that, to `init`);
    // `state` and the descriptors' lifetime are guarded by `lock`.
    package let changes: AsyncStream<FileChange>
    private let continuation: AsyncStream<FileChange>.Continuation
    private let descriptor: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private var watches: [Int32: WatchRoot] = [:]
    private let lock = NSLock()
    private var state = State.running

    private enum State {
        case running, stopping, closed
    }

    /// Starts watching; throws when inotify is missing or a root cannot be watched (too many watches,
    /// a root that is not a folder), so the caller can fall back to ``PollingWatcher``.
    package init(roots: [WatchRoot]) throws(WatcherFailure) {
        #if os(Linux)
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { throw WatcherFailure("inotify_init1: \(String(cString: strerror(errno)))") }
            var pipeEnds: [Int32] = [0, 0]
            guard pipe(&pipeEnds) == 0 else {
                close(descriptor)
                throw WatcherFailure("pipe: \(String(cString: strerror(errno)))")
            }
            self.descriptor = descriptor
            wakeRead = pipeEnds[0]
            wakeWrite = pipeEnds[1]
            (changes, continuation) = AsyncStream.makeStream(
                of: FileChange.self, bufferingPolicy: .bufferingNewest(4096))
            for root in roots {
                if let failure = addWatches(root.path, recursive: root.recursive, reportFiles: false) {
                    closeDescriptors()
                    throw failure
                }
            }
            let thread = Thread { [self] in readLoop() }
            thread.name = "stepdoc inotify"
            thread.start()
        #else
            throw WatcherFailure("inotify is only available on Linux")
        #endif
    }

    package func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard state == .running else { return }
        state = .stopping
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    #if os(Linux)
        private static let eventMask =
            UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_FROM)
            | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
            | UInt32(IN_ONLYDIR)

        /// Watches `folder` (and its subfolders when `recursive`); with `reportFiles`, reports the files
        /// found, which may have been written before the watch existed. Returns what went wrong, if anything.
        private func addWatches(_ folder: String, recursive: Bool, reportFiles: Bool) -> WatcherFailure? {
            var pending = [folder]
            while let current = pending.popLast() {
                let watch = inotify_add_watch(descriptor, current, Self.eventMask)
                if watch < 0 {
                    let code = errno
                    // A folder removed while we walked it is not a failure; running out of watches is.
                    if current != folder && (code == ENOENT || code == ENOTDIR) { continue }
                    return WatcherFailure("cannot watch \(current): \(String(cString: strerror(code)))")
                }
                watches[watch] = WatchRoot(path: current, recursive: recursive)
                guard recursive || reportFiles else { continue }
                for name in FolderListing.entries(of: current) {
                    let path = FolderListing.join(current, name)
                    if FolderListing.isFolder(path) {
                        if recursive { pending.append(path) }
                    } else if reportFiles {
                        continuation.yield(.path(path))
                    }
                }
            }
            return nil
        }

        private func readLoop() {
            let capacity = 64 * 1024
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
            defer {
                buffer.deallocate()
                closeDescriptors()
                continuation.finish()
            }
            var descriptors = [
                pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            while true {
                descriptors[0].revents = 0
                descriptors[1].revents = 0
                let ready = poll(&descriptors, 2, -1)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return
                }
                if descriptors[1].revents != 0 { return }
                guard descriptors[0].revents != 0 else { continue }
                while true {
                    let count = read(descriptor, buffer.baseAddress, capacity)
                    if count < 0 {
                        if errno == EINTR { continue }
                        break  // EAGAIN: drained
                    }
                    if count == 0 { break }
                    handleEvents(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                }
            }
        }

        /// Turns a buffer of `struct inotify_event` records into changes.
        private func handleEvents(_ bytes: UnsafeRawBufferPointer) {
            let headerSize = 16  // int wd; uint32_t mask, cookie, len;
            var offset = 0
            while offset + headerSize <= bytes.count {
                let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = bytes[(offset + headerSize)..<min(bytes.count, offset + headerSize + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += headerSize + length
                handleEvent(watch: watch, mask: mask, name: name)
            }
        }

        private func handleEvent(watch: Int32, mask: UInt32, name: String) {
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                continuation.yield(.rescan)
                return
            }
            guard let folder = watches[watch] else { return }
            if mask & UInt32(IN_IGNORED) != 0 {
                // The folder is gone (or unmounted); the kernel dropped the watch.
                watches[watch] = nil
                return
            }
            if name.isEmpty {
                // The watched folder itself was removed or moved.
                if mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
                    continuation.yield(.path(folder.path))
                }
                return
            }
            if name.hasPrefix(".") { return }  // editors' swap and temporary files; discovery skips them too
            let path = FolderListing.join(folder.path, name)
            if mask & UInt32(IN_ISDIR) != 0, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0, folder.recursive {
                // Files written into a new folder before its watch existed would go unheard: report them.
                _ = addWatches(path, recursive: true, reportFiles: true)
            }
            continuation.yield(.path(path))
        }
    #endif

    private func closeDescriptors() {
        lock.lock()
        defer { lock.unlock() }
        guard state != .closed else { return }
        state = .closed
        close(descriptor)
        close(wakeRead)
        close(wakeWrite)
    }
}
