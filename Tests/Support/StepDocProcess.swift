import Foundation
import Testing

/// Runs the built `stepdoc` executable, as CI does, in a folder of its own.
public struct StepDocProcess: Sendable {
    /// What a run printed and how it ended.
    public struct Outcome: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String

        public init(status: Int32, standardOutput: String, standardError: String) {
            self.status = status
            self.standardOutput = standardOutput
            self.standardError = standardError
        }
    }

    /// The executable beside the test bundle (`swift build --build-tests` builds both), or in
    /// `.build/debug` of the project.
    public static func executable(testFile: String = #filePath) throws -> URL {
        var candidates: [URL] = []
        if let test = Bundle.main.executableURL {
            candidates.append(test.deletingLastPathComponent().appendingPathComponent("stepdoc"))
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("stepdoc"))
        candidates.append(Fixtures.projectRoot(testFile: testFile).appendingPathComponent(".build/debug/stepdoc"))
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try #require(
            found, "no stepdoc executable at \(candidates.map(\.path)); run `swift build --build-tests`")
    }

    /// A new empty folder, removed by `remove()`.
    public let directory: URL

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepdoc-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `bytes` to `path` under the folder, creating folders on the way.
    public func write(_ bytes: some Sequence<UInt8>, to path: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func contents(of path: String) -> String? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(path).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// Runs the `stepdoc` executable with ARGUMENTS in the folder, with `extraEnvironment` added to a clean
    /// environment: for what only a process shows (signals, exit codes, closed streams).
    public func spawn(_ arguments: [String], stdin: Data? = nil, environment extraEnvironment: [String: String] = [:])
        throws
        -> Outcome
    {
        try Self.launch(arguments, in: directory, scratch: directory, stdin: stdin, environment: extraEnvironment)
    }

    /// Runs a bash script in the folder, `$STEPDOC` naming the executable: for what only a shell sets up
    /// (a closed or full standard stream, a process substitution, a FIFO). Standard output and error
    /// go to files unless the script redirects them.
    public func shell(_ script: String, environment extraEnvironment: [String: String] = [:]) throws -> Outcome {
        var environment = extraEnvironment
        environment["STEPDOC"] = try Self.executable().path
        return try Self.launch(
            ["-c", script], in: directory, scratch: directory, stdin: nil, environment: environment,
            executable: URL(fileURLWithPath: "/bin/bash"))
    }

    /// Runs the `stepdoc` executable with ARGUMENTS in an existing folder (the project root by default).
    public static func spawn(_ arguments: [String], stdin: Data? = nil, in directory: URL = Fixtures.projectRoot())
        throws
        -> Outcome
    {
        let scratch = try StepDocProcess()
        defer { scratch.remove() }
        return try launch(arguments, in: directory, scratch: scratch.directory, stdin: stdin, environment: [:])
    }

    private static func launch(
        _ arguments: [String], in directory: URL, scratch: URL, stdin: Data?,
        environment extraEnvironment: [String: String], executable: URL? = nil
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = try executable ?? Self.executable()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GITHUB_STEP_SUMMARY"] = nil
        environment["NO_COLOR"] = "1"
        environment.merge(extraEnvironment) { _, new in new }
        process.environment = environment
        // Files rather than pipes, so a large output cannot fill a pipe and stall the run.
        let outputURL = scratch.appendingPathComponent(".stdout")
        let errorURL = scratch.appendingPathComponent(".stderr")
        let inputURL = scratch.appendingPathComponent(".stdin")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inputURL.path, contents: stdin ?? Data())
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        let input = try FileHandle(forReadingFrom: inputURL)
        defer {
            try? output.close()
            try? error.close()
            try? input.close()
        }
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }
}
