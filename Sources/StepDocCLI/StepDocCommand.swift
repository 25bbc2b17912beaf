import ArgumentParser
import Foundation

/// `stepdoc`: build, check and preview giza step files; prove docs/code parity.
public struct StepDocCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stepdoc",
        abstract: "Build, check and preview numbered procedure steps written in reStructuredText.",
        discussion: """
            Exit codes: 0 when clean, 1 when there are findings (errors, or warnings with --strict), \
            2 for usage errors, unreadable input and internal failures.
            """,
        version: StepDocVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, PreflightCommand.self, DumpCommand.self],
        defaultSubcommand: nil)

    public init() {}

    /// Runs the command line. ArgumentParser exits with EX_USAGE (64) for a malformed command line;
    /// stepdoc's contract (DESIGN.md §5) is exit code 2 for usage errors, so those are remapped.
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// The version `--version` prints and reports carry.
public enum StepDocVersion {
    public static let current = "0.1.0"
}
