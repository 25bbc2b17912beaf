import Foundation
import StepDocTestSupport
import StepPreview
import StepProject
import Synchronization
import Testing

/// The preview's HTTP server on its own, with a handler that echoes the target: connection handling,
/// HEAD, and the statuses it gives without asking the handler.
@Suite(.serialized) struct PreviewHTTPServerTests {
    /// Runs `body` with a server listening on a free loopback port.
    static func withServer(
        limits: PreviewHTTPServer.Limits = .init(), log: @escaping @Sendable (String) -> Void = { _ in },
        _ body: (UInt16) async throws -> Void
    ) async throws {
        let server = try PreviewHTTPServer(address: try ListenAddress("127.0.0.1"), port: 0, limits: limits, log: log) {
            head in
            HTTPReply(
                status: 200, fields: [("Content-Type", "text/plain")],
                body: .bytes(Array("\(head.method) \(head.target)\n".utf8)))
        }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await body(server.port)
    }

    /// Sends `bytes` on a new connection (then ends the sending side, when asked), and reads until the
    /// server closes it.
    static func exchange(_ bytes: [UInt8], port: UInt16, endSending: Bool = false) async throws -> String {
        try await onOwnThread {
            let socket = try connectLoopback(port: port)
            defer { close(socket) }
            try sendAll(socket, bytes)
            if endSending { shutdown(socket, Int32(SHUT_WR)) }
            var data: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                data += buffer[0..<count]
            }
            return String(decoding: data, as: UTF8.self)
        }
    }

    @Test func answersRequestsPipelinedOnOneConnectionInOrder() async throws {
        try await Self.withServer { port in
            let requests =
                "GET /one HTTP/1.1\r\nHost: a\r\n\r\nGET /two HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
            let answer = try await Self.exchange(Array(requests.utf8), port: port)
            let first = try #require(answer.range(of: "GET /one\n"), "\(answer)")
            let second = try #require(answer.range(of: "GET /two\n"), "\(answer)")
            #expect(first.upperBound <= second.lowerBound)
            #expect(answer.components(separatedBy: "HTTP/1.1 200 OK\r\n").count == 3, "\(answer)")
            #expect(
                answer.contains("Connection: keep-alive\r\n") && answer.hasSuffix("Connection: close\r\n\r\nGET /two\n")
            )
        }
    }

    @Test func answersHeadWithTheLengthAndNoBody() async throws {
        try await Self.withServer { port in
            let answer = try await Self.exchange(Array("HEAD /x HTTP/1.0\r\n\r\n".utf8), port: port)
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(answer)")
            #expect(answer.contains("Content-Length: 8\r\n") && answer.hasSuffix("\r\n\r\n"), "\(answer)")
        }
    }

    @Test(arguments: [
        ("NOT HTTP\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n"),
        ("GET / HTTP/3.0\r\n\r\n", "HTTP/1.1 505 HTTP Version Not Supported\r\n"),
        ("GET / HTTP/1.1\r\nConnection: close\r\n\r\n", "HTTP/1.1 400 Bad Request\r\n"),
    ])
    func answersMalformedRequestsAndCloses(request: String, statusLine: String) async throws {
        try await Self.withServer { port in
            let answer = try await Self.exchange(Array(request.utf8), port: port)
            #expect(answer.hasPrefix(statusLine), "\(answer)")
            #expect(answer.contains("Connection: close\r\n"), "\(answer)")
        }
    }

    @Test func answersARequestWithABodyItDoesNotReadAndCloses() async throws {
        try await Self.withServer { port in
            let body = [UInt8](repeating: UInt8(ascii: "x"), count: 300_000)
            let request = Array("POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
            let answer = try await Self.exchange(request, port: port)
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(answer.prefix(200))")
            #expect(answer.contains("Connection: close\r\n") && answer.hasSuffix("POST /form\n"), "\(answer)")
        }
    }

    @Test func refusesAHeadLargerThanItReads() async throws {
        try await Self.withServer { port in
            var request = "GET / HTTP/1.1\r\n"
            while request.utf8.count <= HTTPRequestHead.sizeLimit {
                request += "X-Filler: \(String(repeating: "a", count: 100))\r\n"
            }
            let answer = try await Self.exchange(Array(request.utf8), port: port)
            #expect(answer.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "\(answer.prefix(200))")
        }
    }

    @Test func closesQuietlyWhenTheClientLeavesBeforeARequest() async throws {
        try await Self.withServer { port in
            let nothing = try await Self.exchange([], port: port, endSending: true)
            #expect(nothing == "")
            let next = try await Self.exchange(
                Array("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".utf8), port: port)
            #expect(next.hasSuffix("GET /\n"), "\(next)")
        }
    }

    @Test func throwsWhenThePortIsTaken() async throws {
        try await Self.withServer { port in
            #expect(throws: (any Error).self) {
                _ = try PreviewHTTPServer(address: try ListenAddress("127.0.0.1"), port: port) { _ in
                    .plain(200, "")
                }
            }
        }
    }

    /// Whether the server closed `socket` within `timeout` (it reads the end of the stream).
    static func closesWithin(_ timeout: Duration, _ socket: Int32) async throws -> Bool {
        try await onOwnThread {
            let deadline = ContinuousClock.now + timeout
            var buffer = [UInt8](repeating: 0, count: 1024)
            var time = timeval(tv_sec: 0, tv_usec: 50_000)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
            while ContinuousClock.now < deadline {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count == 0 { return true }
                if count < 0, errno != EAGAIN, errno != EWOULDBLOCK { return true }
            }
            return false
        }
    }

    @Test func closesAConnectionThatSendsNothingOrTricklesAHeadAfterTheIdleTimeout() async throws {
        var limits = PreviewHTTPServer.Limits()
        limits.idleTimeout = .milliseconds(300)
        try await Self.withServer(limits: limits) { port in
            let silent = try connectLoopback(port: port)
            defer { close(silent) }
            let trickling = try connectLoopback(port: port)
            defer { close(trickling) }
            // Bytes that never finish a head do not extend the wait.
            let trickle = Task {
                for byte in Array("GET / HTTP/1.1\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 50) {
                    _ = withUnsafePointer(to: byte) { send(trickling, $0, 1, Int32(MSG_NOSIGNAL)) }
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
            defer { trickle.cancel() }
            #expect(try await Self.closesWithin(.seconds(3), silent), "an idle connection was kept open")
            #expect(try await Self.closesWithin(.seconds(3), trickling), "a trickled head kept its connection open")
            let answer = try await Self.exchange(
                Array("GET /after HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".utf8), port: port)
            #expect(answer.hasSuffix("GET /after\n"), "\(answer)")
        }
    }

    @Test func keepsAnsweringBeyondItsConnectionLimitByClosingIdleConnections() async throws {
        var limits = PreviewHTTPServer.Limits()
        limits.maximumConnections = 4
        try await Self.withServer(limits: limits) { port in
            let idle = try (0..<12).map { _ in try connectLoopback(port: port) }
            defer { idle.forEach { close($0) } }
            try await Task.sleep(for: .milliseconds(200))
            let answer = try await Self.exchange(
                Array("GET /busy HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".utf8), port: port)
            #expect(answer.hasSuffix("GET /busy\n"), "\(answer)")
            var closed = 0
            for socket in idle where try await Self.closesWithin(.milliseconds(100), socket) { closed += 1 }
            #expect(closed >= 8, "only \(closed) of 12 idle connections were closed at a limit of 4")
        }
    }

    @Test func refusesWith503WhenEveryConnectionIsBusyAndSaysSo() async throws {
        var limits = PreviewHTTPServer.Limits()
        limits.maximumConnections = 2
        let lines = LockedLines()
        let release = AsyncGate()
        let server = try PreviewHTTPServer(
            address: try ListenAddress("127.0.0.1"), port: 0, limits: limits, log: { lines.append($0) }
        ) { _ in
            await release.wait()
            return .plain(200, "done\n")
        }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let port = server.port
        let busy = try (0..<2).map { _ in try connectLoopback(port: port) }
        defer { busy.forEach { close($0) } }
        for socket in busy { try sendAll(socket, Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)) }
        try await Task.sleep(for: .milliseconds(200))
        let answer = try await Self.exchange(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8), port: port)
        #expect(answer.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"), "\(answer)")
        // The refusal is logged after the 503 is written: under the address sanitizer the answer can
        // arrive first, so the line gets a moment (it never came at all before the fix this checks).
        let deadline = ContinuousClock.now + .seconds(2)
        while !lines.all.contains(where: { $0.contains("refused a connection") }), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(lines.all.contains { $0.contains("refused a connection") }, "\(lines.all)")
        await release.open()
    }

    @Test func logsFailedAcceptsAndKeepsListening() async throws {
        let lines = LockedLines()
        let failures = Mutex([EMFILE, EMFILE, ECONNABORTED, ENFILE, EPERM])
        let server = try PreviewHTTPServer(
            address: try ListenAddress("127.0.0.1"), port: 0, log: { lines.append($0) },
            injectedAcceptFailure: { failures.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
        ) { head in .plain(200, "\(head.target)\n") }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let answer = try await Self.exchange(
            Array("GET /still HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".utf8), port: server.port)
        #expect(answer.hasSuffix("/still\n"), "\(answer)")
        #expect(
            lines.all.contains("stepdoc preview: accept: too many open files; waiting for a connection to close\n"),
            "\(lines.all)")
        #expect(lines.all.contains { $0.contains("too many open files in system") }, "\(lines.all)")
        #expect(lines.all.contains("stepdoc preview: accept: operation not permitted\n"), "\(lines.all)")
        #expect(!lines.all.contains { $0.contains("aborted") }, "a client giving up is not worth a line")
    }

    @Test func endsWhenTheListeningSocketFailsForGood() async throws {
        let lines = LockedLines()
        let server = try PreviewHTTPServer(
            address: try ListenAddress("127.0.0.1"), port: 0, log: { lines.append($0) },
            injectedAcceptFailure: { EBADF }
        ) { _ in .plain(200, "") }
        await #expect(throws: (any Error).self) { try await server.run() }
        #expect(lines.all.contains { $0.contains("bad file descriptor; the preview stops listening") }, "\(lines.all)")
    }
}

/// Suspends tasks until it is opened.
actor AsyncGate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }
}
