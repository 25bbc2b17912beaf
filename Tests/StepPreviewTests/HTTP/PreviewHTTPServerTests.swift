import Foundation
import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// The preview's HTTP server on its own, with a handler that echoes the target: connection handling,
/// HEAD, and the statuses it gives without asking the handler.
@Suite(.serialized) struct PreviewHTTPServerTests {
    /// Runs `body` with a server listening on a free loopback port.
    static func withServer(_ body: (UInt16) async throws -> Void) async throws {
        let server = try PreviewHTTPServer(address: try ListenAddress("127.0.0.1"), port: 0) { head in
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
            let request = Array("POST /form HTTP/1.1\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
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
            let next = try await Self.exchange(Array("GET / HTTP/1.1\r\nConnection: close\r\n\r\n".utf8), port: port)
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
}
