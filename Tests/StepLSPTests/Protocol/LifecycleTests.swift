import Foundation
import StepLSP
import Testing

/// initialize / shutdown / exit against the real `stepdoc lsp`, and what it answers out of turn.
@Suite struct LifecycleTests {
    @Test func answersInitializeWithItsCapabilitiesAndExitsZeroAfterShutdown() throws {
        let server = try LanguageServerProcess()
        let answer = try server.initialize()
        let capabilities = try #require(answer["result"]?["capabilities"], "initialize answered \(answer)")
        #expect(capabilities["positionEncoding"] == "utf-16")
        #expect(capabilities["textDocumentSync"]?["change"] == 2, "incremental sync")
        for provider in [
            "codeActionProvider", "documentFormattingProvider", "documentSymbolProvider", "hoverProvider",
            "definitionProvider", "referencesProvider", "completionProvider",
        ] {
            #expect(capabilities[provider] != nil, "no \(provider) in \(capabilities)")
        }
        #expect(answer["result"]?["serverInfo"]?["name"] == "stepdoc")
        #expect(try server.shutDown() == 0)
    }

    @Test func negotiatesUTF8PositionsWhenTheClientOffersThem() throws {
        let server = try LanguageServerProcess()
        let answer = try server.initialize(capabilities: ["general": ["positionEncodings": ["utf-8", "utf-16"]]])
        #expect(answer["result"]?["capabilities"]?["positionEncoding"] == "utf-8")
        #expect(try server.shutDown() == 0)
    }

    @Test func exitsOneOnExitWithoutShutdown() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        server.notify("exit")
        #expect(server.waitForExit() == 1)
    }

    @Test func refusesRequestsBeforeInitialize() throws {
        let server = try LanguageServerProcess()
        let answer = try server.request("textDocument/hover", ["textDocument": ["uri": "file:///x.rst"]])
        #expect(answer["error"]?["code"] == .integer(JSONRPCErrorCode.serverNotInitialized.rawValue), "\(answer)")
        try server.initialize()
        #expect(try server.shutDown() == 0)
    }

    @Test func refusesASecondInitializeAndRequestsAfterShutdown() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        let again = try server.request("initialize", ["capabilities": [:]])
        #expect(again["error"]?["code"] == .integer(JSONRPCErrorCode.invalidRequest.rawValue), "\(again)")
        _ = try server.request("shutdown")
        let late = try server.request("textDocument/documentSymbol", ["textDocument": ["uri": "file:///x.rst"]])
        #expect(late["error"]?["code"] == .integer(JSONRPCErrorCode.invalidRequest.rawValue), "\(late)")
        server.notify("exit")
        #expect(server.waitForExit() == 0)
    }

    @Test func endsWhenTheClientDisappears() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        server.closeInput()
        let status = server.waitForExit(timeout: 5)
        #expect(status == 1, "the server must end (with 1: no shutdown) when its input closes")
    }

    @Test func endsWhenTheClientDisappearsAfterShutdown() throws {
        let server = try LanguageServerProcess()
        try server.initialize()
        _ = try server.request("shutdown")
        server.closeInput()
        #expect(server.waitForExit(timeout: 5) == 0)
    }
}
