import ArgumentParser
import Foundation
import StepModel
import StepProject
import StepReports
import StepSyntax

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

    /// The configuration, with command-line options applied.
    func loadConfig() throws(StepDocFailure) -> StepDocConfig {
        var config = try ConfigLoader.load(path: configPath ?? ConfigLoader.defaultPath, required: configPath != nil)
        config.tags += tags
        return config
    }

    func contentPaths(_ config: StepDocConfig) -> [String] {
        paths.isEmpty ? config.content : paths
    }

    /// The folder absolute include paths start from.
    func sourceRoot(_ config: StepDocConfig, entries: [SourceEntry]) -> String {
        if let root = config.sourceRoot { return root }
        if paths.isEmpty, let first = config.content.first { return first }
        return entries.first?.root ?? "."
    }

    var jobCount: Int {
        max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// Prints a failure that stops the command and exits with 2.
func fail(_ failure: StepDocFailure) -> ExitCode {
    let useColor = TextReporter.wantsColor(fileDescriptor: 2)
    let prefix = useColor ? "\u{1B}[1;31merror:\u{1B}[0m " : "error: "
    // The rule id, as every diagnostic line ends with one.
    var message = failure.description + " [\(failure.diagnostic.id)]"
    // Failures that carry their own position already say "error:".
    if message.contains(": error: ") {
        message = message.replacingOccurrences(of: ": error: ", with: ": " + prefix)
        FileHandle.standardError.write(Data((message + "\n").utf8))
    } else {
        FileHandle.standardError.write(Data((prefix + message + "\n").utf8))
    }
    return ExitCode(2)
}

/// Writes text to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// A progress line on a terminal for long runs: `rendering 120/2000`.
struct ProgressLine: Sendable {
    let total: Int
    let verb: String
    let enabled: Bool

    init(total: Int, verb: String) {
        self.total = total
        self.verb = verb
        enabled = total >= 50 && isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    var callback: (@Sendable (Int) -> Void)? {
        guard enabled else { return nil }
        let total = self.total
        let verb = self.verb
        return { done in
            if done == total || done % 25 == 0 {
                FileHandle.standardError.write(Data("\r\(verb) \(done)/\(total)\u{1B}[K".utf8))
            }
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Ends the process with `code` without tearing down what the run built: freeing a large syntax tree
/// and model costs more than the rest of a check, and the operating system reclaims it all anyway.
func finish(_ code: Int32) -> Never {
    fflush(nil)
    exit(code)
}
