import ArgumentParser
import CorpusGen
import Foundation
import StepLSP

/// `lsp-latency`: starts `stepdoc lsp` as an editor does, opens a generated step file of about 50 KB,
/// and measures the time from sending a change to receiving the diagnostics of that version; then
/// sends 10,000 changes and reports the server's resident memory before and after.
@main
struct LanguageServerLatencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp-latency",
        abstract: "Diagnostics latency of stepdoc lsp after a change, and its memory across many edits.")

    @Option(help: "The stepdoc executable.")
    var stepdoc: String

    @Option(help: "Size of the step file in KiB.")
    var kilobytes = 50

    @Option(help: "Changes timed one at a time.")
    var changes = 200

    @Option(help: "Changes sent for the memory figure.")
    var edits = 10_000

    @Option(help: "The corpus seed.")
    var seed: UInt64 = 1

    @Flag(help: "Print one line of JSON instead of text.")
    var json = false

    func run() throws {
        let file = GeneratedStepFile(
            seed: seed, stream: 7, size: SizeTarget(bytes: kilobytes * 1024, tolerance: 4096), markdown: false)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-latency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("content/bench.rst").path
        try Data(file.rst).write(to: URL(fileURLWithPath: path))
        let uri = FileURI.uri(ofPath: path)

        let server = try ServerProcess(executable: stepdoc)
        defer { server.stop() }
        _ = try server.request("initialize", ["processId": .integer(Int(getpid())), "rootUri": .string(FileURI.uri(ofPath: folder.path)), "capabilities": [:]])
        server.notify("initialized", [:])
        let text = String(decoding: file.rst, as: UTF8.self)
        server.notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "rst", "version": 1, "text": .string(text)]])
        _ = try server.diagnostics(uri: uri, version: 1)

        // A change in the middle of the file: a word typed, then removed, so the text stays the same size.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.indices.first { $0 > lines.count / 2 && lines[$0].hasPrefix("   ") && lines[$0].count > 20 } ?? 0
        var version = 1
        func change(_ insert: Bool) {
            version += 1
            let start: JSON = ["line": .integer(line), "character": 3]
            let end: JSON = ["line": .integer(line), "character": insert ? 3 : 8]
            server.notify(
                "textDocument/didChange",
                ["textDocument": ["uri": .string(uri), "version": .integer(version)],
                 "contentChanges": [["range": ["start": start, "end": end], "text": .string(insert ? "word " : "")]]])
        }
        var latencies: [Double] = []
        for index in 0..<changes {
            let started = DispatchTime.now().uptimeNanoseconds
            change(index % 2 == 0)
            _ = try server.diagnostics(uri: uri, version: version)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
        }
        if changes % 2 == 1 { change(false); _ = try server.diagnostics(uri: uri, version: version) }
        latencies.sort()
        let median = latencies.isEmpty ? 0 : latencies[latencies.count / 2]
        let p90 = latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, latencies.count * 9 / 10)]

        let before = server.residentMemory()
        for index in 0..<edits {
            change(index % 2 == 0)
            // Wait now and then, so the server checks some versions and the queue stays short.
            if index % 100 == 99 { _ = try server.diagnostics(uri: uri, version: version) }
        }
        _ = try server.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])
        let after = server.residentMemory()
        let status = try server.shutDown()

        if json {
            print(
                #"{"bytes":\#(file.rst.count),"changes":\#(changes),"median_ms":\#(median),"p90_ms":\#(p90),"edits":\#(edits),"rss_before":\#(before),"rss_after":\#(after),"exit":\#(status)}"#)
        } else {
            print("stepdoc lsp on a \(file.rst.count / 1024) KiB step file (\(file.stepCount) steps)")
            print(String(format: "  diagnostics after a change: median %.1f ms, p90 %.1f ms (%d changes)", median, p90, changes))
            print(String(format: "  resident memory: %.1f MiB before %d edits, %.1f MiB after", Double(before) / 1_048_576, edits, Double(after) / 1_048_576))
            print("  exit status after shutdown and exit: \(status)")
        }
    }
}

/// `stepdoc lsp` on pipes, spoken to with the server's own framing and JSON.
final class ServerProcess {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var decoder = FrameDecoder(maximumMessageSize: 1 << 30)
    private var queue: [JSON] = []
    private var nextID = 1

    init(executable: String) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["lsp"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func stop() {
        if process.isRunning { process.terminate() }
    }

    func send(_ message: JSON) {
        let body = message.serialized
        input.fileHandleForWriting.write(Data(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body))
    }

    func notify(_ method: String, _ params: JSON) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    func request(_ method: String, _ params: JSON) throws -> JSON {
        let id = nextID
        nextID += 1
        send(["jsonrpc": "2.0", "id": .integer(id), "method": .string(method), "params": params])
        return try next { $0["id"] == .integer(id) }
    }

    func diagnostics(uri: String, version: Int) throws -> JSON {
        try next {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
                && $0["params"]?["version"] == .integer(version)
        }
    }

    /// The next message that matches (others are dropped), reading as needed.
    private func next(_ matches: (JSON) -> Bool) throws -> JSON {
        while true {
            while !queue.isEmpty {
                let message = queue.removeFirst()
                if matches(message) { return message }
            }
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { throw ValidationError("stepdoc lsp closed its output") }
            decoder.append(data)
            while let event = decoder.next() {
                if case .message(let message) = event { queue.append(message) }
            }
        }
    }

    /// VmRSS of the server, in bytes.
    func residentMemory() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "0") ?? 0) * 1024
        }
        return 0
    }

    func shutDown() throws -> Int32 {
        _ = try request("shutdown", .null)
        notify("exit", .null)
        process.waitUntilExit()
        return process.terminationStatus
    }
}
