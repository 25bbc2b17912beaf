import Foundation
import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// `stepdoc preview` run as a process in the background, as a writer runs it: its output goes to files
/// the test reads while it runs.
final class PreviewProcess {
    let process = Process()
    private let outputURL: URL
    private let errorURL: URL

    /// Starts `stepdoc ARGUMENTS` in `folder`, with `extraEnvironment` added to the test's environment;
    /// with `shell`, bash runs those commands first (`ulimit -n 1024`) and then execs stepdoc.
    init(
        _ arguments: [String], in folder: URL, environment extraEnvironment: [String: String] = [:],
        shell: String? = nil
    ) throws {
        outputURL = folder.appendingPathComponent(".preview-stdout")
        errorURL = folder.appendingPathComponent(".preview-stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        if let shell {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments =
                ["-c", shell + "\nexec \"$0\" \"$@\"", try StepDocProcess.executable().path] + arguments
        } else {
            process.executableURL = try StepDocProcess.executable()
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extraEnvironment) { _, new in new }
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
    }

    var standardOutput: String {
        (FileManager.default.contents(atPath: outputURL.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    var standardError: String {
        (FileManager.default.contents(atPath: errorURL.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The URL from the "serving … at URL" line, waiting up to `timeout` for it.
    func servingURL(timeout: Duration = .seconds(30)) async -> String? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let range = standardOutput.range(of: #"http://[^ ]+/"#, options: .regularExpression) {
                return String(standardOutput[range])
            }
            if !process.isRunning { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// Sends `signal` and waits up to `timeout` for the process to end; its exit status, or `nil` when it
    /// is still running (it is then killed).
    func stop(with signal: Int32 = SIGINT, timeout: Duration = .seconds(30)) async -> Int32? {
        kill(process.processIdentifier, signal)
        return await waitForExit(timeout: timeout)
    }

    func waitForExit(timeout: Duration = .seconds(30)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        return process.terminationStatus
    }
}
