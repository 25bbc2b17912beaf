import ArgumentParser
import Foundation
import StepModel
import StepProject
import StepReports
import StepSyntax

/// `stepdoc dump`: show the syntax tree or the step model of a file, with source ranges.
struct DumpCommand: StepDocSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "dump", abstract: "Print the syntax tree or the step model of a file, with ranges.")

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        case syntax, model
    }

    @Option(name: .customLong("stage"), help: "What to print: syntax or model (default: model).")
    var stage: Stage = .model

    @Argument(help: "The step file.")
    var path: String

    @Option(name: .customLong("config"), help: "The configuration file (default: stepdoc.yml when present).")
    var configPath: String?

    func run(in terminal: Terminal) -> ExitStatus {
        do throws(StepDocFailure) {
            let project = try Project.load(ProjectInputs(directory: terminal.directory, configPath: configPath))
            let config = project.config
            let file = try SourceReader(maximumSize: config.limits.maxFileSize, directory: terminal.directory).read(
                path)
            let pipeline = project.pipeline(sourceRoot: config.sourceRoot ?? path.parentFolder)
            switch stage {
            case .syntax:
                terminal.write(SyntaxTree(parsing: file, options: pipeline.lowering.parseOptions).dump.rendered)
            case .model:
                let source = pipeline.process(SourceEntry(path: path, root: ".", name: path), file: file)
                terminal.write(source.procedure.dump.rendered)
            }
            return .clean
        } catch {
            terminal.report(error)
            return .stopped
        }
    }
}
