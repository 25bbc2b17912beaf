import Foundation

/// Listens to the preview's `/events` on a raw socket, on a thread of its own, and records when each
/// reload event arrives (monotonic clock). Chunk-size lines are skipped rather than decoded: they
/// are lines of their own, never `event:` or `data:` lines, so splitting on lines is enough here.
final class ReloadListener: @unchecked Sendable {
    // @unchecked: `arrivals`, `connected` and `closed` are guarded by `lock`; the reader closes `socket`
    // under it, so `close()` never shuts down a descriptor number that was reused.
    private let lock = NSLock()
    private var arrivals: [(page: String, time: ContinuousClock.Instant)] = []
    private var connected = false
    private var closed = false
    private let socket: Int32

    init(port: UInt16) throws {
        socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw BenchmarkFailure("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else { throw BenchmarkFailure("connect: \(String(cString: strerror(errno)))") }
        let request = Array("GET /events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        Thread { [self] in read() }.start()
    }

    var isConnected: Bool { lock.withLock { connected } }

    /// Arrival time of the first reload of `page` after the first `skip` reloads, waiting up to `timeout`.
    func arrival(of page: String, after skip: Int, timeout: Duration) async -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let found = lock.withLock { arrivals.dropFirst(skip).first { $0.page == page }?.time }
            if let found { return found }
            try? await Task.sleep(for: .microseconds(200))
        }
        return nil
    }

    var count: Int { lock.withLock { arrivals.count } }

    /// The pages of every reload so far, for failure messages.
    var pages: [String] { lock.withLock { arrivals.map(\.page) } }

    func close() {
        lock.withLock {
            if !closed { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }

    private func read() {
        defer {
            lock.withLock {
                Foundation.close(socket)
                closed = true
            }
        }
        var buffer = [UInt8](repeating: 0, count: 16384)
        var pending: [UInt8] = []
        var inReload = false
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return }
            let now = ContinuousClock.now
            pending += buffer[0..<count]
            // Bytes, not Characters: "\r\n" is one Character, and chunk sizes end with it.
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var lineBytes = pending[..<newline]
                if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
                let line = String(decoding: lineBytes, as: UTF8.self)
                pending.removeSubrange(...newline)
                if line == ": connected" { lock.withLock { connected = true } }
                if line == "event: reload" { inReload = true }
                if inReload, line.hasPrefix("data: ") {
                    let page = String(line.dropFirst(6))
                    lock.withLock { arrivals.append((page, now)) }
                    inReload = false
                }
            }
        }
    }
}
