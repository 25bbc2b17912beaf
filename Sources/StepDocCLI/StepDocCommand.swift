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
        subcommands: [
            BuildCommand.self, CheckCommand.self, PreviewCommand.self, PreflightCommand.self, FormatCommand.self,
            ConvertCommand.self, DumpCommand.self,
        ],
        defaultSubcommand: nil)

    public init() {}
}

/// The version `--version` prints and reports carry.
public enum StepDocVersion {
    public static let current = "0.1.0"
    /// The project's home page, which SARIF reports name as the tool's `informationUri`.
    public static let informationURI = "https://github.com/mongodb/stepdoc"
    /// The README's list of rules, the help page of rules that have none of their own.
    public static let rulesURI = informationURI + "#rules"
}
