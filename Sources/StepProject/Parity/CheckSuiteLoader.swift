import Foundation
import StepDocChecks

/// Reads the suites of the check manifests and runners a project names, beside the built-in ones.
///
/// A manifest is read strictly (``CheckManifest``): anything off the contract is a `checks.manifest` error at
/// its line and column, exit 2. A runner is run as `CMD ARGS… manifest`; its manifest is cached by the
/// runner's binary (path, size and modification time) in `.stepdoc-cache/runners/`, so `check` runs it once
/// per build of the runner. A runner that cannot start, crashes, exits non-zero, takes longer than the
/// timeout or prints something off the contract is a `checks.runner` error, exit 2. A suite id defined twice
/// (built in, in a manifest, by a runner) is an error naming both places.
struct CheckSuiteLoader {
    var directory: WorkingDirectory
    var manifests: [(path: String, location: (line: Int, column: Int), configPath: String?)]
    var runners: [(command: [String], location: (line: Int, column: Int))]
    var configPath: String
    var timeout: Double
    var maximumSize: Int

    func load() throws(StepDocFailure) -> CheckSuiteRegistry {
        var suites = CheckSuiteRegistry.builtIn.suites
        func add(_ suite: RegisteredSuite) throws(StepDocFailure) {
            if let first = suites.first(where: { $0.id == suite.id }) {
                let message = "suite id '\(suite.id)' is defined twice: by \(first.origin) and by \(suite.origin)"
                switch suite.origin {
                case .manifest(let path, let line, let column):
                    throw .checkManifest(path: path, line: line, column: column, message: message)
                case .runner(let command):
                    throw .checkRunner(command: command.joined(separator: " "), message: message)
                case .builtIn:
                    throw .usage(message)
                }
            }
            suites.append(suite)
        }
        for manifest in manifests {
            let bytes: [UInt8]
            do throws(StepDocFailure) {
                bytes = try SourceReader(maximumSize: maximumSize, directory: directory).readBytes(manifest.path)
            } catch {
                if case .missingPath = error, let configPath = manifest.configPath {
                    throw .configuration(
                        path: configPath, line: manifest.location.line, column: manifest.location.column,
                        message: "check manifest '\(manifest.path)' does not exist")
                }
                throw error
            }
            let read: CheckManifest
            do throws(ManifestError) {
                read = try CheckManifest(json: bytes)
            } catch {
                throw .checkManifest(path: manifest.path, line: error.line, column: error.column, message: error.message)
            }
            for (index, suite) in read.suites.enumerated() {
                let position = read.suitePositions[index]
                try add(
                    RegisteredSuite(
                        definition: suite,
                        origin: .manifest(path: manifest.path, line: position.line, column: position.column),
                        evaluator: nil))
            }
        }
        for runner in runners {
            let process = RunnerProcess(command: runner.command, directory: directory, timeout: timeout)
            let manifest = try process.manifest()
            for suite in manifest.suites {
                try add(
                    RegisteredSuite(
                        definition: suite, origin: .runner(command: runner.command),
                        evaluator: process.evaluator(suite: suite.id)))
            }
        }
        return CheckSuiteRegistry(suites: suites)
    }
}

/// A runner executable, run with the protocol's arguments and a time limit.
struct RunnerProcess: Sendable {
    var command: [String]
    var directory: WorkingDirectory
    var timeout: Double

    private var name: String { command.joined(separator: " ") }

    /// The runner's manifest, from the cache when its binary has not changed since.
    func manifest() throws(StepDocFailure) -> CheckManifest {
        let cache = cacheFile()
        if let cache, let bytes = FileManager.default.contents(atPath: cache.path),
            let manifest = try? CheckManifest(json: Array(bytes))
        {
            return manifest
        }
        let output = try run(["manifest"], input: nil)
        guard output.status == 0 else {
            throw .checkRunner(command: name, message: "'manifest' exited with status \(output.status)\(output.errorTail)")
        }
        let manifest: CheckManifest
        do throws(ManifestError) {
            manifest = try CheckManifest(json: output.standardOutput)
        } catch {
            throw .checkRunner(
                command: name, message: "its manifest is not a check manifest: \(error.line):\(error.column): \(error.message)")
        }
        if let cache {
            try? FileManager.default.createDirectory(
                at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(output.standardOutput).write(to: cache, options: .atomic)
        }
        return manifest
    }

    /// Evaluation through `evaluate --suite ID --facts -`, the facts on the runner's standard input.
    func evaluator(suite: String) -> SuiteEvaluator {
        SuiteEvaluator { bytes, factsName throws(StepDocFailure) in
            let output = try run(["evaluate", "--suite", suite, "--facts", "-"], input: bytes)
            let outcomes: RunnerOutcomes
            do throws(ManifestError) {
                outcomes = try RunnerOutcomes(json: output.standardOutput)
            } catch {
                let status = output.status == 0 ? "" : " (exit status \(output.status)\(output.errorTail))"
                throw .checkRunner(
                    command: name,
                    message: "its outcomes are not runner outcomes\(status): \(error.line):\(error.column): \(error.message)")
            }
            if let factsError = outcomes.factsError {
                throw .facts(
                    path: factsName, line: factsError.line, column: factsError.column, message: factsError.message)
            }
            guard output.status == 0 else {
                throw .checkRunner(command: name, message: "'evaluate' exited with status \(output.status)\(output.errorTail)")
            }
            return outcomes.results
        }
    }

    struct Output {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]

        /// `: LAST LINE OF STDERR`, when the runner said anything there.
        var errorTail: String {
            let text = String(decoding: standardError.suffix(2000), as: UTF8.self)
            let last = text.split(separator: "\n").last.map(String.init) ?? ""
            return last.isEmpty ? "" : ": \(last)"
        }
    }

    /// Runs the runner with `arguments` after its own, `input` on standard input.
    func run(_ arguments: [String], input: [UInt8]?) throws(StepDocFailure) -> Output {
        guard let executable = command.first, !executable.isEmpty else {
            throw .checkRunner(command: name, message: "the runner command is empty")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: resolve(executable))
        process.arguments = Array(command.dropFirst()) + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        let output = Pipe()
        let error = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = inputPipe
        // Set before the start: a runner that ends at once must still be seen to end.
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .checkRunner(command: name, message: "cannot start it: \(error.localizedDescription)")
        }
        let collected = RunnerOutputCollector(output: output, error: error)
        if let input {
            DispatchQueue.global().async {
                try? inputPipe.fileHandleForWriting.write(contentsOf: Data(input))
                try? inputPipe.fileHandleForWriting.close()
            }
        } else {
            try? inputPipe.fileHandleForWriting.close()
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = finished.wait(timeout: .now() + 2)
            }
            throw .checkRunner(
                command: name,
                message: "'\(arguments.first ?? "")' did not finish within \(Self.seconds(timeout)) (check-runner-timeout)")
        }
        let (standardOutput, standardError) = collected.wait()
        if process.terminationReason == .uncaughtSignal {
            throw .checkRunner(
                command: name,
                message: "'\(arguments.first ?? "")' crashed (signal \(process.terminationStatus))"
                    + Output(status: 0, standardOutput: [], standardError: standardError).errorTail)
        }
        return Output(status: process.terminationStatus, standardOutput: standardOutput, standardError: standardError)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// A command with a slash is a path from the project folder; a bare name is looked up on PATH.
    private func resolve(_ executable: String) -> String {
        if executable.contains("/") { return directory.resolve(executable) }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(executable)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return directory.resolve(executable)
    }

    /// `.stepdoc-cache/runners/KEY.json`, the key made of the command and the binary's path, size and
    /// modification time; nil when the binary cannot be examined.
    private func cacheFile() -> URL? {
        guard let executable = command.first else { return nil }
        let path = resolve(executable)
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let key = "\(command.joined(separator: "\u{0}"))\u{0}\(path)\u{0}\(info.st_size)\u{0}"
            + "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return URL(fileURLWithPath: directory.resolve(".stepdoc-cache/runners"))
            .appendingPathComponent(String(hash, radix: 16) + ".json")
    }
}

/// Reads a runner's standard output and error to their ends on threads of their own, so that a runner
/// writing much to both never blocks on a full pipe.
private final class RunnerOutputCollector: @unchecked Sendable {
    private var output: [UInt8] = []
    private var error: [UInt8] = []
    private let group = DispatchGroup()

    init(output: Pipe, error: Pipe) {
        group.enter()
        DispatchQueue.global().async {
            self.output = Array(output.fileHandleForReading.readDataToEndOfFile())
            self.group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            self.error = Array(error.fileHandleForReading.readDataToEndOfFile())
            self.group.leave()
        }
    }

    func wait() -> ([UInt8], [UInt8]) {
        group.wait()
        return (output, error)
    }
}
