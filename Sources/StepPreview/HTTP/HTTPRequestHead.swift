import Foundation
import StepProject

/// The request line and header fields of one HTTP/1.x request, as the preview reads them.
///
/// The preview answers GET and HEAD only, so bodies are never read: a request that announces one is
/// answered and its connection closed (RFC 9112 §6.3 lets a server do that).
package struct HTTPRequestHead: Sendable, Equatable {
    package var method: String
    /// The request target exactly as sent (`/`, `/page/x.html?y`, `/%2e%2e/etc`), not normalised.
    package var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    package var minorVersion: Int
    /// Field names lowercased, in the order they came.
    package var fields: [(name: String, value: String)]

    /// The value of the first field called `name` (lowercase).
    package func field(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Whether the connection stays open after the response: HTTP/1.1 unless `Connection: close`,
    /// HTTP/1.0 only with `Connection: keep-alive`; never when a body was announced, since it is not read.
    package var keepsAlive: Bool {
        if hasBody { return false }
        let tokens = (field("connection") ?? "").lowercased().split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return minorVersion >= 1 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }

    /// Whether a body follows the head.
    package var hasBody: Bool {
        if field("transfer-encoding") != nil { return true }
        if let length = field("content-length") { return length.trimmingCharacters(in: .whitespaces) != "0" }
        return false
    }

    package static func == (left: HTTPRequestHead, right: HTTPRequestHead) -> Bool {
        left.method == right.method && left.target == right.target && left.minorVersion == right.minorVersion
            && left.fields.elementsEqual(right.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}

extension HTTPRequestHead {
    /// Why a head could not be read; each becomes a status before the connection closes.
    package enum Problem: Error, Sendable, Equatable {
        /// Not a request line and header fields (400).
        case malformed(String)
        /// Neither HTTP/1.0 nor HTTP/1.1 (505).
        case unsupportedVersion
        /// The head is longer than the preview reads (431).
        case tooLarge

        package var status: Int {
            switch self {
            case .malformed: 400
            case .unsupportedVersion: 505
            case .tooLarge: 431
            }
        }
    }

    /// The most bytes a head may take; browsers send well under 8 KiB.
    package static let sizeLimit = 16 * 1024

    /// The length of the head at the start of `bytes`, through its blank line (`CRLF CRLF`, or bare
    /// `LF LF`, which RFC 9112 §2.2 lets a server accept), or nil when it has not all arrived.
    package static func length(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        var previousWasLineEnd = false
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\n") {
                if previousWasLineEnd { return index + 1 - bytes.startIndex }
                previousWasLineEnd = true
            } else if bytes[index] != UInt8(ascii: "\r") {
                previousWasLineEnd = false
            }
            index += 1
        }
        return nil
    }

    /// Reads a complete head (as `length(in:)` delimits it).
    package init(parsing bytes: ArraySlice<UInt8>) throws(Problem) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        // A server should ignore empty lines before the request line (RFC 9112 §2.2).
        while lines.first?.isEmpty == true { lines.removeFirst() }
        guard let requestLine = lines.first else { throw .malformed("no request line") }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .malformed("the request line is not METHOD TARGET VERSION")
        }
        guard parts[0].allSatisfy(Self.isTokenByte) else { throw .malformed("the method is not a token") }
        guard parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .malformed("the target has spaces, controls or bytes outside ASCII")
        }
        switch String(decoding: parts[2], as: UTF8.self) {
        case "HTTP/1.1": minorVersion = 1
        case "HTTP/1.0": minorVersion = 0
        default:
            guard parts[2].starts(with: Array("HTTP/".utf8)) else { throw .malformed("no HTTP version") }
            throw .unsupportedVersion
        }
        method = String(decoding: parts[0], as: UTF8.self)
        target = String(decoding: parts[1], as: UTF8.self)
        fields = []
        for line in lines.dropFirst() {
            guard let first = line.first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t") else {
                throw .malformed("a header field is folded over lines")
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                line[..<colon].allSatisfy(Self.isTokenByte)
            else { throw .malformed("a header line is not NAME: VALUE") }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            fields.append((name, value))
        }
        // RFC 9112 §3.2: a server must answer 400 to an HTTP/1.1 request without a Host field, or with
        // more than one.
        let hosts = fields.count { $0.name == "host" }
        if minorVersion >= 1, hosts == 0 { throw .malformed("an HTTP/1.1 request needs a Host field") }
        if hosts > 1 { throw .malformed("a request has more than one Host field") }
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
