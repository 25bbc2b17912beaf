import ArgumentParser
import StepEscaping
import StepProject
import StepReports
import StepSyntax

/// `stepdoc check`: validate step files (and docs/code parity) without writing anything; with
/// `--fix`, apply the fix-its that are safe first.
struct CheckCommand: StepDocSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check step files: structure, both branches, numbering, roles, links, includes.",
        discussion: """
            With --fix, the fix-its that are safe are applied in place first (atomically, keeping owner \
            and mode): unambiguous, not overlapping another, and leaving the file with its finding gone \
            and no new error. --fix --diff changes nothing and prints the diff it would apply. \
            Exit codes: 0 no errors, 1 errors (or warnings with --strict) left, or with --diff a change \
            to make, 2 unreadable input or usage error.
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var reporting: ReportOptions

    @Flag(help: "Apply the fix-its that are safe, in place, then report what is left.")
    var fix = false

    @Flag(help: "With --fix: change nothing, print the unified diff the fixes would make (exit 1 if any).")
    var diff = false

    func validate() throws {
        if diff && !fix { throw ValidationError("--diff goes with --fix") }
    }

    func run(in terminal: Terminal) -> ExitStatus {
        let inputs = project.inputs(in: terminal)
        let result: CheckAction.Result
        var status: ExitStatus? = nil
        if fix {
            let fixed = FixAction(inputs: inputs, diffOnly: diff).run()
            report(fixed, in: terminal)
            result = fixed.check
            status = fixed.status
        } else {
            result = CheckAction(inputs: inputs).run()
        }
        let writer = reporting.writer(strict: project.strict, terminal: terminal, inputs: result.inputs)
        let written = writer.write(result.report, failures: result.failures, sources: result.sources)
        // With --diff the diff is standard output (for `git apply`); the report goes beside the findings.
        if fix && diff {
            terminal.writeError(written.standardOutput)
        } else {
            terminal.write(written.standardOutput)
        }
        for problem in result.failures + written.problems { terminal.report(problem) }
        return written.problems.isEmpty ? (status ?? result.status) : .stopped
    }

    /// What `--fix` did, file by file: on standard output with `--diff` (the diff is the output),
    /// otherwise on standard error beside the findings.
    private func report(_ fixed: FixAction.Result, in terminal: Terminal) {
        for file in fixed.files {
            let path = TextEscaping.terminal(file.path)
            if diff {
                terminal.write(file.diff)
            } else if file.written {
                let count = file.applied.count == 1 ? "1 fix" : "\(file.applied.count) fixes"
                terminal.writeError("fixed \(path): \(count)\n")
                for diagnostic in file.applied {
                    terminal.writeError(
                        "  \(position(diagnostic)) \(TextEscaping.terminal(diagnostic.summary)) [\(diagnostic.id)]\n")
                }
            }
            for (diagnostic, refusal) in file.refused {
                terminal.writeError(
                    "\(position(diagnostic)): not fixed: \(TextEscaping.terminal(diagnostic.summary)): "
                        + "\(TextEscaping.terminal(refusal.description)) [\(diagnostic.id)]\n")
            }
        }
        for failure in fixed.failures { terminal.report(failure) }
    }

    private func position(_ diagnostic: Diagnostic) -> String {
        guard let location = diagnostic.location else { return "" }
        let start = location.range.lowerBound
        return "\(TextEscaping.terminal(location.file)):\(start.line):\(start.column)"
    }
}
