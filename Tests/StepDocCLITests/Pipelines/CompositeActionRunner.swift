import Foundation

/// Runs a composite action's steps on this machine as a GitHub runner would: `run` steps in bash with
/// their `env`, `working-directory`, `GITHUB_OUTPUT` and `GITHUB_PATH`, each step's `if:` evaluated (no
/// condition means "only when nothing failed"); `uses` steps go to a handler the test provides, which
/// stands in for actions/cache and upload-sarif (no network).
struct CompositeActionRunner {
    let action: CompositeAction
    /// Where the action's files are (`github.action_path`).
    let actionPath: URL
    /// The checked-out repository (`github.workspace`).
    let workspace: URL
    /// `runner.temp`.
    let runnerTemp: URL
    /// Variables every step gets besides the runner's own.
    var environment: [String: String] = [:]

    struct StepRun {
        var name: String
        var outcome: Outcome
        var log: String
        var outputs: [String: String]
    }

    enum Outcome: Equatable {
        case success, failure, skipped
    }

    struct Run {
        var steps: [StepRun]
        var outputs: [String: String]

        var failed: Bool { steps.contains { $0.outcome == .failure } }

        func step(_ name: String) -> StepRun? { steps.first { $0.name == name } }

        /// Every log, for failure messages.
        var transcript: String {
            steps.map { "== \($0.name) [\($0.outcome)]\n\($0.log)" }.joined(separator: "\n")
        }
    }

    /// `uses` steps: given the step and its evaluated `with`, returns the step's outputs, or throws to fail it.
    typealias UsesHandler = (CompositeAction.Step, [String: String]) throws -> [String: String]

    func run(inputs given: [String: String], uses handler: UsesHandler) throws -> Run {
        var contexts: [String: String] = [
            "github.action_path": actionPath.path, "github.workspace": workspace.path, "runner.temp": runnerTemp.path,
            "runner.os": "Linux",
        ]
        for (name, input) in action.inputs { contexts["inputs.\(name)"] = given[name] ?? input.defaultValue }
        for name in given.keys where action.inputs[name] == nil {
            throw CompositeAction.Malformed(description: "the action has no input '\(name)'")
        }
        var runs: [StepRun] = []
        var path: [String] = []
        for (index, step) in action.steps.enumerated() {
            let expression = ActionExpression(contexts: contexts, jobFailed: runs.contains { $0.outcome == .failure })
            guard try expression.condition(step.condition) else {
                runs.append(StepRun(name: step.name, outcome: .skipped, log: "", outputs: [:]))
                continue
            }
            var outputs: [String: String] = [:]
            var outcome = Outcome.success
            var log = ""
            if let uses = step.uses {
                var with: [String: String] = [:]
                for (key, value) in step.with { with[key] = try expression.interpolate(value) }
                do {
                    outputs = try handler(step, with)
                    log = "\(uses) with \(with)"
                } catch {
                    outcome = .failure
                    log = "\(uses): \(error)"
                }
            } else if let script = step.run {
                guard step.shell == "bash" else {
                    throw CompositeAction.Malformed(description: "step \(step.name): shell must be bash")
                }
                let folder = runnerTemp.appendingPathComponent("step-\(index)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let outputFile = folder.appendingPathComponent("output")
                let pathFile = folder.appendingPathComponent("path")
                let scriptFile = folder.appendingPathComponent("script.sh")
                for file in [outputFile, pathFile] {
                    _ = FileManager.default.createFile(atPath: file.path, contents: nil)
                }
                try Data(try expression.interpolate(script).utf8).write(to: scriptFile)
                var env = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
                for (key, value) in step.env { env[key] = try expression.interpolate(value) }
                env["GITHUB_OUTPUT"] = outputFile.path
                env["GITHUB_PATH"] = pathFile.path
                env["GITHUB_ACTION_PATH"] = actionPath.path
                env["GITHUB_WORKSPACE"] = workspace.path
                env["GITHUB_ACTIONS"] = "true"
                env["RUNNER_TEMP"] = runnerTemp.path
                env["GITHUB_STEP_SUMMARY"] = nil
                env["PATH"] = (path.reversed() + [env["PATH"] ?? "/usr/bin:/bin"]).joined(separator: ":")
                var directory = workspace
                if let relative = step.workingDirectory {
                    directory = workspace.appendingPathComponent(try expression.interpolate(relative))
                }
                // GitHub's own invocation of `shell: bash`.
                let (status, text) = try Self.execute(
                    ["/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", scriptFile.path], in: directory,
                    environment: env)
                log = text
                outcome = status == 0 ? .success : .failure
                outputs = Self.parseOutputs(try String(contentsOf: outputFile, encoding: .utf8))
                path += try String(contentsOf: pathFile, encoding: .utf8).split(separator: "\n").map(String.init)
            } else {
                throw CompositeAction.Malformed(description: "step \(step.name) has neither run nor uses")
            }
            if let id = step.id {
                for (key, value) in outputs { contexts["steps.\(id).outputs.\(key)"] = value }
                contexts["steps.\(id).outcome"] = outcome == .success ? "success" : "failure"
            }
            runs.append(StepRun(name: step.name, outcome: outcome, log: log, outputs: outputs))
        }
        let final = ActionExpression(contexts: contexts, jobFailed: runs.contains { $0.outcome == .failure })
        var outputs: [String: String] = [:]
        for (name, value) in action.outputs { outputs[name] = try final.interpolate(value) }
        return Run(steps: runs, outputs: outputs)
    }

    /// `name=value` lines, and `name<<DELIMITER` … `DELIMITER` blocks.
    static func parseOutputs(_ text: String) -> [String: String] {
        var outputs: [String: String] = [:]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.popFirst() {
            if let marker = line.range(of: "<<"), !line[..<marker.lowerBound].contains("=") {
                let delimiter = line[marker.upperBound...]
                var value: [Substring] = []
                while let next = lines.popFirst(), next != delimiter { value.append(next) }
                outputs[String(line[..<marker.lowerBound])] = value.joined(separator: "\n")
            } else if let equals = line.firstIndex(of: "=") {
                outputs[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
        }
        return outputs
    }

    /// Runs a command, both streams into one log; its status and the log.
    static func execute(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> (
        Int32, String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        process.environment = environment
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("stepdoc-log-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }
}
