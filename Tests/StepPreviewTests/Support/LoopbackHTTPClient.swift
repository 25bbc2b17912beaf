import Foundation
import StepDocTestSupport
import StepPreview
import StepProject

/// A minimal HTTP/1.1 client over a raw socket: it sends the request target exactly as given (no
/// normalising of `..` or `//`, which URL libraries would do), and reads the whole response.
struct LoopbackHTTPClient: Sendable {
    let port: UInt16

    struct Response: Sendable, CustomStringConvertible {
        var status: Int
        /// Header names lowercased.
        var headers: [String: String]
        var body: String

        var description: String { "HTTP \(status) \(headers)\n\(body.prefix(400))" }
    }

    /// `METHOD TARGET HTTP/1.1` with `Connection: close`, and the given extra headers.
    func request(
        _ target: String, method: String = "GET", headers: [String: String] = [:]
    ) async throws -> Response {
        let port = port
        return try await onOwnThread {
            let socket = try connectLoopback(port: port)
            defer { close(socket) }
            var request = "\(method) \(target) HTTP/1.1\r\n"
            var fields = ["Host": "127.0.0.1:\(port)", "Connection": "close"]
            fields.merge(headers) { _, new in new }
            for (name, value) in fields.sorted(by: { $0.key < $1.key }) { request += "\(name): \(value)\r\n" }
            try sendAll(socket, Array((request + "\r\n").utf8))
            var data: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count < 0 { throw SocketFailure("recv \(target)") }
                if count == 0 { break }
                data.append(contentsOf: buffer[0..<count])
            }
            return try Self.parse(data, target: target)
        }
    }

    func get(_ target: String, headers: [String: String] = [:]) async throws -> Response {
        try await request(target, headers: headers)
    }

    private static func parse(_ data: [UInt8], target: String) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = data.indices.first(where: { data[$0...].starts(with: separator) }) else {
            throw SocketFailure(message: "no complete response to \(target): \(String(decoding: data, as: UTF8.self))")
        }
        let head = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw SocketFailure(message: "bad status line for \(target): \(head.first ?? "")")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(decoding: data[(end + 4)...], as: UTF8.self))
    }
}
