import ArgumentParser
import CMemoryTuning
import Foundation
import StepModel
import StepProject

extension StepDocCommand {
    /// The process's entry point and its one exit: runs the command line on the process's own streams
    /// and exits with the status the command returned.
    public static func main() -> Never {
        // The big buffers of a large file (its bytes, its rendering) go back to the system after use:
        // peak memory on a 10 MiB file 73 → 67 MiB, at the same speed.
        stepdoc_fix_mmap_threshold(128 * 1024)
        // A reader that went away (`stepdoc check | head -1`, a report to `>(…)`) makes a write fail
        // with EPIPE, reported as an unwritable output (exit 2), instead of killing the process.
        signal(SIGPIPE, SIG_IGN)
        // The process ends after the command: what it read need not be freed first.
        ExitRetention.enable()
        let status = run(Array(CommandLine.arguments.dropFirst()), in: .process())
        Foundation.exit(status.rawValue)
    }

    /// Parses `arguments` and runs the command they name in `terminal`, returning its exit status.
    ///
    /// As ArgumentParser's own `main()`, except that nothing exits and usage errors end with 2 rather
    /// than 64 (EX_USAGE): stepdoc's exit codes are 0 clean, 1 findings, 2 anything that stopped the run.
    public static func run(_ arguments: [String], in terminal: Terminal) -> ExitStatus {
        // Started with standard output or error closed: nothing it says could be seen, so do nothing.
        if terminal.writeFailure != nil { return terminal.finalStatus(.stopped) }
        // ArgumentParser answers `help NAME` for a name it does not know with the general help and
        // success; a typo deserves a usage error.
        if arguments.first == "help", let name = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }) {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName }
            if !names.contains(name) {
                let hint = DidYouMean.phrase(for: name, among: names)
                terminal.writeError(
                    "error: unknown command '\(name)'"
                        + (hint.isEmpty ? "; the commands are \(names.joined(separator: ", "))" : hint) + "\n")
                return terminal.finalStatus(.stopped)
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            if let subcommand = command as? StepDocSubcommand {
                return terminal.finalStatus(subcommand.run(in: terminal))
            }
            // `stepdoc` alone, or `stepdoc help COMMAND`: ArgumentParser's own commands, which end by
            // throwing the help they show.
            try command.run()
            return terminal.finalStatus(.clean)
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                terminal.write(message.isEmpty ? "" : message + "\n")
                return terminal.finalStatus(.clean)
            }
            terminal.writeError(message + "\n")
            return terminal.finalStatus(.stopped)
        }
    }
}
