import ArgumentParser
import Foundation
import MigrationChecks
import StepModel
import StepPreflight
import StepProject
import StepRender
import StepReports
import StepSyntax

/// `stepdoc preflight`: run a procedure's checks on a deployment's facts, step by step, with the
/// documented steps as the remedy.
struct PreflightCommand: StepDocSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Run the checks of a procedure on a deployment's facts; the documented steps are the remedy.",
        discussion: """
            First print the facts collector and run it against the source deployment as the migration user \
            (stepdoc preflight --print-collector > collect-facts.js), then check its output: \
            stepdoc preflight --facts facts.json. Each step prints ✔ (passed), ✘ (failed), ? (cannot tell: \
            a fact is missing) or – (no check implements it); a step that failed or cannot tell is followed \
            by the reason and the step's documented text. \
            Exit codes: 0 every check passed, 1 a check failed or cannot tell, 2 unreadable or malformed \
            facts, a usage error, or unreadable content.
            """)

    @Argument(help: "The step files to check (default: the procedures stepdoc.yml binds to check suites).")
    var paths: [String] = []

    @Flag(name: .customLong("print-collector"), help: "Print the mongosh script that collects the facts.")
    var printCollector = false

    @Option(
        name: .customLong("user"),
        help: "With --print-collector: the migration user's name (default: the user the script runs as).")
    var user: String?

    @Option(
        name: .customLong("auth-db"),
        help: "With --print-collector --user: the database the migration user is defined on (default: admin).")
    var authDatabase: String?

    @Option(name: .customLong("facts"), help: "The facts JSON the collector printed, or - for standard input.")
    var facts: String?

    @Option(name: .customLong("format"), help: "text (default) or json.")
    var format: PreflightAction.Format = .text

    @Option(name: .customLong("html"), help: "Also write a report page to this file.")
    var html: String?

    @Flag(
        name: .customLong("force"), help: "Let --html replace a file that stepdoc did not write (never an input).")
    var force = false

    @Option(name: .customLong("suite"), help: "The check suite to run (default: the one stepdoc.yml binds).")
    var suite: String?

    @Option(name: .customLong("config"), help: "The configuration file (default: stepdoc.yml when present).")
    var configPath: String?

    @Option(
        name: .customLong("check-manifest"),
        help: "A check manifest whose suites procedures can be bound to (repeatable).")
    var checkManifests: [String] = []

    @Option(
        name: [.customShort("t"), .customLong("tag")], help: "A tag for `.. only::` expressions, as sphinx-build -t.")
    var tags: [String] = []

    @Option(name: .customLong("templates"), help: "With --html: a folder of template sets over the built-in ones.")
    var templates: String?

    @Option(name: .customLong("template"), help: "With --html: the template set (default, giza …).")
    var template: String?

    func validate() throws {
        if user == "" || authDatabase == "" {
            throw ValidationError("--user and --auth-db need a name")
        }
        if paths.contains("") || configPath == "" || facts == "" || html == "" || templates == "" {
            throw ValidationError("an empty path names no file")
        }
    }

    func run(in terminal: Terminal) -> ExitStatus {
        if printCollector {
            guard facts == nil, html == nil, paths.isEmpty else {
                terminal.report(
                    .usage(
                        "--print-collector prints the collector script only; run it, then pass its output to --facts"))
                return .stopped
            }
            if authDatabase != nil && user == nil {
                terminal.report(
                    .usage(
                        "--auth-db goes with --user (without --user, the script checks the user it runs as, "
                            + "on its own database)"))
                return .stopped
            }
            terminal.write(PreflightAction.collectorScript(user: user, database: authDatabase))
            return .clean
        }
        guard let facts else {
            terminal.report(
                .usage(
                    "preflight needs --facts FILE (or - for standard input); print the script that collects them "
                        + "with: stepdoc preflight --print-collector"))
            return .stopped
        }
        if user != nil || authDatabase != nil {
            terminal.report(.usage("--user and --auth-db go with --print-collector"))
            return .stopped
        }
        var options = PreflightAction.Options(facts: facts)
        options.format = format
        options.html = html
        options.force = force
        options.suite = suite
        options.templates = templates
        options.template = template
        options.useColor = terminal.colorsOutput
        var inputs = ProjectInputs(directory: terminal.directory, paths: paths, configPath: configPath, tags: tags)
        inputs.checkManifests = checkManifests
        let result = PreflightAction(inputs: inputs, options: options).run {
            () throws(StepDocFailure) -> [UInt8] in
            try terminal.readInput(limit: StepDocConfig.Limits().maxFileSize)
        }
        terminal.write(result.output)
        if let failure = result.failure { terminal.report(failure) }
        return result.status
    }
}

extension PreflightAction.Format: ExpressibleByArgument {}
