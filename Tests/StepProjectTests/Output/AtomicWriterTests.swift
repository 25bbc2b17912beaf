import Foundation
import StepDocTestSupport
import StepProject
import Testing

/// The temporary files of atomic writes: what a killed run leaves is removed, nothing else.
@Suite struct AtomicWriterTests {
    @Test func removesStrayTemporariesInEveryFolderButKeepsThoseOfALiveRun() throws {
        let project = try StepDocProcess()
        defer { project.remove() }
        // A process that has exited (its pid reaped) stands for a killed build.
        let exited = Process()
        exited.executableURL = URL(fileURLWithPath: "/bin/true")
        try exited.run()
        exited.waitUntilExit()
        let dead = exited.processIdentifier
        let files = [
            "out/html/page.html": "kept",
            "out/html/.page.html.stepdoc-tmp-\(dead)": "stray",
            "out/html/deep/er/.x.html.stepdoc-tmp-\(dead)": "stray",
            "out/html/.other.html.stepdoc-tmp-\(getppid())": "a live run's",
            "out/html/\(String(repeating: "long-name-", count: 20)).html": "kept",
        ]
        for (path, text) in files { try project.write(Array(text.utf8), to: path) }
        AtomicWriter.removeStrayTemporaries(under: project.directory.appendingPathComponent("out/html").path)
        for (path, text) in files {
            let exists = FileManager.default.fileExists(atPath: project.directory.appendingPathComponent(path).path)
            #expect(exists == (text != "stray"), "\(path)")
        }
    }
}

/// What stands at an output path decides how it is written; nothing but a regular file is replaced.
@Suite struct AtomicWriterDestinationTests {
    private static var isRoot: Bool { geteuid() == 0 }

    private func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    private func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writesThroughASymbolicLinkAndKeepsTheLink() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let root = folder.directory.path
        try folder.write(Array("old\n".utf8), to: "elsewhere/report.json")
        try FileManager.default.createSymbolicLink(
            atPath: root + "/report.json", withDestinationPath: "elsewhere/report.json")
        try AtomicWriter.write("new\n", to: "report.json", in: WorkingDirectory(root))
        #expect(kind(root + "/report.json") == S_IFLNK)
        #expect(text(root + "/elsewhere/report.json") == "new\n")
        // A link to nothing yet: the file it names is made.
        try FileManager.default.createSymbolicLink(atPath: root + "/dangling", withDestinationPath: "made.txt")
        try AtomicWriter.write("made\n", to: "dangling", in: WorkingDirectory(root))
        #expect(kind(root + "/dangling") == S_IFLNK)
        #expect(text(root + "/made.txt") == "made\n")
    }

    /// `--report json:/dev/null` as root used to rename a regular file over the device. A device node
    /// of our own (the null device, made with mknod) stands for it, so a regression cannot break
    /// the machine's /dev/null.
    @Test(.enabled(if: isRoot, "making a device node needs root")) func writesToACharacterDeviceWithoutReplacingIt()
        throws
    {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let device = folder.directory.appendingPathComponent("null").path
        #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0, "\(String(cString: strerror(errno)))")
        try AtomicWriter.write("{}\n", to: device)
        #expect(kind(device) == S_IFCHR)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.directory.path)
        #expect(leftovers == ["null"], "no temporary left beside the device: \(leftovers)")
    }

    @Test func writesToAFIFOAndKeepsIt() async throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let fifo = folder.directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // A reader on a thread of its own: opening a FIFO for reading waits for the writer.
        let reader = Task {
            try await onOwnThread { () -> String in
                let descriptor = open(fifo, O_RDONLY)
                defer { close(descriptor) }
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let count = read(descriptor, &buffer, buffer.count)
                    if count <= 0 { return String(decoding: bytes, as: UTF8.self) }
                    bytes += buffer[0..<count]
                }
            }
        }
        // The writer does not wait for a reader (that would hang a run): retry until the reader is there.
        var written = false
        for _ in 0..<200 where !written {
            do {
                try AtomicWriter.write("through the pipe\n", to: fifo)
                written = true
            } catch {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        #expect(written)
        #expect(try await reader.value == "through the pipe\n")
        #expect(kind(fifo) == S_IFIFO)
    }

    @Test func failsAtOnceOnAFIFOThatNobodyReads() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let fifo = folder.directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(throws: StepDocFailure.outputNotWritable(path: fifo, reason: "nothing reads from the pipe")) {
            try AtomicWriter.write("lost\n", to: fifo)
        }
        #expect(kind(fifo) == S_IFIFO)
    }

    /// `--report json:>(cat)` names `/dev/fd/63`, a pipe the shell opened for the process: written to
    /// as it is (it used to fail with "not a regular file", and a FIFO path used to be replaced).
    @Test func writesToADescriptorItsPathNames() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        for path in ["/dev/fd/\(ends[1])", "/proc/self/fd/\(ends[1])"] {
            try AtomicWriter.write("via \(path)\n", to: path)
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = read(ends[0], &buffer, buffer.count)
            #expect(String(decoding: buffer[0..<max(0, count)], as: UTF8.self) == "via \(path)\n")
        }
        // A link to such a path is followed to it.
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let link = folder.directory.appendingPathComponent("out").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/fd/\(ends[1])")
        try AtomicWriter.write("via a link\n", to: link)
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = read(ends[0], &buffer, buffer.count)
        #expect(String(decoding: buffer[0..<max(0, count)], as: UTF8.self) == "via a link\n")
        #expect(kind(link) == S_IFLNK)
    }

    @Test func refusesAFolderASocketAndALinkLoop() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let root = folder.directory.path
        try FileManager.default.createDirectory(atPath: root + "/folder", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: root + "/b", withDestinationPath: "a")
        let socketPath = root + "/socket"
        let socket = Foundation.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socketPath.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0, "\(String(cString: strerror(errno)))")
        let cases = [("folder", "it is a folder"), ("socket", "it is a socket"), ("a", "it is a symbolic link loop")]
        for (name, reason) in cases {
            #expect(throws: StepDocFailure.outputNotWritable(path: name, reason: reason)) {
                try AtomicWriter.write("x\n", to: name, in: WorkingDirectory(root))
            }
        }
        #expect(kind(root + "/folder") == S_IFDIR)
        #expect(kind(root + "/socket") == S_IFSOCK)
        #expect(kind(root + "/a") == S_IFLNK)
    }

    /// Many writes to one path at once (a file named twice on the command line used to be rendered
    /// twice through one temporary): each has a temporary of its own, all succeed, and the file is one
    /// of them, whole.
    @Test func givesEveryWriteItsOwnTemporary() async throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let path = folder.directory.appendingPathComponent("page.html").path
        let texts = (0..<16).map { String(repeating: "\($0 % 10)", count: 100_000 + $0) }
        let failures = await withTaskGroup(of: StepDocFailure?.self) { group in
            for text in texts {
                group.addTask {
                    do throws(StepDocFailure) {
                        try AtomicWriter.write(text, to: path)
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            var failures: [StepDocFailure] = []
            for await failure in group { if let failure { failures.append(failure) } }
            return failures
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(texts.contains(text(path) ?? ""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.directory.path) == ["page.html"])
    }

    /// `fmt` run as root on a file of `nobody` with mode 0600 used to leave it root's: the owner lost it.
    @Test(.enabled(if: isRoot, "giving a file to another user needs root"))
    func rewriteKeepsOwnerGroupModeAndExtendedAttributes() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array("before\n".utf8), to: "steps.rst")
        let path = folder.directory.appendingPathComponent("steps.rst").path
        #expect(chown(path, 65534, 65534) == 0)
        #expect(chmod(path, 0o2640) == 0)
        let attribute = ExtendedAttributes.set("user.stepdoc-test", to: Array("kept".utf8), at: path)
        try AtomicWriter.rewrite(Array("after\n".utf8), at: path)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_uid == 65534 && info.st_gid == 65534, "owner \(info.st_uid):\(info.st_gid)")
        #expect(info.st_mode & 0o7777 == 0o2640, "mode \(String(info.st_mode & 0o7777, radix: 8))")
        #expect(text(path) == "after\n")
        if attribute {
            let values = ExtendedAttributes(of: path).values
            #expect(values.contains { $0.name == "user.stepdoc-test" && $0.value == Array("kept".utf8) }, "\(values)")
        }
    }
}
