import Foundation
import StepDocTestSupport
import Testing

/// `make install PREFIX=…` and `make uninstall`, run for real into a temporary prefix, with the built
/// binary (BINARY=…, so the test does not wait for a release build), and the installed binary run
/// outside the checkout.
@Suite(.serialized) struct InstallTests {
    static let installed = [
        "bin/stepdoc", "share/man/man1/stepdoc.1", "share/bash-completion/completions/stepdoc",
        "share/zsh/site-functions/_stepdoc", "share/fish/vendor_completions.d/stepdoc.fish",
    ]

    /// Runs `command` with bash in `folder`; its status and what it printed (both streams).
    static func shell(_ command: String, in folder: URL, environment: [String: String] = [:]) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("stepdoc-shell-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }

    /// The size of a file under the folder, or `nil` when there is none (the binary is too big to read
    /// as text for a check).
    static func size(_ folder: StepDocProcess, _ path: String) -> Int? {
        let attributes = try? FileManager.default.attributesOfItem(
            atPath: folder.directory.appendingPathComponent(path).path)
        return (attributes?[.size] as? NSNumber)?.intValue
    }

    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @Test func installsARunnableBinaryManPageAndCompletionsAndUninstallsThem() throws {
        let prefix = try StepDocProcess()
        defer { prefix.remove() }
        let root = Fixtures.projectRoot()
        let binary = try StepDocProcess.executable()
        // `make install` would build generate-manual when it is missing, and a `swift build` started
        // inside `swift test` waits forever for the build folder's lock; `make test` builds it first.
        let manualTool = binary.deletingLastPathComponent().appendingPathComponent("generate-manual")
        guard FileManager.default.isExecutableFile(atPath: manualTool.path) else {
            Issue.record("no \(manualTool.path): run `swift build --product generate-manual` first (make test does)")
            return
        }
        // Something of the user's under the prefix that neither install nor uninstall may touch.
        try prefix.write(Array("mine\n".utf8), to: "bin/other-tool")

        let install = try Self.shell(
            "make install PREFIX=\(Self.quoted(prefix.directory.path)) BINARY=\(Self.quoted(binary.path))"
                + " MANUAL_TOOL=\(Self.quoted(manualTool.path))", in: root)
        #expect(install.status == 0, "\(install.output)")
        for file in Self.installed {
            #expect(Self.size(prefix, file) ?? 0 > 0, "\(file) not installed: \(install.output)")
        }
        let mode =
            try FileManager.default.attributesOfItem(
                atPath: prefix.directory.appendingPathComponent("bin/stepdoc").path)[
                .posixPermissions] as? Int
        #expect(mode == 0o755)

        // The installed binary, in a folder that has nothing but a step file.
        let bare = try StepDocProcess()
        defer { bare.remove() }
        try bare.write(try Data(contentsOf: Fixtures.seedFile()), to: "steps.rst")
        let installedBinary = Self.quoted(prefix.directory.appendingPathComponent("bin/stepdoc").path)
        let build = try Self.shell("\(installedBinary) build steps.rst", in: bare.directory)
        #expect(build.status == 0, "\(build.output)")
        let page = try #require(bare.contents(of: "output/html/steps.html"), "\(build.output)")
        #expect(page.contains("<style>") && page.contains("--text: #1c2329;"), "not the styled default page")

        // The man page is the ArgumentParser help of every command, and man reads it.
        let manual = try #require(prefix.contents(of: "share/man/man1/stepdoc.1"))
        #expect(manual.contains(".Dt STEPDOC 1"))
        for command in ["build", "check", "preview", "preflight", "fmt", "convert", "templates"] {
            #expect(manual.contains(".It Em \(command)"), "the man page has no \(command)")
        }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/man") {
            let page = Self.quoted(prefix.directory.appendingPathComponent("share/man/man1/stepdoc.1").path)
            let shown = try Self.shell("MANWIDTH=80 man -l \(page)", in: bare.directory)
            #expect(shown.status == 0 && shown.output.contains("STEPDOC(1)"), "\(shown.output.prefix(400))")
        }
        // bash loads its completion and completes the commands.
        let completion = Self.quoted(
            prefix.directory.appendingPathComponent("share/bash-completion/completions/stepdoc").path)
        let bash = try Self.shell("source \(completion) && complete -p stepdoc", in: bare.directory)
        #expect(bash.status == 0 && bash.output.contains("stepdoc"), "\(bash.output)")
        #expect(prefix.contents(of: "share/zsh/site-functions/_stepdoc")?.hasPrefix("#compdef stepdoc") == true)
        #expect(
            prefix.contents(of: "share/fish/vendor_completions.d/stepdoc.fish")?.contains("complete -c 'stepdoc'") == true
        )

        let uninstall = try Self.shell("make uninstall PREFIX=\(Self.quoted(prefix.directory.path))", in: root)
        #expect(uninstall.status == 0, "\(uninstall.output)")
        for file in Self.installed {
            #expect(Self.size(prefix, file) == nil, "\(file) left behind")
        }
        #expect(prefix.contents(of: "bin/other-tool") == "mine\n", "uninstall removed what it did not install")
    }

    @Test func aMissingBinaryInstallsNothing() throws {
        let prefix = try StepDocProcess()
        defer { prefix.remove() }
        let outcome = try Self.shell(
            "make install PREFIX=\(Self.quoted(prefix.directory.path)) BINARY=/nonexistent/stepdoc",
            in: Fixtures.projectRoot())
        #expect(outcome.status != 0)
        #expect(outcome.output.contains("/nonexistent/stepdoc: no stepdoc binary"), "\(outcome.output)")
        let left = try FileManager.default.contentsOfDirectory(atPath: prefix.directory.path)
        #expect(left.isEmpty, "installed \(left)")
    }
}
