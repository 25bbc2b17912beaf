import MigrationChecks
import StepDocChecks

/// Where a suite's checks come from.
public enum SuiteOrigin: Sendable, Equatable {
    /// Compiled into stepdoc (MigrationChecks).
    case builtIn
    /// A check manifest, at the suite's `id`.
    case manifest(path: String, line: Int, column: Int)
    /// A runner's manifest: the command stepdoc.yml's `check-runners` gives.
    case runner(command: [String])
}

extension SuiteOrigin: CustomStringConvertible {
    /// `built into stepdoc`, `checks.json:3:14`, `runner .build/debug/exporter`.
    public var description: String {
        switch self {
        case .builtIn: "built into stepdoc (MigrationChecks)"
        case .manifest(let path, let line, let column): "\(path):\(line):\(column)"
        case .runner(let command): "runner '\(command.joined(separator: " "))'"
        }
    }
}

/// How a suite's checks run on facts, for preflight.
public struct SuiteEvaluator: Sendable {
    /// Evaluates the suite on the bytes of a facts file (named `factsName` in messages).
    public let evaluate: @Sendable (_ facts: [UInt8], _ factsName: String) throws(StepDocFailure) -> [CheckResult]

    public init(
        _ evaluate: @escaping @Sendable (_ facts: [UInt8], _ factsName: String) throws(StepDocFailure) -> [CheckResult]
    ) {
        self.evaluate = evaluate
    }

    /// A suite compiled into this process, reading its facts with `Facts(json:)`.
    public static func inProcess<Facts: CheckFacts>(_ suite: CheckSuite<Facts>) -> SuiteEvaluator {
        SuiteEvaluator { bytes, name throws(StepDocFailure) in
            do throws(FactsError) {
                return suite.evaluate(try Facts(json: bytes))
            } catch {
                throw .facts(path: name, line: error.line, column: error.column, message: error.message)
            }
        }
    }
}

/// A suite as parity and preflight see it: its definitions, where they come from, and how to run it.
public struct RegisteredSuite: Sendable {
    public var definition: SuiteDefinition
    public var origin: SuiteOrigin
    /// Nil for a suite from a manifest alone: a manifest describes checks, it cannot run them.
    public var evaluator: SuiteEvaluator?

    public init(definition: SuiteDefinition, origin: SuiteOrigin, evaluator: SuiteEvaluator?) {
        self.definition = definition
        self.origin = origin
        self.evaluator = evaluator
    }

    public var id: String { definition.id }
}

/// Every suite a project can bind procedures to: the built-in ones, and those of the manifests and runners
/// stepdoc.yml (or the command line) names.
public struct CheckSuiteRegistry: Sendable {
    public private(set) var suites: [RegisteredSuite]

    /// The built-in suites alone, with declarations relative to stepdoc's package root.
    public static let builtIn = CheckSuiteRegistry(
        suites: CheckSuites.all.map {
            RegisteredSuite(
                definition: $0.definition.relativeToPackageRoot(), origin: .builtIn, evaluator: .inProcess($0))
        })

    public init(suites: [RegisteredSuite]) {
        self.suites = suites
    }

    /// The suite with this id.
    public func suite(_ id: String) -> RegisteredSuite? {
        suites.first { $0.id == id }
    }

    /// The ids, in order.
    public var ids: [String] {
        suites.map(\.id)
    }
}
