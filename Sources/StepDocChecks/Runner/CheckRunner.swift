#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A package's check runner: the executable stepdoc runs to read the package's checks (`check`) and to
/// evaluate them on facts (`preflight`). Its `main.swift` is one call:
///
/// ```swift
/// import StepDocChecks
/// CheckRunner.main(suites: [ServiceRollout.suite()])
/// ```
///
/// The protocol, on the command line:
/// - `EXE manifest` prints the ``CheckManifest`` of the suites (exit 0);
/// - `EXE evaluate --suite ID --facts FILE` (`-`: standard input) reads the facts as `Facts`, runs the
///   suite and prints its ``RunnerOutcomes`` (exit 0); facts that cannot be read print outcomes with a
///   facts error, at its line and column (exit 2);
/// - anything else is a usage error on standard error (exit 2).
public enum CheckRunner {
    /// The largest facts file a runner reads.
    public static let maximumFactsSize = 64 << 20

    /// Runs the protocol on the process's arguments and exits with its status.
    public static func main<Facts: CheckFacts>(suites: [CheckSuite<Facts>]) -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let response = respond(to: arguments, suites: suites) { path in
            FileSystem.read(path, limit: maximumFactsSize).mapError { RunnerReadError(message: $0.message) }
        }
        let wroteOutput = FileSystem.write(response.output, to: 1)
        FileSystem.write(response.error, to: 2)
        exit(wroteOutput ? response.status : 2)
    }

    /// What the runner answers to `arguments`: text for standard output and standard error, and the exit
    /// status. `read` reads a facts file (`-`: standard input). No I/O of its own, so tests call it.
    public static func respond<Facts: CheckFacts>(
        to arguments: [String], suites: [CheckSuite<Facts>],
        read: (String) -> Result<[UInt8], RunnerReadError>
    ) -> (output: String, error: String, status: Int32) {
        let name = CommandLine.arguments.first.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "runner"
        let usage =
            "usage: \(name) manifest\n       \(name) evaluate --suite ID --facts FILE   (FILE - reads standard input)\n"
        switch arguments.first {
        case "manifest"?:
            guard arguments.count == 1 else { return ("", "\(name): manifest takes no arguments\n" + usage, 2) }
            return (CheckManifest(suites).json(), "", 0)
        case "evaluate"?:
            var suiteID: String?
            var factsPath: String?
            var rest = arguments.dropFirst()
            while let option = rest.popFirst() {
                guard option == "--suite" || option == "--facts", let value = rest.popFirst() else {
                    return ("", "\(name): unexpected argument '\(option)'\n" + usage, 2)
                }
                if option == "--suite" { suiteID = value } else { factsPath = value }
            }
            guard let suiteID, let factsPath, !factsPath.isEmpty else {
                return ("", "\(name): evaluate needs --suite ID and --facts FILE\n" + usage, 2)
            }
            guard let suite = suites.first(where: { $0.id == suiteID }) else {
                let known = suites.map(\.id).joined(separator: ", ")
                return ("", "\(name): unknown suite '\(suiteID)' (known suites: \(known))\n", 2)
            }
            let bytes: [UInt8]
            switch read(factsPath) {
            case .success(let read): bytes = read
            case .failure(let problem): return ("", "\(name): \(factsPath): cannot read: \(problem.message)\n", 2)
            }
            do {
                let facts = try Facts(json: bytes)
                return (RunnerOutcomes(suite: suite.id, results: suite.evaluate(facts)).json(), "", 0)
            } catch {
                return (RunnerOutcomes(suite: suite.id, factsError: error).json(), "", 2)
            }
        default:
            return ("", usage, 2)
        }
    }
}

/// Why a runner could not read its facts file.
public struct RunnerReadError: Error, Sendable {
    public var message: String

    public init(message: String) {
        self.message = message
    }
}
