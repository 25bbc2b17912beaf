import ArgumentParser
import Foundation
import StepModel
import StepProject
import StepReports
import StepSyntax

/// `stepdoc dump`: show the syntax tree or the step model of a file, with source ranges.
struct DumpCommand: ParsableCommand {
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

    func run() throws {
        do {
            let config = try ConfigLoader.load(
                path: configPath ?? ConfigLoader.defaultPath, required: configPath != nil)
            let file = try SourceReader(maximumSize: config.limits.maxFileSize).read(path)
            let pipeline = Pipeline(config: config, sourceRoot: config.sourceRoot ?? path.parentFolder)
            let source = pipeline.process(SourceEntry(path: path, root: ".", name: path), file: file)
            switch stage {
            case .syntax:
                print(SyntaxTree(parsing: file, options: pipeline.lowering.parseOptions).dump.rendered, terminator: "")
            case .model: print(source.procedure.dump.rendered, terminator: "")
            }
        } catch {
            throw fail(error)
        }
    }
}
