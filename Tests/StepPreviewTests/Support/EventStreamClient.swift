import Foundation
import StepDocTestSupport
import StepPreview
import StepProject

/// An open `GET /events` on a raw socket, read on a thread of its own: the chunked body is decoded and
/// split into server-sent events as they arrive, with the time each arrived.
final class EventStreamClient: @unchecked Sendable {
    // @unchecked: the mutable state is guarded by `lock`. The reader closes `socket` under the lock, and
    // `close()` shuts it down only while it is open: a descriptor number closed here may already belong
    // to another test's connection (or the in-process server's), which a late shutdown would break.

    struct Event: Sendable, Equatable {
        var name: String
        var data: String
        /// When the event was read, on the monotonic clock.
        var arrival: ContinuousClock.Instant

        static func == (lhs: Event, rhs: Event) -> Bool { lhs.name == rhs.name && lhs.data == rhs.data }
    }

    private let socket: Int32
    private let lock = NSLock()
    private var events: [Event] = []
    private var comments: [String] = []
    private var statusLine = ""
    private var headerText = ""
    private var ended = false

    /// Connects and waits (up to 5 s) until the server says the stream is open.
    init(port: UInt16) async throws {
        socket = try await onOwnThread {
            let socket = try connectLoopback(port: port, timeout: 30)
            try sendAll(
                socket,
                Array("GET /events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n".utf8))
            return socket
        }
        Thread { [self] in readLoop() }.start()
        guard await waitUntil({ $0.comments.contains("connected") || $0.ended }), !snapshot.ended else {
            throw SocketFailure(message: "the event stream did not open: \(statusLine) \(headerText)")
        }
    }

    /// The response's status line and headers.
    var head: String {
        lock.withLock { statusLine + "\n" + headerText }
    }

    /// Every event so far.
    var received: [Event] {
        lock.withLock { events }
    }

    /// Whether the server ended the stream (or the connection broke).
    var hasEnded: Bool {
        lock.withLock { ended }
    }

    /// The first event after the first `skip` ones that matches, waiting up to `timeout` for it.
    func event(
        after skip: Int = 0, timeout: Duration = .seconds(30), where matches: @Sendable (Event) -> Bool = { _ in true }
    ) async -> Event? {
        var found: Event?
        _ = await waitUntil(timeout: timeout) { state in
            found = state.events.dropFirst(skip).first(where: matches)
            return found != nil || state.ended
        }
        return found
    }

    /// Waits until `ended` (or `timeout`); `true` if the stream ended.
    func waitForEnd(timeout: Duration = .seconds(30)) async -> Bool {
        await waitUntil(timeout: timeout) { $0.ended }
    }

    /// Closes the connection from this side, as a browser tab does when it is closed.
    func close() {
        lock.withLock {
            if !ended { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }

    private struct Snapshot {
        var events: [Event]
        var comments: [String]
        var ended: Bool
    }

    private var snapshot: Snapshot {
        lock.withLock { Snapshot(events: events, comments: comments, ended: ended) }
    }

    /// Polls every 2 ms: short enough not to distort latencies, and no thread is blocked meanwhile.
    private func waitUntil(timeout: Duration = .seconds(30), _ condition: (Snapshot) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(snapshot) { return true }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return condition(snapshot)
    }

    private func readLoop() {
        defer {
            lock.withLock {
                Foundation.close(socket)
                ended = true
            }
        }
        var raw: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        var headDone = false
        var body: [UInt8] = []  // de-chunked bytes not yet split into events
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return }
            raw.append(contentsOf: buffer[0..<count])
            if !headDone {
                guard let end = Self.find(Array("\r\n\r\n".utf8), in: raw) else { continue }
                let head = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
                lock.withLock {
                    statusLine = head.first ?? ""
                    headerText = head.dropFirst().joined(separator: "\n")
                }
                raw.removeSubrange(..<(end + 4))
                headDone = true
            }
            // Chunks: HEX\r\n DATA \r\n; a zero-size chunk ends the body.
            while let lineEnd = Self.find(Array("\r\n".utf8), in: raw) {
                guard let size = Int(String(decoding: raw[..<lineEnd], as: UTF8.self), radix: 16) else { return }
                if size == 0 { return }
                guard raw.count >= lineEnd + 2 + size + 2 else { break }
                body.append(contentsOf: raw[(lineEnd + 2)..<(lineEnd + 2 + size)])
                raw.removeSubrange(..<(lineEnd + 2 + size + 2))
            }
            while let end = Self.find(Array("\n\n".utf8), in: body) {
                let block = String(decoding: body[..<end], as: UTF8.self)
                body.removeSubrange(..<(end + 2))
                record(block)
            }
        }
    }

    private func record(_ block: String) {
        var name = "message"
        var data: [String] = []
        var comment: String?
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(":") {
                comment = line.dropFirst().trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("event:") {
                name = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("data:") {
                var value = line.dropFirst(5)
                if value.first == " " { value = value.dropFirst() }
                data.append(String(value))
            }
        }
        let now = ContinuousClock.now
        lock.withLock {
            if let comment { comments.append(comment) }
            if !data.isEmpty { events.append(Event(name: name, data: data.joined(separator: "\n"), arrival: now)) }
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
