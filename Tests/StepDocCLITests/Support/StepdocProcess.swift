import Foundation
import StepDocTestSupport

/// The built `stepdoc` executable, run as a subprocess from the project root.
struct StepdocProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable `swift build --build-tests` puts next to the test bundle (or under .build/debug).
    static var executable: URL? {
        var candidates: [URL] = []
        if let bundle = Bundle.main.executableURL {
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("stepdoc"))
        }
        candidates.append(Fixtures.projectRoot().appendingPathComponent(".build/debug/stepdoc"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `stepdoc arguments…` in `directory` (the project root by default), with `stdin` as its input.
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL = Fixtures.projectRoot()) throws
        -> Result
    {
        guard let executable else {
            throw MissingExecutable()
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stepdoc-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: stdin ?? Data())

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = try FileHandle(forWritingTo: outURL)
        let errors = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        try output.close()
        try errors.close()
        try input.close()
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    struct MissingExecutable: Error, CustomStringConvertible {
        var description: String {
            "the stepdoc executable is not built: run `swift build --build-tests` (or `swift build`) first"
        }
    }
}
