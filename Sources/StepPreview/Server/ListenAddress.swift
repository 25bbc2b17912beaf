import Foundation
import StepProject

/// The address the preview listens on: an IPv4 or IPv6 literal, `localhost` meaning 127.0.0.1.
package struct ListenAddress: Sendable, Equatable {
    package enum Family: Sendable {
        case ip4, ip6
    }

    /// The numeric address, without brackets.
    package let host: String
    package let family: Family
    private let bytes: [UInt8]

    package init(_ text: String) throws(PreviewFailure) {
        var host = text.trimmingCharacters(in: .whitespaces)
        if host.lowercased() == "localhost" { host = "127.0.0.1" }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if let bytes = Self.parse(host, family: AF_INET, size: 4) {
            self.host = host
            family = .ip4
            self.bytes = bytes
        } else if let bytes = Self.parse(host, family: AF_INET6, size: 16) {
            self.host = host
            family = .ip6
            self.bytes = bytes
        } else {
            throw .invalidHost(text)
        }
    }

    /// Only this machine can connect: 127.0.0.0/8, ::1, or 127.x mapped into IPv6.
    package var isLoopback: Bool {
        switch family {
        case .ip4: return bytes[0] == 127
        case .ip6:
            if bytes == [UInt8](repeating: 0, count: 15) + [1] { return true }
            return bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        }
    }

    /// `http://HOST:PORT/`, brackets around an IPv6 address.
    package func url(port: UInt16) -> String {
        family == .ip6 ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/"
    }

    /// `HOST:PORT`, brackets around an IPv6 address, for messages.
    package func hostAndPort(_ port: UInt16) -> String {
        family == .ip6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Whether a request's `Host` header may be answered. On a loopback address only local names are:
    /// a web page elsewhere that points its own domain at 127.0.0.1 (DNS rebinding) must not read the
    /// preview. A request without the header (HTTP/1.0) is answered.
    package func accepts(hostHeader: String?) -> Bool {
        guard isLoopback, let value = hostHeader?.trimmingCharacters(in: .whitespaces).lowercased(), !value.isEmpty
        else { return true }
        var name = Substring(value)
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            name = name[name.index(after: name.startIndex)..<close]
        } else if let colon = name.lastIndex(of: ":") {
            name = name[..<colon]
        }
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        return (try? ListenAddress(String(name)))?.isLoopback ?? false
    }

    private static func parse(_ text: String, family: Int32, size: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let result = buffer.withUnsafeMutableBytes { inet_pton(family, text, $0.baseAddress) }
        return result == 1 ? Array(buffer.prefix(size)) : nil
    }
}
