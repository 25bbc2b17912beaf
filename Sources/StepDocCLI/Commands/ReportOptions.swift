import ArgumentParser
import StepProject
import StepReports

/// `--format` and `--report`: how `stepdoc check` reports, on standard output and in files.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("format"),
        help: ArgumentHelp("The format of the findings on standard output.", valueName: "format"))
    var format: ReportFormat = .text

    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Also write the findings to a file, e.g. sarif:out/stepdoc.sarif (repeatable; written atomically).",
            valueName: "format:path"))
    var reportArguments: [String] = []

    @Flag(
        name: .customLong("force"),
        help: "Let --report replace a file that stepdoc did not write (never an input of the run).")
    var force = false

    /// The files `--report` asks for, in the order given.
    var reports: [ReportDestination] {
        reportArguments.compactMap { try? ReportDestination(parsing: $0) }
    }

    func validate() throws {
        var paths: Set<String> = []
        for argument in reportArguments {
            let destination: ReportDestination
            do {
                destination = try ReportDestination(parsing: argument)
            } catch {
                throw ValidationError(error.description)
            }
            guard paths.insert(destination.path).inserted else {
                throw ValidationError("--report '\(argument)': another --report already writes '\(destination.path)'")
            }
        }
    }

    /// The writer of these reports for a run in `terminal` that read `inputs`.
    func writer(strict: Bool, terminal: Terminal, inputs: [String]) -> ReportWriter {
        ReportWriter(
            format: format, reports: reports, strict: strict, useColor: terminal.colorsOutput,
            environment: terminal.environment, directory: terminal.directory,
            protection: OutputProtection(inputs: inputs, force: force, in: terminal.directory))
    }
}

extension ReportFormat: ExpressibleByArgument {}
