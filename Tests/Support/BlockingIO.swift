import Foundation

/// Runs blocking socket work on a thread of its own, so tests never hold one of the two threads of
/// Swift's concurrency pool while the in-process server needs it.
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// A failure of the tests' own socket code, saying which call failed and why.
public struct SocketFailure: Error, CustomStringConvertible {
    public var description: String

    public init(_ call: String) {
        description = "\(call): \(String(cString: strerror(errno)))"
    }

    public init(message: String) {
        description = message
    }
}

/// A TCP connection to 127.0.0.1:`port`, with a receive timeout so no read waits forever.
public func connectLoopback(port: UInt16, timeout: TimeInterval = 30) throws -> Int32 {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw SocketFailure("socket") }
    var time = timeval(tv_sec: Int(timeout), tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            Foundation.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard result == 0 else {
        let failure = SocketFailure("connect to 127.0.0.1:\(port)")
        close(socket)
        throw failure
    }
    return socket
}

/// Writes all of `bytes` to a socket.
public func sendAll(_ socket: Int32, _ bytes: [UInt8]) throws {
    var sent = 0
    while sent < bytes.count {
        let count = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard count > 0 else { throw SocketFailure("send") }
        sent += count
    }
}
