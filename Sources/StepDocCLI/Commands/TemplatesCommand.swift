import ArgumentParser
import StepProject
import StepRender

/// `stepdoc templates`: the template sets compiled into stepdoc.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "The template sets built into stepdoc, and writing them out to start a project's own.",
        discussion: """
            stepdoc renders with its built-in sets (default, giza) when a project has no templates folder. \
            A project's templates/NAME/ overrides set NAME file by file: a page.mustache there replaces the \
            built-in one, the other files stay built in.
            """,
        subcommands: [TemplatesExportCommand.self, TemplatesListCommand.self])
}

/// `stepdoc templates export DIR`.
struct TemplatesExportCommand: StepDocSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in template sets into DIR/NAME/ (never replacing a file without --force).")

    @Argument(help: "The folder to write the sets into, e.g. templates.")
    var folder: String

    @Option(name: .customLong("set"), help: "A set to write (repeatable; default: every built-in set).")
    var sets: [String] = []

    @Flag(name: .customLong("force"), help: "Replace files that exist.")
    var force = false

    func validate() throws {
        if folder.isEmpty { throw ValidationError("an empty path names no folder") }
    }

    func run(in terminal: Terminal) -> ExitStatus {
        let result = TemplateExportAction(directory: terminal.directory, folder: folder, sets: sets, force: force)
            .run()
        if let failure = result.failure {
            terminal.report(failure)
            return result.status
        }
        for path in result.written { terminal.write("wrote \(path)\n") }
        return result.status
    }
}

/// `stepdoc templates list`.
struct TemplatesListCommand: StepDocSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the built-in template sets and their files.")

    func run(in terminal: Terminal) -> ExitStatus {
        for name in BuiltinTemplates.setNames {
            let files = (BuiltinTemplates.files(ofSet: name) ?? [:]).keys.sorted()
            terminal.write("\(name): \(files.joined(separator: ", "))\n")
        }
        return .clean
    }
}
