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

    /// The port bound (the one picked, when asked for 0).
    package let port: UInt16
    private let listener: Socket
    private let pool: SocketPool<ePoll>
    private let handler: Handler

    /// Binds and listens at once, so a taken port is an error here rather than in `run()`.
    package init(address: ListenAddress, port: UInt16, handler: @escaping Handler) throws {
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
    }

    /// Accepts and serves connections until the task is cancelled, then closes every one.
    package func run() async throws {
        defer { try? listener.close() }
        try await pool.prepare()
        let listening = try AsyncSocket(socket: listener, pool: pool)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [pool] in try await pool.run() }
            group.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    for try await connection in listening.sockets {
                        connections.addTask { await self.serve(connection) }
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Answers requests on one connection until either side closes it.
    private func serve(_ connection: AsyncSocket) async {
        defer { try? connection.close() }
        var pending: [UInt8] = []
        do {
            while let head = try await readHead(from: connection, pending: &pending) {
                let reply = await handler(head)
                let keepsAlive = try await send(reply, to: head, on: connection)
                if !keepsAlive {
                    // A body the preview did not read is still arriving: let it, or the close resets the
                    // connection and the client may lose the answer.
                    if head.hasBody { await closeLingering(connection) }
                    return
                }
            }
        } catch let problem as HTTPRequestHead.Problem {
            let reply = HTTPReply.plain(problem.status, "\(HTTPReply.phrase(problem.status).lowercased())\n")
            try? await write(reply, omitBody: false, keepsAlive: false, on: connection)
            await closeLingering(connection)
        } catch {
            // The client went away, or the server is stopping: nothing to answer.
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
    private func send(_ reply: HTTPReply, to head: HTTPRequestHead, on connection: AsyncSocket) async throws -> Bool {
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
            for await event in events {
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
