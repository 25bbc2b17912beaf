import ArgumentParser
import Foundation
import StepProject
import StepReports

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
            ConvertCommand.self, DumpCommand.self, TemplatesCommand.self, LanguageServerCommand.self,
        ],
        defaultSubcommand: nil)

    public init() {}
}
