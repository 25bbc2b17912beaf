import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// A project in a temporary folder for the catalogue of bad inputs: files written into it, the real
/// `stepdoc` run on it as a subprocess, and its findings read back with their ids and positions.
struct BadInputProject {
    /// One finding as the JSON report (or a failure line on standard error) gives it.
    struct Finding: CustomStringConvertible {
        var id: String
        var severity: String
        var file: String?
        var line: Int?
        var column: Int?
        var summary: String

        var description: String {
            "\(file ?? "-"):\(line.map(String.init) ?? "-"):\(column.map(String.init) ?? "-"): \(severity): \(summary) [\(id)]"
        }
    }

    /// What a run printed, how it ended, and the findings it reported.
    struct Run: CustomStringConvertible {
        var status: Int32
        var findings: [Finding]
        var standardOutput: String
        var standardError: String

        var description: String {
            "exit \(status); findings:\n" + findings.map { "  \($0)" }.joined(separator: "\n")
                + "\nstderr: \(standardError.prefix(2000))"
        }

        /// The first finding with `id`.
        func finding(_ id: String) -> Finding? {
            findings.first { $0.id == id }
        }
    }

    let process: StepDocProcess

    var directory: URL { process.directory }

    init() throws {
        process = try StepDocProcess()
    }

    func remove() {
        // Give back permissions a test took away, so the folder can be deleted.
        if let paths = FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] {
            for path in paths { chmod(directory.appendingPathComponent(path).path, 0o755) }
        }
        process.remove()
    }

    func write(_ text: String, to path: String) throws {
        try process.write(Array(text.utf8), to: path)
    }

    func write(bytes: [UInt8], to path: String) throws {
        try process.write(bytes, to: path)
    }

    func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent(path), withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> String {
        directory.appendingPathComponent(relative).path
    }

    /// `stepdoc check --format json ARGUMENTS`, its findings read from the JSON report (and, when the
    /// run stopped before reporting, from standard error).
    func check(_ arguments: [String] = []) async throws -> Run {
        let outcome = try await outcome(["check", "--format", "json"] + arguments)
        var findings: [Finding] = []
        if let data = outcome.standardOutput.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let diagnostics = object["diagnostics"] as? [[String: Any]]
        {
            findings = diagnostics.map { item in
                Finding(
                    id: item["id"] as? String ?? "?", severity: item["severity"] as? String ?? "?",
                    file: item["file"] as? String, line: item["line"] as? Int, column: item["column"] as? Int,
                    summary: item["summary"] as? String ?? "")
            }
        }
        findings += Self.failures(in: outcome.standardError)
        return Run(
            status: outcome.status, findings: findings, standardOutput: outcome.standardOutput,
            standardError: outcome.standardError)
    }

    /// Any other command; its findings are the failure lines on standard error.
    func run(_ arguments: [String]) async throws -> Run {
        let outcome = try await outcome(arguments)
        return Run(
            status: outcome.status, findings: Self.failures(in: outcome.standardError),
            standardOutput: outcome.standardOutput, standardError: outcome.standardError)
    }

    /// `stepdoc ARGUMENTS` as it ended and printed, run in the heavy lane (see ``inHeavyLane(_:)``).
    func outcome(_ arguments: [String]) async throws -> StepDocProcess.Outcome {
        let process = self.process
        return try await inHeavyLane { try process.run(arguments) }
    }

    /// Failure lines: `PATH:LINE:COL: error: SUMMARY [ID]` or `error: PATH: SUMMARY [ID]`.
    static func failures(in text: String) -> [Finding] {
        var findings: [Finding] = []
        for line in text.split(separator: "\n").map(String.init) {
            guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { continue }
            let id = String(line[line.index(after: open)..<line.index(before: line.endIndex)])
            let message = String(line[..<open]).trimmingCharacters(in: .whitespaces)
            if message.hasPrefix("error: ") {
                let rest = message.dropFirst("error: ".count)
                let parts = rest.split(separator: ":", maxSplits: 1).map(String.init)
                findings.append(
                    Finding(
                        id: id, severity: "error", file: parts.first, line: nil, column: nil,
                        summary: parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""))
            } else if let range = message.range(of: ": error: ") {
                let position = message[..<range.lowerBound].split(separator: ":").map(String.init)
                guard position.count >= 3, let line = Int(position[position.count - 2]),
                    let column = Int(position[position.count - 1])
                else { continue }
                findings.append(
                    Finding(
                        id: id, severity: "error", file: position.dropLast(2).joined(separator: ":"), line: line,
                        column: column, summary: String(message[range.upperBound...])))
            }
        }
        return findings
    }
}

/// Asserts that `run` ended with `status` and reported `id` at `position` (of `file`, when given).
func expectFinding(
    _ run: BadInputProject.Run, _ id: String, severity: String? = nil, file: String? = nil,
    at position: (line: Int, column: Int), status: Int32, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        run.status == status, "exit status \(run.status), expected \(status)\n\(run)", sourceLocation: sourceLocation)
    let matching = run.findings.filter { $0.id == id && (file == nil || $0.file == file) }
    guard !matching.isEmpty else {
        Issue.record("no \(id) finding\(file.map { " in \($0)" } ?? "")\n\(run)", sourceLocation: sourceLocation)
        return
    }
    #expect(
        matching.contains { $0.line == position.line && $0.column == position.column },
        "\(id) not at \(position.line):\(position.column)\n\(run)", sourceLocation: sourceLocation)
    if let severity {
        #expect(matching.allSatisfy { $0.severity == severity }, "\(run)", sourceLocation: sourceLocation)
    }
}

/// Giza step files for the catalogue, with position markers allowed anywhere in titles and bodies.
enum GizaSource {
    /// Both copies of a step: under the HTML branch, then under the other branch.
    static func step(_ number: String, _ title: String, _ body: [String] = ["Run the command."]) -> String {
        html(number, title, body) + print(number, title, body)
    }

    static func html(_ number: String, _ title: String, _ body: [String], underline: Character = "~") -> String {
        var lines = [
            ".. only:: html or dirhtml or singlehtml", "", "   .. raw:: html", "",
            "      <div class=\"sequence-block\"><div class=\"bullet-block\"><div class=\"sequence-step\">\(number)</div></div>",
            "", "   \(title)", "   " + String(repeating: underline, count: width(title)), "",
        ]
        lines += body.map { $0.isEmpty ? "" : "   " + $0 }
        lines += ["", "   .. raw:: html", "", "      </div>", ""]
        return lines.joined(separator: "\n") + "\n"
    }

    static func print(_ number: String, _ title: String, _ body: [String], underline: Character = "~") -> String {
        let heading = "Step \(number): \(title)"
        var lines = [
            ".. only:: not(html or dirhtml or singlehtml)", "", "   \(heading)",
            "   " + String(repeating: underline, count: width(heading)), "",
        ]
        lines += body.map { $0.isEmpty ? "" : "   " + $0 }
        lines.append("")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A two-step file whose steps agree.
    static let twoSteps = step("1", "Connect to the server") + step("2", "Check the version", ["Read the output."])

    /// Characters as docutils counts them, position markers left out.
    static func width(_ text: String) -> Int {
        MarkedSource(text).text.count
    }
}
