import ArgumentParser
import StepProject
import StepReports

/// `stepdoc check`: validate step files (and docs/code parity) without writing anything.
struct CheckCommand: StepDocSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check step files: structure, both branches, numbering, roles, links, includes.",
        discussion: "Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 unreadable input or usage error.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var reporting: ReportOptions

    func run(in terminal: Terminal) -> ExitStatus {
        let inputs = project.inputs(in: terminal)
        let result = CheckAction(inputs: inputs).run()
        let writer = reporting.writer(strict: project.strict, terminal: terminal, inputs: result.inputs)
        let written = writer.write(result.report, failures: result.failures, sources: result.sources)
        terminal.write(written.standardOutput)
        for problem in result.failures + written.problems { terminal.report(problem) }
        return written.problems.isEmpty ? result.status : .stopped
    }
}
