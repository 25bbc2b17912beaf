import Foundation
import StepLSP
import Testing

/// Whatever a client sends, the real server answers with a JSON-RPC error (or ignores a notification)
/// and goes on answering: it never crashes, hangs or spins.
@Suite struct BadMessageTests {
    private func code(_ message: JSON) -> Int? { message["error"]?["code"]?.intValue }

    /// A request that must still be answered after the bad input.
    private func expectStillAnswering(_ server: LanguageServerProcess) throws {
        let answer = try server.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///nowhere.rst"]])
        #expect(answer["result"] != nil, "the server stopped answering: \(answer)")
    }

    private func errorWithNullID(_ server: LanguageServerProcess) throws -> JSON {
        try server.waitFor("an error with id null") { $0["id"] == .null && $0["error"] != nil }
    }

    @Test func answersMalformedJSONWithAParseError() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        let body = Array(#"{"jsonrpc": "2.0", "method": "x", "params": {"#.utf8)
        server.sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
        #expect(code(try errorWithNullID(server)) == JSONRPCErrorCode.parseError.rawValue)
        try expectStillAnswering(server)
        #expect(try server.shutDown() == 0)
    }

    @Test func answersAParseErrorWithTheRequestsIDWhenItCanBeMadeOut() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        let body = Array(#"{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":{"x": tru}}"#.utf8)
        server.sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
        let answer = try server.response(to: 77)
        #expect(code(answer) == JSONRPCErrorCode.parseError.rawValue, "\(answer)")
        #expect(try server.shutDown() == 0)
    }

    @Test func answersMessagesThatAreNotRequests() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        for body in [
            #"[1, 2]"#, #""text""#, #"{"jsonrpc": "1.0", "id": 5, "method": "shutdown"}"#, #"{"jsonrpc":"2.0","id":6}"#,
            #"{"jsonrpc":"2.0","id":{"a":1},"method":"x"}"#, #"{"jsonrpc":"2.0","id":8,"method":9}"#,
        ] {
            let bytes = Array(body.utf8)
            server.sendRaw(Array("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes)
        }
        for _ in 0..<3 { #expect(code(try errorWithNullID(server)) == JSONRPCErrorCode.invalidRequest.rawValue) }
        #expect(code(try server.response(to: 5)) == JSONRPCErrorCode.invalidRequest.rawValue)
        #expect(code(try server.response(to: 6)) == JSONRPCErrorCode.invalidRequest.rawValue)
        #expect(code(try server.response(to: 8)) == JSONRPCErrorCode.invalidRequest.rawValue)
        try expectStillAnswering(server)
        #expect(try server.shutDown() == 0, "the 1.0 'shutdown' must not have shut the server down")
    }

    @Test func answersUnknownMethodsAndIgnoresUnknownNotifications() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        server.notify("$/somethingNew", ["x": 1])
        server.notify("custom/notification")
        let answer = try server.request("workspace/doesNotExist")
        #expect(code(answer) == JSONRPCErrorCode.methodNotFound.rawValue, "\(answer)")
        let dollar = try server.request("$/unknownRequest")
        #expect(code(dollar) == JSONRPCErrorCode.methodNotFound.rawValue, "\(dollar)")
        #expect(try server.shutDown() == 0)
        #expect(!server.pending.contains { $0["id"] == .null }, "notifications got answers: \(server.pending)")
    }

    @Test func skipsMalformedHeaders() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        server.sendRaw(Array("Content-Length: twelve\r\n\r\n{}".utf8))
        #expect(code(try errorWithNullID(server)) == JSONRPCErrorCode.parseError.rawValue)
        server.sendRaw(Array("Content-Type: application/json\r\n\r\n".utf8))
        #expect(code(try errorWithNullID(server)) == JSONRPCErrorCode.parseError.rawValue)
        server.sendRaw(Array("hello, is anyone there?\r\n\r\n".utf8))
        try expectStillAnswering(server)
        #expect(try server.shutDown() == 0)
    }

    @Test func answersAnOversizedMessageWithoutKeepingIt() throws {
        let server = try LanguageServerProcess(arguments: ["--max-message-size", "4096"])
        try server.initialize()
        let text = String(repeating: "x", count: 100_000)
        let id = server.sendRequest(
            "textDocument/hover", ["textDocument": ["uri": "file:///big.rst"], "padding": .string(text)])
        let answer = try server.response(to: .integer(id))
        #expect(code(answer) == JSONRPCErrorCode.invalidRequest.rawValue, "\(answer)")
        #expect(answer["error"]?["message"]?.stringValue?.contains("over the limit") == true)
        try expectStillAnswering(server)
        #expect(try server.shutDown() == 0)
    }

    @Test func recoversFromAContentLengthTooShort() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        let body = Array(#"{"jsonrpc":"2.0","id":41,"method":"shutdown"}"#.utf8)
        server.sendRaw(Array("Content-Length: \(body.count - 5)\r\n\r\n".utf8) + body)
        #expect(code(try server.response(to: 41)) == JSONRPCErrorCode.parseError.rawValue)
        try expectStillAnswering(server)
        #expect(try server.shutDown() == 0)
    }

    @Test func recoversFromAContentLengthTooLongFollowedByAnotherMessage() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        let first = Array(
            #"{"jsonrpc":"2.0","id":51,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///a.rst"}}}"#
                .utf8)
        let second = Array(
            #"{"jsonrpc":"2.0","id":52,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///b.rst"}}}"#
                .utf8)
        let secondFrame = Array("Content-Length: \(second.count)\r\n\r\n".utf8) + second
        // The first header claims both messages: the second header is inside the first body.
        server.sendRaw(Array("Content-Length: \(first.count + secondFrame.count)\r\n\r\n".utf8) + first + secondFrame)
        #expect(try server.response(to: 51)["result"] != nil)
        #expect(try server.response(to: 52)["result"] != nil)
        #expect(try server.shutDown() == 0)
    }

    @Test func recoversFromAContentLengthTooLongWhenTheClientWaits() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        let body = Array(
            #"{"jsonrpc":"2.0","id":61,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///a.rst"}}}"#
                .utf8)
        server.sendRaw(Array("Content-Length: \(body.count + 40)\r\n\r\n".utf8) + body)
        // The client waits for its answer; the server must not wait for 40 bytes that never come.
        #expect(try server.response(to: 61, timeout: 5)["result"] != nil)
        try expectStillAnswering(server)
        #expect(try server.shutDown() == 0)
    }

    @Test func survivesInvalidParamsAndPositionsOutsideTheDocument() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        let uri = "file:///tmp/stepdoc-lsp-outside.rst"
        server.open(uri, text: "Title\n=====\n\nText.\n")
        _ = try server.diagnostics(for: uri)
        let missing = try server.request("textDocument/hover", ["position": ["line": 0, "character": 0]])
        #expect(code(missing) == JSONRPCErrorCode.invalidParams.rawValue, "\(missing)")
        for position: JSON in [
            ["line": 9999, "character": 9999], ["line": -4, "character": -1], ["line": 0, "character": 1_000_000],
            ["line": "zero", "character": 0],
        ] {
            for method in [
                "textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion",
            ] {
                let answer = try server.request(
                    method,
                    [
                        "textDocument": ["uri": .string(uri)], "position": position,
                        "context": ["includeDeclaration": true],
                    ])
                #expect(
                    answer["result"] != nil || code(answer) == JSONRPCErrorCode.invalidParams.rawValue,
                    "\(method) \(position): \(answer)")
            }
        }
        // Changes with ranges past the end, reversed, or malformed.
        server.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 500, "character": 3], "end": ["line": 900, "character": 0]],
                        "text": "tail\n",
                    ],
                    [
                        "range": ["start": ["line": 1, "character": 80], "end": ["line": 0, "character": 2]],
                        "text": "X",
                    ],
                    ["range": "nonsense", "text": "ignored"],
                    ["text": 12],
                ],
            ])
        _ = try server.diagnostics(for: uri, version: 2)
        try expectStillAnswering(server)
        #expect(try server.shutDown() == 0)
    }
}
