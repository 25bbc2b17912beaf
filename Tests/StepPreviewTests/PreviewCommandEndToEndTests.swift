import Foundation
import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// `stepdoc preview` as a process: the URL it prints, Ctrl-C, and the options it refuses.
@Suite(.serialized) struct PreviewCommandEndToEndTests {
    @Test func printsTheURLServesItAndStopsCleanlyOnControlC() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let preview = try PreviewProcess(["preview", "--port", "0"], in: project.directory)
        let url = try #require(
            await preview.servingURL(), "no URL printed: \(preview.standardOutput) \(preview.standardError)")
        #expect(
            preview.standardOutput.hasPrefix("stepdoc preview: serving content at http://127.0.0.1:"),
            "\(preview.standardOutput)")
        #expect(preview.standardOutput.contains("(Ctrl-C to stop)"))
        let port = try #require(UInt16(url.split(separator: ":").last?.dropLast() ?? ""), "\(url)")
        let index = try await LoopbackHTTPClient(port: port).get("/")
        #expect(index.status == 200, "\(index)")
        let stream = try await EventStreamClient(port: port)
        defer { stream.close() }

        let status = await preview.stop(with: SIGINT)
        #expect(status == 0, "exit status \(String(describing: status)); stderr: \(preview.standardError)")
        #expect(await stream.waitForEnd(), "the event stream outlived the server")
        #expect(preview.standardError.isEmpty, "\(preview.standardError)")
    }

    @Test func opensTheIndexWithXdgOpenAndCarriesOnWithoutIt() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try project.write("#!/bin/sh\necho \"$1\" > \"$(dirname \"$0\")/opened.txt\"\n", to: "bin/xdg-open")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: project.path("bin/xdg-open"))
        let preview = try PreviewProcess(
            ["preview", "--port", "0", "--open"], in: project.directory,
            environment: ["PATH": project.path("bin") + ":/usr/bin:/bin"])
        let url = try #require(await preview.servingURL(), "\(preview.standardError)")
        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: project.path("bin/opened.txt")), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        let opened = try String(contentsOfFile: project.path("bin/opened.txt"), encoding: .utf8)
        #expect(opened == url + "\n", "xdg-open got \(opened)")
        #expect(await preview.stop() == 0)

        let without = try PreviewProcess(
            ["preview", "--port", "0", "--open"], in: project.directory, environment: ["PATH": project.path("none")])
        #expect(await without.servingURL() != nil, "\(without.standardError)")
        #expect(await without.stop() == 0)
        #expect(without.standardError.contains("note: xdg-open is not installed"), "\(without.standardError)")
    }

    @Test func warnsWhenTheAddressIsNotLoopback() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let preview = try PreviewProcess(["preview", "--port", "0", "--host", "0.0.0.0"], in: project.directory)
        #expect(await preview.servingURL() != nil, "\(preview.standardOutput) \(preview.standardError)")
        let status = await preview.stop(with: SIGTERM)
        #expect(status == 0)
        #expect(
            preview.standardError.contains("warning: --host 0.0.0.0 is not a loopback address"),
            "\(preview.standardError)")
    }

    @Test(arguments: [
        (["--host", "example.com"], "--host 'example.com' is not an IP address"),
        (["--port", "70000"], "--port must be between 0 and 65535"),
        (["missing"], "missing: no such file or directory"),
        (["--template", "nope"], "no template set 'nope'"),
    ])
    func exitsWith2OnUnusableOptions(arguments: [String], message: String) async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let preview = try PreviewProcess(["preview", "--port", "0"] + arguments, in: project.directory)
        let status = await preview.waitForExit()
        #expect(status == 2, "\(arguments): exit \(String(describing: status)); \(preview.standardOutput)")
        #expect(preview.standardError.contains(message), "\(arguments): \(preview.standardError)")
    }

    @Test func exitsWith2WhenThePortIsTaken() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let first = try PreviewProcess(["preview", "--port", "0"], in: project.directory)
        let url = try #require(await first.servingURL(), "\(first.standardError)")
        let port = String(url.split(separator: ":").last?.dropLast() ?? "")
        let second = try PreviewProcess(["preview", "--port", port], in: project.directory)
        let status = await second.waitForExit()
        #expect(status == 2, "\(second.standardOutput)")
        #expect(
            second.standardError.contains("error: cannot listen on 127.0.0.1:\(port): bind: address already in use"),
            "\(second.standardError)")
        #expect(await first.stop() == 0)
    }
}
