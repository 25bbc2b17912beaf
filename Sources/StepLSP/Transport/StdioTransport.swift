import Foundation

/// JSON-RPC over two file descriptors (standard input and output): a thread reads and frames the
/// client's bytes into an inbox, the server's thread takes from it and writes answers.
final class StdioTransport: @unchecked Sendable {
    let inbox = MessageInbox()
    private let input: Int32
    private let output: Int32
    /// How long a client may stay silent in the middle of a message before its Content-Length is
    /// suspected (see ``FrameDecoder/flushStalledMessage()``).
    private let stallTimeout: Int32
    private let maximumMessageSize: Int

    init(input: Int32, output: Int32, maximumMessageSize: Int, stallTimeoutMilliseconds: Int32 = 500) {
        self.input = input
        self.output = output
        self.maximumMessageSize = maximumMessageSize
        self.stallTimeout = stallTimeoutMilliseconds
    }

    /// Starts the reading thread.
    func start() {
        let thread = Thread { [self] in readLoop() }
        thread.name = "stepdoc-lsp-reader"
        thread.start()
    }

    private func readLoop() {
        var decoder = FrameDecoder(maximumMessageSize: maximumMessageSize)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, decoder.isInsideMessage ? stallTimeout : -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if ready == 0 {
                if let event = decoder.flushStalledMessage() {
                    inbox.post(.event(event))
                    drain(&decoder)
                }
                continue
            }
            let count = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                break
            }
            if count == 0 { break }
            decoder.append(chunk[0..<count])
            drain(&decoder)
        }
        if let event = decoder.flushStalledMessage() {
            inbox.post(.event(event))
            drain(&decoder)
        }
        inbox.post(.end)
    }

    private func drain(_ decoder: inout FrameDecoder) {
        while let event = decoder.next() { inbox.post(.event(event)) }
    }

    /// Writes one framed message; `false` when the client is gone (the pipe is closed).
    func send(_ message: JSON) -> Bool {
        let body = message.serialized
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes.append(contentsOf: body)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(output, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return false
            }
            written += count
        }
        return true
    }
}
