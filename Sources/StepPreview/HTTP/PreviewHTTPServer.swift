import FlyingSocks
import Foundation
import StepProject

/// The preview's HTTP/1.1 server: GET and HEAD, persistent connections, and event streams sent with
/// chunked transfer coding, on FlyingSocks' non-blocking sockets and epoll.
///
/// FlyingFox's HTTP layer would do the same, but its module links FoundationNetworking (for a proxy
/// handler the preview never uses), and with it libcurl and some thirty shared libraries that every
/// `stepdoc` command — `check` in a CI loop as much as `preview` — loaded at start: about 10 ms of
/// the 15 ms start-up budget.
///
/// ```
/// let server = try PreviewHTTPServer(address: address, port: 0) { head in … }
/// let task = Task { try await server.run() }   // serves until cancelled
/// print(server.port)
/// task.cancel()
/// ```
package final class PreviewHTTPServer: Sendable {
    package typealias Handler = @Sendable (HTTPRequestHead) async -> HTTPReply

    /// How many connections are served at once and how long an idle one is kept.
    package struct Limits: Sendable {
        /// Beyond it, the connection that has waited longest for a request is closed, or the new one is
        /// refused with 503 when every one is busy.
        package var maximumConnections = ConnectionTable.defaultLimit()
        /// How long a connection may wait for a request (between requests too), or take to read a
        /// reply, before it is closed.
        package var idleTimeout = Duration.seconds(15)

        package init() {}
    }

    /// The port bound (the one picked, when asked for 0).
    package let port: UInt16
    private let listener: Socket
    private let pool: SocketPool<ePoll>
    private let handler: Handler
    private let connections: ConnectionTable
    private let log: ThrottledLog
    /// Before each accept, an `errno` to fail it with instead (a test's way to run out of descriptors
    /// without taking the whole process down); `nil` calls accept(2).
    private let injectedAcceptFailure: (@Sendable () -> Int32?)?

    /// Binds and listens at once, so a taken port is an error here rather than in `run()`. `log` gets
    /// the lines the server writes on its own (accept failures, refused connections).
    package init(
        address: ListenAddress, port: UInt16, limits: Limits = Limits(),
        log: @escaping @Sendable (String) -> Void = { _ in },
        injectedAcceptFailure: (@Sendable () -> Int32?)? = nil, handler: @escaping Handler
    ) throws {
        let socket: Socket
        switch address.family {
        case .ip4:
            let socketAddress = try sockaddr_in.inet(ip4: address.host, port: port)
            socket = try Socket(domain: Int32(sockaddr_in.family))
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: socketAddress)
        case .ip6:
            let socketAddress = try sockaddr_in6.inet6(ip6: address.host, port: port)
            socket = try Socket(domain: Int32(sockaddr_in6.family))
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: socketAddress)
        }
        do {
            try socket.listen()
            switch try socket.sockname() {
            case .ip4(_, let bound), .ip6(_, let bound): self.port = bound
            default: throw SocketError.unsupportedAddress
            }
        } catch {
            try? socket.close()
            throw error
        }
        listener = socket
        pool = .ePoll()
        self.handler = handler
        connections = ConnectionTable(limit: limits.maximumConnections, idleTimeout: limits.idleTimeout)
        self.log = ThrottledLog(log)
        self.injectedAcceptFailure = injectedAcceptFailure
    }

    /// The number of connections open now.
    package var connectionCount: Int { connections.count }

    /// Accepts and serves connections until the task is cancelled, then closes every one. Throws only
    /// when the listening socket itself fails; a failed accept (out of descriptors) is logged and the
    /// server carries on.
    package func run() async throws {
        defer { try? listener.close() }
        try await pool.prepare()
        let listening = try AsyncSocket(socket: listener, pool: pool)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [pool] in try await pool.run() }
            group.addTask { [connections] in
                // Idle connections are closed within a quarter of the timeout of their deadline.
                let tick = min(max(connections.idleTimeout / 4, .milliseconds(20)), .seconds(1))
                while true {
                    try await Task.sleep(for: tick)
                    connections.closeIdle()
                }
            }
            group.addTask {
                try await withThrowingDiscardingTaskGroup { serving in
                    while true {
                        try Task.checkCancellation()
                        let connection: AsyncSocket
                        do {
                            if let code = self.injectedAcceptFailure?() {
                                throw SocketError.failed(
                                    type: "Accept", errno: code, message: String(cString: strerror(code)))
                            }
                            connection = try await listening.accept()
                        } catch let error where !(error is CancellationError) {
                            try await self.recover(from: error)
                            continue
                        }
                        let descriptor = connection.socket.file.rawValue
                        switch self.connections.admit(descriptor) {
                        case .admitted(let id), .admittedClosingIdle(let id):
                            serving.addTask { await self.serve(connection, id: id) }
                        case .full:
                            self.refuse(connection)
                        }
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// After a failed accept: pauses and returns to accept again, or throws when the listener is gone.
    private func recover(from error: any Error) async throws {
        switch AcceptFailure(error) {
        case .retry:
            return
        case .outOfResources(let message):
            let freed = connections.closeLongestWaiting()
            log.write(
                message + (freed ? "; closed the longest-idle connection" : "; waiting for a connection to close"),
                kind: message)
            // A connection closed from the table gives its descriptor back as soon as its task runs.
            try await Task.sleep(for: freed ? .milliseconds(1) : AcceptFailure.pause)
        case .transient(let message):
            log.write(message, kind: message)
            try await Task.sleep(for: AcceptFailure.pause)
        case .fatal(let message):
            log.write(message + "; the preview stops listening", kind: "accept-fatal")
            throw error
        }
    }

    /// Answers a connection beyond the limit with 503 at once, without waiting for its request.
    private func refuse(_ connection: AsyncSocket) {
        let text = "the preview is serving as many connections as it takes; try again\n"
        let answer =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(text.utf8.count)\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + text
        var bytes = Array(answer.utf8)
        _ = bytes.withUnsafeMutableBytes {
            let flags = Int32(MSG_DONTWAIT | MSG_NOSIGNAL)
            return Foundation.send(connection.socket.file.rawValue, $0.baseAddress, $0.count, flags)
        }
        try? connection.close()
        log.write(
            "refused a connection: \(connections.limit) are open and busy (the limit)", kind: "refused")
    }

    /// Answers requests on one connection until either side closes it (or it idles too long).
    private func serve(_ connection: AsyncSocket, id: ConnectionTable.ID) async {
        defer {
            // Out of the table before the descriptor is closed: its number may be reused at once.
            connections.remove(id)
            try? connection.close()
        }
        var pending: [UInt8] = []
        do {
            while let head = try await readHead(from: connection, pending: &pending) {
                connections.set(id, .handling)
                let reply = await handler(head)
                let keepsAlive = try await send(reply, to: head, on: connection, id: id)
                if !keepsAlive {
                    // A body the preview did not read is still arriving: let it, or the close resets the
                    // connection and the client may lose the answer.
                    if head.hasBody { await closeLingering(connection) }
                    return
                }
                connections.set(id, .waiting)
            }
        } catch let problem as HTTPRequestHead.Problem {
            connections.set(id, .sending)
            let reply = HTTPReply.plain(problem.status, "\(HTTPReply.phrase(problem.status).lowercased())\n")
            try? await write(reply, omitBody: false, keepsAlive: false, on: connection)
            connections.set(id, .handling)
            await closeLingering(connection)
        } catch {
            // The client went away, the connection idled too long, or the server is stopping.
        }
    }

    /// After an error answer, stops sending and reads what the client still sends (up to 1 MiB, for up
    /// to a second) before closing: closing with unread bytes resets the connection, and the reset can
    /// destroy the answer before the client has read it.
    private func closeLingering(_ connection: AsyncSocket) async {
        _ = shutdown(connection.socket.file.rawValue, Int32(SHUT_WR))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                var drained = 0
                while drained < 1 << 20, let bytes = try? await connection.read(atMost: 4096) { drained += bytes.count }
            }
            group.addTask { try? await Task.sleep(for: .seconds(1)) }
            await group.next()
            group.cancelAll()
        }
    }

    /// The next request's head, or nil when the client closed the connection between requests.
    private func readHead(from connection: AsyncSocket, pending: inout [UInt8]) async throws -> HTTPRequestHead? {
        while true {
            if let length = HTTPRequestHead.length(in: pending[...]) {
                let head = try HTTPRequestHead(parsing: pending[..<length])
                pending.removeFirst(length)
                return head
            }
            if pending.count >= HTTPRequestHead.sizeLimit { throw HTTPRequestHead.Problem.tooLarge }
            do {
                pending += try await connection.read(atMost: 4096)
            } catch SocketError.disconnected where pending.allSatisfy({ $0 == 13 || $0 == 10 }) {
                return nil
            }
        }
    }

    /// Sends the reply; returns whether the connection can take another request.
    private func send(
        _ reply: HTTPReply, to head: HTTPRequestHead, on connection: AsyncSocket, id: ConnectionTable.ID
    ) async throws -> Bool {
        connections.set(id, .sending)
        let omitBody = head.method == "HEAD"
        switch reply.body {
        case .bytes:
            let keepsAlive = head.keepsAlive
            try await write(reply, omitBody: omitBody, keepsAlive: keepsAlive, on: connection)
            return keepsAlive
        case .events(let events):
            let chunked = head.minorVersion >= 1
            var lines = Self.statusAndFields(of: reply)
            if chunked { lines += "Transfer-Encoding: chunked\r\n" }
            lines += "Connection: close\r\n\r\n"
            try await connection.write(Data(lines.utf8))
            if omitBody { return false }
            connections.set(id, .streaming)
            for await event in events {
                connections.set(id, .sending)
                defer { connections.set(id, .streaming) }
                var chunk: [UInt8] = []
                if chunked { chunk += Array((String(event.count, radix: 16) + "\r\n").utf8) }
                chunk += event
                if chunked { chunk += [13, 10] }
                try await connection.write(Data(chunk))
            }
            if chunked { try await connection.write(Data("0\r\n\r\n".utf8)) }
            return false
        }
    }

    /// Sends a reply with a whole body; a HEAD request gets the length without the bytes.
    private func write(_ reply: HTTPReply, omitBody: Bool, keepsAlive: Bool, on connection: AsyncSocket) async throws {
        guard case .bytes(let bytes) = reply.body else { return }
        var head = Self.statusAndFields(of: reply)
        head += "Content-Length: \(bytes.count)\r\nConnection: \(keepsAlive ? "keep-alive" : "close")\r\n\r\n"
        var message = Data(head.utf8)
        if !omitBody { message.append(contentsOf: bytes) }
        try await connection.write(message)
    }

    private static func statusAndFields(of reply: HTTPReply) -> String {
        var text = "HTTP/1.1 \(reply.status) \(HTTPReply.phrase(reply.status))\r\n"
        for field in reply.fields { text += "\(field.name): \(field.value)\r\n" }
        return text
    }
}
