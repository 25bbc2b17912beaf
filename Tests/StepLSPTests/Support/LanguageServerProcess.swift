import Foundation
import StepDocTestSupport
import StepLSP
import Testing

/// The real `stepdoc lsp`, spawned with pipes, and a client that speaks to it: what an editor does.
///
/// A thread reads the server's output into frames (with the server's own decoder: framing is tested
/// on its own in FrameDecoderTests); every wait has a deadline, so a server that hangs fails the test
/// instead of stalling the run.
final class LanguageServerProcess: @unchecked Sendable {
    let process = Process()
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private let errors = Pipe()
    private let condition = NSCondition()
    private var received: [JSON] = []
    private var nextID = 1
    private var closedOutput = false

    /// Starts `stepdoc lsp ARGUMENTS` in `directory`.
    init(arguments: [String] = [], directory: URL? = nil) throws {
        process.executableURL = try StepDocProcess.executable()
        process.arguments = ["lsp"] + arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = errors
        try process.run()
        let handle = fromServer.fileHandleForReading
        Thread { [self] in
            var decoder = FrameDecoder(maximumMessageSize: 1 << 30)
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                decoder.append(data)
                while let event = decoder.next() {
                    if case .message(let message) = event {
                        condition.lock()
                        received.append(message)
                        condition.broadcast()
                        condition.unlock()
                    }
                }
            }
            condition.lock()
            closedOutput = true
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    // MARK: - Sending

    func sendRaw(_ bytes: [UInt8]) {
        try? toServer.fileHandleForWriting.write(contentsOf: Data(bytes))
    }

    func send(_ message: JSON) {
        let body = message.serialized
        sendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func notify(_ method: String, _ params: JSON = [:]) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Sends a request and returns its id.
    @discardableResult
    func sendRequest(_ method: String, _ params: JSON = [:]) -> Int {
        let id = nextID
        nextID += 1
        send(["jsonrpc": "2.0", "id": .integer(id), "method": .string(method), "params": params])
        return id
    }

    /// Sends a request and waits for its answer (the whole response: `result` or `error`).
    func request(_ method: String, _ params: JSON = [:], timeout: TimeInterval = 10) throws -> JSON {
        let id = sendRequest(method, params)
        return try response(to: .integer(id), timeout: timeout)
    }

    func closeInput() {
        try? toServer.fileHandleForWriting.close()
    }

    // MARK: - Receiving

    /// The first message received that satisfies `matches`, removed from the queue.
    func waitFor(timeout: TimeInterval = 10, _ what: String, _ matches: (JSON) -> Bool) throws -> JSON {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = received.firstIndex(where: matches) {
                return received.remove(at: index)
            }
            if closedOutput || !condition.wait(until: deadline) {
                if closedOutput, let index = received.firstIndex(where: matches) { return received.remove(at: index) }
                let seen = received.map(\.description).joined(separator: "\n")
                throw ClientFailure(
                    description:
                        "no \(what) within \(timeout) s\(closedOutput ? " (server closed its output)" : ""); received:\n\(seen)\nstderr: \(standardError())"
                )
            }
        }
    }

    func response(to id: JSON, timeout: TimeInterval = 10) throws -> JSON {
        try waitFor(timeout: timeout, "response to \(id)") { $0["id"] == id && $0["method"] == nil }
    }

    func notification(_ method: String, timeout: TimeInterval = 10, where matches: (JSON) -> Bool = { _ in true })
        throws -> JSON
    {
        try waitFor(timeout: timeout, "notification \(method)") { $0["method"] == .string(method) && matches($0) }
    }

    /// The next diagnostics published for `uri` (with `version`, when given).
    func diagnostics(for uri: String, version: Int? = nil, timeout: TimeInterval = 10) throws -> [JSON] {
        let message = try notification("textDocument/publishDiagnostics", timeout: timeout) {
            $0["params"]?["uri"] == .string(uri) && (version == nil || $0["params"]?["version"] == .integer(version!))
        }
        return message["params"]?["diagnostics"]?.arrayValue ?? []
    }

    /// Messages received and not yet taken.
    var pending: [JSON] {
        condition.lock()
        defer { condition.unlock() }
        return received
    }

    /// Waits for the process to end; its status, or `nil` if it is still running at the deadline.
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { return nil }
        return process.terminationStatus
    }

    func standardError() -> String {
        guard !process.isRunning else { return "(running)" }
        return String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    // MARK: - Conversation

    /// `initialize` (with the capabilities editors commonly send) then `initialized`.
    @discardableResult
    func initialize(rootURI: String? = nil, capabilities: JSON? = nil) throws -> JSON {
        let response = try request(
            "initialize",
            [
                "processId": .integer(Int(ProcessInfo.processInfo.processIdentifier)),
                "rootUri": .string(rootURI),
                "capabilities": capabilities ?? Self.editorCapabilities,
            ])
        notify("initialized")
        return response
    }

    /// Made for each use, not kept in a global: LeakSanitizer does not follow the tag bits of the
    /// pointers to a global's boxed enum payloads and reported them as leaked (`make test-asan`).
    static var editorCapabilities: JSON {
        [
            "textDocument": [
                "publishDiagnostics": [
                    "relatedInformation": true, "codeDescriptionSupport": true, "tagSupport": ["valueSet": [1, 2]],
                ],
                "documentSymbol": ["hierarchicalDocumentSymbolSupport": true],
                "hover": ["contentFormat": ["markdown", "plaintext"]],
            ]
        ]
    }

    func open(_ uri: String, text: String, version: Int = 1, languageID: String = "rst") {
        notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(uri), "languageId": .string(languageID), "version": .integer(version),
                    "text": .string(text),
                ]
            ])
    }

    /// Shuts the server down and returns its exit status.
    func shutDown() throws -> Int32? {
        let answer = try request("shutdown")
        #expect(answer["result"] == .null, "shutdown answered \(answer)")
        notify("exit")
        return waitForExit()
    }
}

struct ClientFailure: Error, CustomStringConvertible {
    var description: String
}

/// A folder of its own for a test's project, removed at the end.
struct ScratchProject {
    let directory: URL

    init() throws {
        // Resolved, so the paths the server reports (from realpath-free URIs) compare equal.
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath()
        directory = base.appendingPathComponent("stepdoc-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ text: String, to path: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func uri(_ path: String) -> String {
        FileURI.uri(ofPath: directory.appendingPathComponent(path).path)
    }

    var rootURI: String { FileURI.uri(ofPath: directory.path) }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(path).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The shipped step file's text.
    static func seedText() throws -> String {
        String(decoding: try Data(contentsOf: Fixtures.seedFile()), as: UTF8.self)
    }
}
