import ArgumentParser
import StepProject

/// A command of `stepdoc`: it parses its options, hands them to an action, prints what the action
/// returned, and returns the status the process exits with. It never exits itself, so the same
/// command runs many times in one process (tests, the editor server).
protocol StepDocSubcommand: ParsableCommand {
    func run(in terminal: Terminal) -> ExitStatus
}
