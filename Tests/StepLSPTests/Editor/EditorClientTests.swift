import Foundation
import StepDocTestSupport
import Testing

/// Real editors' clients against `stepdoc lsp`: Neovim's built-in LSP client driven headless by a Lua
/// script (Tests/Editor/neovim-client-test.lua), and the VS Code extension loaded by node with
/// stand-ins for VS Code's modules.
enum EditorClients {
    /// `make test-editor` sets STEPDOC_EDITOR_TESTS=1 after installing Debian's neovim.
    static let neovimRequested = ProcessInfo.processInfo.environment["STEPDOC_EDITOR_TESTS"] == "1"

    static func executable(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a program to its end (killed after `timeout`), with standard output and error together.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], timeout: TimeInterval)
        throws -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("editor-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date(timeIntervalSinceNow: timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try handle.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }
}

@Suite(.enabled(if: EditorClients.neovimRequested, "make test-editor runs it (STEPDOC_EDITOR_TESTS=1)"))
struct NeovimClientTests {
    @Test func neovimSeesDiagnosticsAppliesAQuickFixJumpsToACheckAndFormats() throws {
        let nvim = try #require(
            EditorClients.executable("nvim"), "no nvim on PATH: make test-editor installs Debian's neovim")
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write(
            """
            content: [content]
            procedures:
              atlas-live-migration-prerequisites:
                checks: atlas-live-migration-prerequisites
            """, to: "stepdoc.yml")
        let seed = try ScratchProject.seedText()
        let title = "Your current deployment is a MongoDB replica set."
        let damaged = seed.replacingOccurrences(
            of: title + "\n   " + String(repeating: "`", count: title.count) + "\n", with: title + "\n   ````\n"
        ).replacingOccurrences(of: "sequence-step\">3<", with: "sequence-step\">4<")
        #expect(damaged != seed)
        try project.write(damaged, to: "content/atlas-live-migration-prerequisites.rst")
        let script = Fixtures.projectRoot().appendingPathComponent("Tests/Editor/neovim-client-test.lua").path
        let (status, output) = try EditorClients.run(
            nvim, ["--headless", "--clean", "-u", "NONE", "-c", "luafile " + script],
            environment: [
                "STEPDOC": try StepDocProcess.executable().path, "STEPDOC_PROJECT": project.directory.path,
                "STEPDOC_FILE": "content/atlas-live-migration-prerequisites.rst",
                "STEPDOC_EXPECTED": Fixtures.seedFile().path, "HOME": project.directory.path,
            ], timeout: 120)
        #expect(status == 0, "nvim exited with \(status):\n\(output)")
        #expect(output.contains(" passed, 0 failed"), "\(output)")
        #expect(!output.contains("FAILED"), "\(output)")
    }
}

@Suite(.enabled(if: EditorClients.executable("node") != nil, "needs node to load the VS Code extension"))
struct VSCodeExtensionTests {
    @Test func extensionStartsStepdocLSPForStepFiles() throws {
        let node = try #require(EditorClients.executable("node"))
        let script = Fixtures.projectRoot().appendingPathComponent("editors/vscode/test/extension.test.js").path
        let (status, output) = try EditorClients.run(node, [script], environment: [:], timeout: 60)
        #expect(status == 0, "node exited with \(status):\n\(output)")
        #expect(output.contains(" passed, 0 failed"), "\(output)")
    }
}
