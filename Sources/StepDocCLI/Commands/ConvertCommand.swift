import ArgumentParser
import Foundation
import StepModel
import StepProject
import StepReports
import StepSyntax

/// `stepdoc convert`: write step files in another of the three formats.
struct ConvertCommand: StepDocSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert step files between giza reStructuredText, `.. procedure::` directives and giza YAML.",
        discussion: """
            Writes each converted file next to its input (or into --output): NAME.rst for giza and \
            procedure files, steps-NAME.yaml for YAML; when that would be the input itself, \
            NAME.giza.rst or NAME.procedure.rst. An existing file is replaced only with --force, and an \
            input of the run never; two inputs that would write one file stop the run. These are found \
            before anything is written; outputs are written atomically. A procedure file keeps the giza era, heading character and step numbers in a \
            `.. stepdoc: giza …` comment, so converting it back gives the giza file it came from. \
            Exit codes: 0 converted, 1 a file has no steps or cannot be converted safely, 2 unreadable \
            input, unwritable output or usage error.
            """)

    @Option(name: .customLong("to"), help: "The format to write: procedure, giza or yaml.")
    var target: ProcedureFormat

    @Argument(help: "Step files or folders of them (default: the 'content' of stepdoc.yml, or content/).")
    var paths: [String] = []

    @Option(name: .customLong("output"), help: "The folder to write into (default: next to each input).")
    var output: String?

    @Option(name: .customLong("config"), help: "The configuration file (default: stepdoc.yml when present).")
    var configPath: String?

    @Flag(name: .customLong("force"), help: "Replace files that exist (never an input of this run).")
    var force = false

    func validate() throws {
        if paths.contains("") || configPath == "" || output == "" {
            throw ValidationError("an empty path names no file")
        }
    }

    func run(in terminal: Terminal) -> ExitStatus {
        let inputs = ProjectInputs(directory: terminal.directory, paths: paths, configPath: configPath)
        let result = ConvertAction(inputs: inputs, target: target, output: output, force: force).run()
        if !result.stoppedBy.isEmpty {
            terminal.reportFindings(result.discoveryDiagnostics)
            for failure in result.stoppedBy { terminal.report(failure) }
            return .stopped
        }
        terminal.reportFindings(result.discoveryDiagnostics)
        for (path, outcome) in result.files {
            switch outcome {
            case .wrote(let written, let warning):
                if let warning { terminal.writeError("\(path): warning: \(warning)\n") }
                terminal.write("wrote \(written)\n")
            case .refused(let diagnostics, let file):
                terminal.reportFindings(diagnostics, sources: [file])
                terminal.writeError("\(path): not converted: writing it as \(target.rawValue) would lose content\n")
            case .noSteps:
                terminal.writeError("\(path): no steps to convert\n")
            case .failed(let failure):
                terminal.report(failure)
            }
        }
        return result.status
    }
}

extension ProcedureFormat: ExpressibleByArgument {}
