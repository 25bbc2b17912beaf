import Foundation
import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// The preview against a hostile or careless environment: files swapped for links while it runs, more
/// connections than it has descriptors for, a stop asked for while it is busy.
@Suite(.serialized) struct PreviewRobustnessTests {
    static let seedPage = "/\(PreviewProject.seedName).html"
    static let seedFile = "content/\(PreviewProject.seedName).rst"

    /// Replaces `relative` by a symbolic link to `target` (removed first, as `ln -sf` does).
    static func link(_ project: PreviewProject, _ relative: String, to target: String) throws {
        try FileManager.default.removeItem(atPath: project.path(relative))
        try FileManager.default.createSymbolicLink(atPath: project.path(relative), withDestinationPath: target)
    }

    @Test func refusesAPageWhoseFileIsReplacedByALinkOutOfTheContentFolder() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let secret = try project.seed.replacingOccurrences(of: "Your data is", with: "TOPSECRET data is")
        try project.write(secret, to: "outside/secret.rst")
        try project.write(try project.seed, to: "content/other.rst")
        try await project.withPreview { preview in
            #expect(try await preview.get(Self.seedPage).status == 200)
            #expect(try await preview.get("/other.html").status == 200)
            let stream = try await preview.events()
            defer { stream.close() }

            try Self.link(project, Self.seedFile, to: project.path("outside/secret.rst"))
            try Self.link(project, "content/other.rst", to: "/etc/passwd")
            _ = await stream.event { $0.name == "reload" && $0.data == PreviewProject.seedName }
            _ = await stream.event { $0.name == "reload" && $0.data == "other" }
            #expect(stream.received.contains { $0.data == PreviewProject.seedName }, "\(stream.received)")

            for target in [Self.seedPage, "/\(PreviewProject.seedName).txt", "/other.html", "/other.txt"] {
                let page = try await preview.get(target)
                #expect(page.status == 403, "\(target): \(page)")
                #expect(!page.body.contains("TOPSECRET") && !page.body.contains("root:"), "\(target): \(page)")
            }
            let index = try await preview.get("/")
            #expect(!index.body.contains("TOPSECRET"), "\(index.body)")
            #expect(index.body.contains("not served: it resolves outside the content folder"), "\(index.body)")

            // Put back, the page is served again.
            try FileManager.default.removeItem(atPath: project.path(Self.seedFile))
            try project.write(try String(contentsOf: Fixtures.seedFile(), encoding: .utf8), to: Self.seedFile)
            _ = await stream.event(after: stream.received.count) { $0.name == "reload" }
            #expect(try await preview.get(Self.seedPage).status == 200)
        }
    }

    @Test func refusesAnIncludeReplacedByALinkOutOfTheSourceRoot() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try project.write("Included text.\n", to: "content/includes/note.rst")
        try project.write("TOPSECRET included.\n", to: "outside/note.rst")
        let page = try project.seed.replacingOccurrences(
            of: "Your data is currently", with: "\n   .. include:: /includes/note.rst\n\n   Your data is currently")
        try project.write(page, to: Self.seedFile)
        try await project.withPreview { preview in
            #expect(try await preview.get(Self.seedPage).body.contains("Included text."))
            let stream = try await preview.events()
            defer { stream.close() }
            try Self.link(project, "content/includes/note.rst", to: project.path("outside/note.rst"))
            // The page itself did not change: save it so it is read again, with its include.
            try project.write(page + "\n", to: Self.seedFile)
            _ = await stream.event { $0.name == "reload" }
            let served = try await preview.get(Self.seedPage)
            #expect(!served.body.contains("TOPSECRET"), "\(served.body.prefix(3000))")
            #expect(served.body.contains("outside the source root"), "\(served.body.prefix(3000))")
        }
    }

    /// Makes sure this process may open `count` descriptors (raising its soft limit when the hard one
    /// allows); `false` when it cannot.
    static func canOpen(_ count: Int) -> Bool {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return false }
        if limit.rlim_cur >= rlim_t(count) { return true }
        guard limit.rlim_max >= rlim_t(count) else { return false }
        limit.rlim_cur = limit.rlim_max
        return setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0
    }

    /// 1,100 idle connections against a preview limited to 1,024 descriptors (the usual default): it
    /// used to run out, its listener ended and the port closed for good while the process ran on. With
    /// most of its descriptors taken before it starts (inherited), the limit shrinks with them: running
    /// out would also stop libdispatch (SIGILL), which opens /proc files to watch its threads.
    @Test(
        .enabled(if: canOpen(1_400), "the test opens 1,100 connections of its own"),
        arguments: [0, 990])
    func keepsServingThrough1100IdleConnectionsUnderADescriptorLimitOf1024(inheritedDescriptors: Int) async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        var shell = "ulimit -n 1024 || exit 99"
        if inheritedDescriptors > 0 {
            shell += "\nfor ((i = 3; i < \(inheritedDescriptors); i++)); do eval \"exec $i</dev/null\"; done"
        }
        let preview = try PreviewProcess(["preview", "--port", "0"], in: project.directory, shell: shell)
        defer { kill(preview.process.processIdentifier, SIGKILL) }
        let url = try #require(await preview.servingURL(timeout: .seconds(30)), "\(preview.standardError)")
        let port = try #require(UInt16(url.split(separator: ":").last?.dropLast() ?? ""), "\(url)")

        let idle = try await onOwnThread {
            var sockets: [Int32] = []
            for _ in 0..<1_100 {
                guard let socket = try? connectLoopback(port: port) else { break }
                sockets.append(socket)
            }
            return sockets
        }
        defer { idle.forEach { close($0) } }
        #expect(idle.count == 1_100, "only \(idle.count) connections were accepted")

        var answer: LoopbackHTTPClient.Response?
        let deadline = ContinuousClock.now + .seconds(20)
        while answer?.status != 200, ContinuousClock.now < deadline {
            answer = try? await LoopbackHTTPClient(port: port).get("/")
            if answer?.status != 200 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(answer?.status == 200, "no answer after 1,100 idle connections: \(preview.standardError)")
        #expect(preview.process.isRunning)
        #expect(!preview.standardError.contains("Signal"), "\(preview.standardError)")
        #expect(await preview.stop(with: SIGINT) == 0, "\(preview.standardError)")
    }

    /// A big folder renamed keeps the preview busy re-rendering for seconds, and a request waits for it;
    /// SIGTERM used to wait for all of it.
    @Test func stopsWithinASecondOfSIGTERMWhileRerenderingABigFolder() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let seed = try project.seed
        let count = 1_200
        for index in 0..<count { try project.write(seed, to: "content/copies/page-\(index).rst") }
        let preview = try PreviewProcess(["preview", "--port", "0"], in: project.directory)
        defer { kill(preview.process.processIdentifier, SIGKILL) }
        let url = try #require(await preview.servingURL(timeout: .seconds(120)), "\(preview.standardError)")
        let port = try #require(UInt16(url.split(separator: ":").last?.dropLast() ?? ""), "\(url)")

        // One rename, one batch: every page is read and rendered anew under its new name.
        try FileManager.default.moveItem(atPath: project.path("content/copies"), toPath: project.path("content/moved"))
        try await Task.sleep(for: .milliseconds(400))  // the watcher's batch is being rendered
        let waiting = Task { try? await LoopbackHTTPClient(port: port).get("/moved/page-0.html") }
        try await Task.sleep(for: .milliseconds(100))

        let signalled = ContinuousClock.now
        kill(preview.process.processIdentifier, SIGTERM)
        let status = await preview.waitForExit(timeout: .seconds(10))
        let took = ContinuousClock.now - signalled
        waiting.cancel()
        #expect(took < .milliseconds(1_500), "the preview took \(took) to stop")
        #expect(status == 0, "exit status \(String(describing: status)): \(preview.standardError)")
        #expect(preview.standardOutput.hasSuffix("stepdoc preview: stopped\n"), "\(preview.standardOutput)")
    }
}
