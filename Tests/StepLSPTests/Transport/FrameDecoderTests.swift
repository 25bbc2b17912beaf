import StepLSP
import Testing

/// The framing of JSON-RPC messages, fed byte by byte and in odd pieces.
@Suite struct FrameDecoderTests {
    private func frame(_ body: String) -> [UInt8] {
        Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    private func events(_ bytes: [UInt8], limit: Int = 1 << 20, chunk: Int = 7) -> [FrameDecoder.Event] {
        var decoder = FrameDecoder(maximumMessageSize: limit)
        var events: [FrameDecoder.Event] = []
        var index = 0
        while index < bytes.count {
            decoder.append(bytes[index..<min(bytes.count, index + chunk)])
            index += chunk
            while let event = decoder.next() { events.append(event) }
        }
        return events
    }

    @Test(arguments: [1, 3, 64, 10_000])
    func readsMessagesWhateverPiecesTheyArriveIn(chunk: Int) {
        let bytes = frame(#"{"a":1}"#) + frame(#"{"b":"ü😀"}"#) + Array("\r\n".utf8) + frame("[]")
        #expect(events(bytes, chunk: chunk) == [.message(["a": 1]), .message(["b": "ü😀"]), .message([])])
    }

    @Test func acceptsOtherHeadersAndBareLineFeeds() {
        let bytes =
            Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}".utf8)
            + Array("Content-Length: 2\n\n[]".utf8)
        #expect(events(bytes) == [.message([:]), .message([])])
    }

    @Test func reportsABadLengthAndGoesOn() {
        let bytes = Array("Content-Length: -3\r\n\r\n".utf8) + frame("1")
        let found = events(bytes)
        #expect(found.count == 2)
        guard case .problem(let problem) = found.first else {
            Issue.record("\(found)")
            return
        }
        #expect(problem.code == .parseError)
        #expect(found.last == .message(1))
    }

    @Test func skipsAnOversizedBodyWithoutHoldingIt() {
        let big =
            #"{"jsonrpc":"2.0","id":"big","method":"x","params":""# + String(repeating: "y", count: 50_000) + #""}"#
        var decoder = FrameDecoder(maximumMessageSize: 1000)
        let bytes = frame(big) + frame("true")
        var found: [FrameDecoder.Event] = []
        var most = 0
        var index = 0
        while index < bytes.count {
            decoder.append(bytes[index..<min(bytes.count, index + 512)])
            most = max(most, decoder.bufferedByteCount)
            index += 512
            while let event = decoder.next() { found.append(event) }
        }
        #expect(most < 2048, "the decoder held \(most) bytes of a message it skips")
        guard case .problem(let problem) = found.first else {
            Issue.record("\(found)")
            return
        }
        #expect(problem.requestID == "big")
        #expect(found.last == .message(true))
    }

    @Test func takesTheValueWhenTheClientStallsInsideAContentLengthTooLong() {
        var decoder = FrameDecoder(maximumMessageSize: 1 << 20)
        decoder.append(Array("Content-Length: 99\r\n\r\n{\"id\":3}".utf8))
        #expect(decoder.next() == nil)
        #expect(decoder.isInsideMessage)
        #expect(decoder.flushStalledMessage() == .message(["id": 3]))
        #expect(!decoder.isInsideMessage)
    }

    @Test func findsTheTopLevelIDOfABrokenMessage() {
        #expect(FrameDecoder.sniffID(Array(#"{"params":{"id":9},"id":12,"method":"#.utf8)) == 12)
        #expect(FrameDecoder.sniffID(Array(#"{"method":"x","id":"a\"b"#.utf8)) == nil)
        #expect(FrameDecoder.sniffID(Array(#"{"method":"x","id":"ab","#.utf8)) == "ab")
    }
}

/// The JSON reader: strict, bounded, lenient only with bad text.
@Suite struct JSONParserTests {
    @Test(arguments: [
        "", "{", "[1,]", "{\"a\"}", "01", "1.", "-", "tru", "\"\\x\"", "\"a", "{\"a\":1,}", "[1 2]", "\u{01}",
        "\"\u{09}\"", "1e", "NaN",
    ])
    func rejectsWhatIsNotJSON(_ text: String) {
        guard case .failure = JSONParser.parse(Array(text.utf8)) else {
            Issue.record("accepted \(text)")
            return
        }
    }

    @Test func readsEscapesSurrogatesAndNumbers() throws {
        let value = try JSONParser.parse(
            Array(#"{"s":"\u00fc\ud83d\ude00\n\/","lone":"\ud800x","n":[-0,12,1.5e3,9223372036854775808]}"#.utf8)
        ).get()
        #expect(value["s"] == "ü😀\n/")
        #expect(value["lone"] == "\u{FFFD}x")
        #expect(value["n"] == [0, 12, 1500.0, 9_223_372_036_854_775_808.0])
    }

    @Test func refusesNestingPastTheLimit() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        guard case .failure(let error) = JSONParser.parse(Array(deep.utf8)) else {
            Issue.record("accepted 10,000 levels")
            return
        }
        #expect(error.message.contains("nested deeper"))
    }

    @Test func writesWhatItReads() throws {
        let value: JSON = ["b": [1, 2.5, "x\"\u{1}"], "a": nil, "c": true]
        #expect(value.description == #"{"a":null,"b":[1,2.5,"x\"\u0001"],"c":true}"#)
        #expect(try JSONParser.parse(value.serialized).get() == value)
    }
}
