/// Splits the bytes a client sends into JSON-RPC messages framed by `Content-Length` headers.
///
/// Nothing a client sends stops it: a malformed header is skipped, bytes between messages are
/// skipped until the next `Content-Length`, a message above ``maximumMessageSize`` is read past
/// without being kept, and a `Content-Length` that does not match the message is noticed when the
/// message is valid JSON (too long: the next header is inside the body; too short: the rest of the
/// JSON comes before the next header). Every problem is an event, so the server can answer it.
///
/// The decoder holds no file descriptor and no clock: the transport feeds it bytes and tells it when
/// the client has gone quiet in the middle of a message (``flushStalledMessage()``).
public struct FrameDecoder: Sendable {
    /// What the client sent, one event at a time.
    public enum Event: Sendable, Equatable {
        case message(JSON)
        case problem(FrameProblem)
    }

    /// Bodies longer than this are skipped.
    public let maximumMessageSize: Int
    /// A header block longer than this is not a header.
    public static let maximumHeaderSize = 8192

    private var buffer: [UInt8] = []
    private var readIndex = 0
    private var state = State.header
    private var pending: [Event] = []
    /// Bytes at `readIndex` were found not to start a header; they are skipped without another report.
    private var inJunk = false

    private enum State: Sendable {
        case header
        case body(length: Int)
        /// Reading past an oversized body: `remaining` bytes to drop, and its first bytes for the id.
        case skipping(remaining: Int, length: Int, head: [UInt8])
    }

    public init(maximumMessageSize: Int) {
        self.maximumMessageSize = maximumMessageSize
    }

    /// Whether a message has begun but not ended (the transport then watches for a stalled client).
    public var isInsideMessage: Bool {
        if case .header = state { return false }
        return true
    }

    /// Bytes held, for tests of the bound on memory.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    public mutating func append(_ bytes: some Collection<UInt8>) {
        if case .skipping(let remaining, let length, var head) = state {
            let taken = min(remaining, bytes.count)
            if head.count < 4096 { head.append(contentsOf: bytes.prefix(min(taken, 4096 - head.count))) }
            let left = remaining - taken
            if left == 0 {
                pending.append(.problem(Self.tooLarge(length: length, head: head, limit: maximumMessageSize)))
                state = .header
                buffer.append(contentsOf: bytes.dropFirst(taken))
            } else {
                state = .skipping(remaining: left, length: length, head: head)
            }
            return
        }
        if readIndex > 0, readIndex >= buffer.count / 2 {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete event, or `nil` until more bytes arrive.
    public mutating func next() -> Event? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            switch state {
            case .header:
                guard let progress = readHeader() else { return nil }
                if !progress { continue }
            case .body(let length):
                guard buffer.count - readIndex >= length else { return nil }
                let start = readIndex
                readIndex += length
                state = .header
                readBody(start: start, length: length)
            case .skipping:
                return nil
            }
        }
    }

    /// The client went quiet (or away) in the middle of a message: when what arrived of the body is a
    /// whole JSON value, the `Content-Length` was too long, so that value is the message.
    public mutating func flushStalledMessage() -> Event? {
        guard case .body(let length) = state else { return nil }
        let available = Array(buffer[readIndex...])
        guard case .success(let (value, end)) = JSONParser.parsePrefix(available),
            Self.isBlankOrHeader(available[end...])
        else { return nil }
        readIndex += end
        state = .header
        pending.append(
            .problem(
                FrameProblem(
                    code: .invalidRequest,
                    message: "Content-Length \(length) is longer than the message (\(end) bytes); read it as \(end)",
                    requestID: value["id"], isReportedOnly: true)))
        return .message(value)
    }

    // MARK: - Headers

    /// Reads one header block: `true` when it moved on, `false` when it skipped something, `nil` when
    /// it needs more bytes.
    private mutating func readHeader() -> Bool? {
        // Line ends between messages are tolerated.
        while readIndex < buffer.count, buffer[readIndex] == 0x0D || buffer[readIndex] == 0x0A { readIndex += 1 }
        guard readIndex < buffer.count else { return nil }
        let prefix = Array("content-".utf8)
        let available = buffer.count - readIndex
        let compared = min(available, prefix.count)
        let startsWell = (0..<compared).allSatisfy { Self.lower(buffer[readIndex + $0]) == prefix[$0] }
        if !startsWell {
            return skipJunk()
        }
        guard available >= prefix.count else { return nil }
        inJunk = false
        guard let (end, next) = headerEnd() else {
            if available > Self.maximumHeaderSize {
                readIndex += Self.maximumHeaderSize
                pending.append(
                    .problem(
                        FrameProblem(
                            code: .parseError,
                            message: "a message header longer than \(Self.maximumHeaderSize) bytes was skipped",
                            requestID: nil)))
                return false
            }
            return nil
        }
        let header = String(decoding: buffer[readIndex..<end], as: UTF8.self)
        readIndex = next
        var length: Int? = nil
        var problem: String? = nil
        let lines = header.unicodeScalars.split(separator: "\n").map { String(String.UnicodeScalarView($0)) }
        for rawLine in lines {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.unicodeScalars.dropLast()) : rawLine
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                problem = "a header line without ':' (\(line.prefix(40)))"
                break
            }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            if name == "content-length" {
                guard !value.isEmpty, value.utf8.count <= 18, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                    let number = Int(value)
                else {
                    problem = "Content-Length '\(value.prefix(40))' is not a number of bytes"
                    break
                }
                length = number
            }
        }
        if problem == nil, length == nil { problem = "a message header without Content-Length" }
        if let problem {
            pending.append(.problem(FrameProblem(code: .parseError, message: problem, requestID: nil)))
            return false
        }
        guard let length else { return false }
        if length > maximumMessageSize {
            let held = buffer.count - readIndex
            let taken = min(held, length)
            let head = Array(buffer[readIndex..<(readIndex + min(taken, 4096))])
            readIndex += taken
            if taken == length {
                pending.append(.problem(Self.tooLarge(length: length, head: head, limit: maximumMessageSize)))
            } else {
                buffer.removeAll(keepingCapacity: false)
                readIndex = 0
                state = .skipping(remaining: length - taken, length: length, head: head)
            }
            return false
        }
        state = .body(length: length)
        return true
    }

    /// The end of the header block at `readIndex` (before its blank line) and where the body starts.
    private func headerEnd() -> (Int, Int)? {
        let limit = min(buffer.count, readIndex + Self.maximumHeaderSize + 4)
        var index = readIndex
        while index < limit {
            if buffer[index] == 0x0A {
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A { return (index, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    /// Drops bytes up to the next header (`Content-Length`, `Content-Type`), reporting the run once.
    private mutating func skipJunk() -> Bool? {
        let needle = Array("content-".utf8)
        var index = readIndex + 1
        var found: Int? = nil
        while index + needle.count <= buffer.count {
            if Self.lower(buffer[index]) == needle[0],
                (1..<needle.count).allSatisfy({ Self.lower(buffer[index + $0]) == needle[$0] })
            {
                found = index
                break
            }
            index += 1
        }
        let skipped = (found ?? max(readIndex, buffer.count - needle.count)) - readIndex
        if !inJunk {
            inJunk = true
            pending.append(
                .problem(
                    FrameProblem(
                        code: .parseError, message: "bytes outside any message were skipped (no Content-Length header)",
                        requestID: nil, isReportedOnly: true)))
        }
        readIndex += skipped
        if found != nil {
            inJunk = false
            return false
        }
        return skipped > 0 ? false : nil
    }

    // MARK: - Bodies

    private mutating func readBody(start: Int, length: Int) {
        let body = Array(buffer[start..<(start + length)])
        switch JSONParser.parse(body) {
        case .success(let value):
            pending.append(.message(value))
        case .failure(let error):
            // A Content-Length too long swallows the next header: the value ends early, a header follows.
            if case .success(let (value, end)) = JSONParser.parsePrefix(body), Self.isBlankOrHeader(body[end...]) {
                readIndex = start + end
                pending.append(.message(value))
                pending.append(
                    .problem(
                        FrameProblem(
                            code: .invalidRequest,
                            message: "Content-Length \(length) is longer than the message (\(end) bytes)",
                            requestID: value["id"], isReportedOnly: true)))
                return
            }
            pending.append(
                .problem(
                    FrameProblem(
                        code: .parseError, message: "the message is not JSON: \(error)", requestID: Self.sniffID(body)))
            )
        }
    }

    private static func isBlankOrHeader(_ rest: ArraySlice<UInt8>) -> Bool {
        var index = rest.startIndex
        while index < rest.endIndex, JSONParser.isWhitespace(rest[index]) { index += 1 }
        if index == rest.endIndex { return true }
        let needle = Array("content-".utf8)
        let tail = rest[index...]
        return tail.count >= needle.count && zip(tail, needle).allSatisfy { lower($0) == $1 }
    }

    private static func tooLarge(length: Int, head: [UInt8], limit: Int) -> FrameProblem {
        FrameProblem(
            code: .invalidRequest, message: "a message of \(length) bytes is over the limit of \(limit) bytes; skipped",
            requestID: sniffID(head))
    }

    /// The top-level `"id"` of a message that cannot be read whole, so its request still gets an answer.
    public static func sniffID(_ head: [UInt8]) -> JSON? {
        var depth = 0
        var index = 0
        var inString = false
        var stringStart = 0
        while index < head.count {
            let byte = head[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 1, head[stringStart..<index].elementsEqual("id".utf8) {
                        var colon = index + 1
                        while colon < head.count, JSONParser.isWhitespace(head[colon]) { colon += 1 }
                        if colon < head.count, head[colon] == UInt8(ascii: ":"),
                            case .success(let (value, _)) = JSONParser.parsePrefix(Array(head[(colon + 1)...]))
                        {
                            switch value {
                            case .integer, .string: return value
                            default: return nil
                            }
                        }
                    }
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                stringStart = index + 1
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
            }
            index += 1
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}

/// Something wrong with what the client sent, to be answered with a JSON-RPC error or logged.
public struct FrameProblem: Sendable, Equatable {
    public var code: JSONRPCErrorCode
    public var message: String
    /// The request it belongs to, when one could be made out.
    public var requestID: JSON?
    /// Logged rather than answered, unless it names a request (the message itself was handled).
    public var isReportedOnly: Bool

    public init(code: JSONRPCErrorCode, message: String, requestID: JSON?, isReportedOnly: Bool = false) {
        self.code = code
        self.message = message
        self.requestID = requestID
        self.isReportedOnly = isReportedOnly
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var view = Substring(self)
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
