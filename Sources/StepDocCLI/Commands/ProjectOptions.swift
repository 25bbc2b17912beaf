import ArgumentParser
import Foundation
import StepProject

/// Options every content command shares.
struct ProjectOptions: ParsableArguments {
    @Argument(help: "Step files or folders of them (default: the 'content' of stepdoc.yml, or content/).")
    var paths: [String] = []

    @Option(name: .customLong("config"), help: "The configuration file (default: stepdoc.yml when present).")
    var configPath: String?

    @Option(
        name: [.customShort("t"), .customLong("tag")], help: "A tag for `.. only::` expressions, as sphinx-build -t.")
    var tags: [String] = []

    @Option(name: .customLong("jobs"), help: "Files processed in parallel (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .customLong("strict"), help: "Treat warnings as errors.")
    var strict = false

    @Option(
        name: .customLong("check-manifest"),
        help: "A check manifest whose suites procedures can be bound to (repeatable), beside stepdoc.yml's.")
    var checkManifests: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if paths.contains("") || configPath == "" || checkManifests.contains("") {
            throw ValidationError("an empty path names no file")
        }
    }

    /// The inputs of an action run in `terminal`'s folder.
    func inputs(in terminal: Terminal) -> ProjectInputs {
        var inputs = ProjectInputs(
            directory: terminal.directory, paths: paths, configPath: configPath, tags: tags,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, strict: strict)
        inputs.checkManifests = checkManifests
        return inputs
    }
}
