import Foundation
import StepDocCLI
import StepDocTestSupport
import StepProject

extension StepDocProcess {
    /// Runs `stepdoc ARGUMENTS` in this process, in the folder, as the command line would: the same
    /// parsing, command and exit status, with standard output and error captured. `stdin` is what `-`
    /// reads (empty when not given, as a run with `< /dev/null`).
    public func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]
    ) throws -> Outcome {
        Self.runInProcess(arguments, in: directory, stdin: stdin, environment: environment)
    }

    /// Runs `stepdoc ARGUMENTS` in this process in an existing folder (the project root by default).
    public static func run(
        _ arguments: [String], stdin: Data? = nil, in directory: URL = Fixtures.projectRoot()
    ) throws -> Outcome {
        runInProcess(arguments, in: directory, stdin: stdin, environment: [:])
    }

    private static func runInProcess(
        _ arguments: [String], in directory: URL, stdin: Data?, environment: [String: String]
    ) -> Outcome {
        let terminal = Terminal.capturing(
            directory: WorkingDirectory(directory.path), environment: environment,
            standardInput: [UInt8](stdin ?? Data()))
        let status = StepDocCommand.run(arguments, in: terminal)
        return Outcome(
            status: status.rawValue, standardOutput: terminal.capturedOutput, standardError: terminal.capturedError)
    }
}
