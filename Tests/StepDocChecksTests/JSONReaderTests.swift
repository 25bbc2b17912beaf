import StepDocChecks
import StepDocTestSupport
import Testing

@Suite struct JSONReaderTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONValue(parsing: Array(text.utf8))
    }

    @Test func readsScalarsArraysAndObjects() throws {
        let value = try parse(#" { "a" : [ true , false , null , "x" , -12 , 0.5 , 1e3 ] , "b" : { } , "c" : [ ] } "#)
        #expect(
            value
                == [
                    "a": [true, false, nil, "x", -12, 0.5, 1000.0],
                    "b": .object(JSONObject()),
                    "c": [],
                ])
    }

    @Test func keepsMembersInDocumentOrderAndLetsTheLastRepeatedKeyWin() throws {
        let object = try #require(try parse(#"{"b": 1, "a": 2, "b": 3}"#).objectValue)
        #expect(object.keys == ["b", "a", "b"])
        #expect(object["b"] == 3)
    }

    @Test(arguments: [
        ("0", JSONNumber.integer(0)),
        ("-0", .integer(0)),
        ("9223372036854775807", .integer(.max)),
        ("-9223372036854775808", .integer(.min)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("1.25", .double(1.25)),
        ("-2E-2", .double(-0.02)),
        ("1e400", .double(.infinity)),
    ])
    func readsNumbersIntoTheNarrowestExactForm(text: String, expected: JSONNumber) throws {
        let value = try parse(text)
        #expect(value == .number(expected))
        switch (value.numberValue, expected) {
        case (.integer(let read)?, .integer(let wanted)): #expect(read == wanted)
        case (.double(let read)?, .double(let wanted)): #expect(read == wanted)
        default: Issue.record("\(text) read as \(value), expected \(expected)")
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try parse(#""quote \" slash \/ back \\ \b\f\n\r\t \u00e9 \ud83d\ude00 é""#)
        #expect(value == .string("quote \" slash / back \\ \u{8}\u{C}\n\r\t é 😀 é"))
    }

    @Test func replacesUnpairedSurrogatesWithTheReplacementCharacter() throws {
        #expect(try parse(#""\ud800x""#) == .string("\u{FFFD}x"))
        #expect(try parse(#""\udc00""#) == .string("\u{FFFD}"))
        #expect(try parse(#""\ud800\u0041""#) == .string("\u{FFFD}A"))
    }

    @Test func skipsAByteOrderMarkAndCountsColumnsAfterIt() throws {
        #expect(try JSONValue(parsing: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
        let error = try #require(throws: JSONSyntaxError.self) {
            try JSONValue(parsing: [0xEF, 0xBB, 0xBF] + Array("[1,]".utf8))
        }
        #expect((error.line, error.column) == (1, 4))
    }

    @Test(arguments: [
        ("{\"a\": 1,\n  \"b\": [1, 2,\n  1️⃣", "unexpected end of input, expected a value"),
        ("{\"a\": 11️⃣", "unexpected end of input, expected '}'"),
        ("{\n  \"a\": [1, 2]\n1️⃣", "unexpected end of input, expected '}'"),
        ("{1️⃣", "unexpected end of input, expected '}'"),
        ("[1, 21️⃣", "unexpected end of input, expected ']'"),
        ("{\"a\": 1,1️⃣", "unexpected end of input, expected a string key"),
        ("{\"a\"1️⃣", "unexpected end of input, expected ':'"),
        ("\"abc1️⃣", "unexpected end of input, expected '\"'"),
        ("1️⃣", "unexpected end of input, expected a value"),
        ("{\"a\": 1 1️⃣\"b\": 2}", "expected ',' or '}' after an object member, found '\"'"),
        ("[1 1️⃣2]", "expected ',' or ']' after an array element, found '2'"),
        ("{\"a\": 1,1️⃣}", "expected a string key, found '}'"),
        ("{1️⃣'a': 1}", "expected a string key, found '''"),
        ("{\"a\" 1️⃣1}", "expected ':' after an object key, found '1'"),
        ("[1️⃣tru]", "invalid literal, expected 'true'"),
        ("[nul1️⃣", "unexpected end of input, expected 'null'"),
        ("[1️⃣01]", "invalid number, leading zeros are not allowed"),
        ("[-1️⃣a]", "invalid number, expected a digit after '-', found 'a'"),
        ("[1.1️⃣]", "invalid number, expected a digit after '.', found ']'"),
        ("[1e+1️⃣]", "invalid number, expected a digit after the exponent, found ']'"),
        ("[1️⃣NaN]", "unexpected 'N', expected a value"),
        ("{} 1️⃣x", "unexpected 'x' after the end of the document"),
        ("[\"a1️⃣\tb\"]", "control character byte 0x09 in a string, write it as an escape"),
        ("[\"1️⃣\\x\"]", "invalid escape sequence '\\x'"),
        ("[\"1️⃣\\u12G4\"]", "invalid '\\u' escape, expected 4 hexadecimal digits"),
        ("{\n\t\"a\":\r\n  [1,\r 1️⃣}", "unexpected '}', expected a value"),
        ("[\"é\", 1️⃣é]", "unexpected byte 0xC3, expected a value"),
    ])
    func reportsTheLineColumnAndCauseOfMalformedInput(marked: String, message: String) throws {
        let input = MarkedSource(marked)
        let expected = try #require(input.position, "test input has no 1️⃣ marker")
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue(parsing: input.bytes) }
        #expect(error.message == message)
        #expect(error.line == expected.line && error.column == expected.column, "got \(error), expected \(expected)")
    }

    @Test(arguments: [
        [UInt8(ascii: "\""), 0xFF, UInt8(ascii: "\"")],
        [UInt8(ascii: "\""), 0xC0, 0x80, UInt8(ascii: "\"")],  // overlong NUL
        [UInt8(ascii: "\""), 0xED, 0xA0, 0x80, UInt8(ascii: "\"")],  // encoded surrogate
        [UInt8(ascii: "\""), 0xF4, 0x90, 0x80, 0x80, UInt8(ascii: "\"")],  // above U+10FFFF
        [UInt8(ascii: "\""), 0xE2, 0x82, UInt8(ascii: "\"")],  // truncated sequence
    ])
    func rejectsInvalidUTF8InStringsAtTheOffendingByte(bytes: [UInt8]) throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue(parsing: bytes) }
        #expect(error.message.hasPrefix("invalid UTF-8 byte 0x"))
        #expect((error.line, error.column) == (1, 2))
    }

    @Test func countsCRLFAsOneLineBreakAndALoneCRAsOne() throws {
        let error = try #require(throws: JSONSyntaxError.self) {
            try JSONValue(parsing: Array("[\r\n1,\r2,\n x]".utf8))
        }
        #expect((error.line, error.column) == (4, 2))
    }

    @Test func acceptsNestingUpToTheDepthLimit() throws {
        let depth = 512
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONValue(parsing: Array(text.utf8))
        var levels = 1
        while let inner = value.arrayValue?.first {
            value = inner
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test func rejectsNestingBeyondTheDepthLimitWithoutRecursing() throws {
        let text = String(repeating: "{\"a\":[", count: 50_000)
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue(parsing: Array(text.utf8)) }
        #expect(error.message == "nesting is deeper than 512 levels")
        #expect((error.line, error.column) == (1, 256 * 6 + 1))
    }
}
