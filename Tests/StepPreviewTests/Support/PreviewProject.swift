import Foundation
import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// A project in a temporary folder for the preview: `content/` holding a copy of the seed, and
/// `templates/` a copy of the project's templates.
struct PreviewProject {
    static let seedName = "atlas-live-migration-prerequisites"

    let directory: URL

    init(testFile: String = #filePath) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stepdoc-preview-\(UUID().uuidString)")
        let files = FileManager.default
        try files.createDirectory(at: directory.appendingPathComponent("content"), withIntermediateDirectories: true)
        try files.copyItem(
            at: Fixtures.seedFile(testFile: testFile),
            to: directory.appendingPathComponent("content/\(Self.seedName).rst"))
        try files.copyItem(
            at: Fixtures.projectRoot(testFile: testFile).appendingPathComponent("templates"),
            to: directory.appendingPathComponent("templates"))
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ relative: String) -> String {
        directory.appendingPathComponent(relative).path
    }

    /// The seed's text as copied.
    var seed: String {
        get throws { try String(contentsOfFile: path("content/\(Self.seedName).rst"), encoding: .utf8) }
    }

    /// Writes `text` in place (truncate and write), as most editors save.
    func write(_ text: String, to relative: String) throws {
        try write(Array(text.utf8), to: relative)
    }

    func write(_ bytes: [UInt8], to relative: String) throws {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
            throw SocketFailure(message: "cannot write \(url.path)")
        }
    }

    /// Preview settings for this project: port 0, the default template set.
    func settings() -> PreviewSettings {
        var settings = PreviewSettings(
            config: StepDocConfig(), contentPaths: [path("content")], templatesFolder: path("templates"),
            templateName: "default")
        settings.port = 0
        return settings
    }

    /// Starts a preview server, runs `body`, and stops the server whatever happens.
    func withPreview(
        _ adjust: (inout PreviewSettings) -> Void = { _ in }, _ body: (RunningPreview) async throws -> Void
    ) async throws {
        var settings = settings()
        adjust(&settings)
        let server = try PreviewServer(settings: settings)
        let url = try await server.start()
        let running = try RunningPreview(server: server, url: url)
        do {
            try await body(running)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

/// A started preview server and a client for it.
struct RunningPreview: Sendable {
    let server: PreviewServer
    let url: String
    let port: UInt16

    init(server: PreviewServer, url: String) throws {
        self.server = server
        self.url = url
        let portText = url.split(separator: ":").last?.prefix { $0.isNumber } ?? ""
        port = try #require(UInt16(portText), "no port in \(url)")
    }

    var http: LoopbackHTTPClient { LoopbackHTTPClient(port: port) }

    func get(_ target: String) async throws -> LoopbackHTTPClient.Response {
        try await http.get(target)
    }

    func events() async throws -> EventStreamClient {
        try await EventStreamClient(port: port)
    }
}
