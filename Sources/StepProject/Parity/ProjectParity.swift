import Foundation
import StepModel
import StepParity
import StepSyntax

/// Docs/code parity for a project: each source whose procedure `stepdoc.yml` binds to a check suite is
/// checked against it by the ``Pipeline``, so `check`, `build` and `preview` all report the findings,
/// after the same ignore comments and `rules:` severities as every other finding.
public struct ProjectParity: Sendable {
    public let bindings: ProcedureBindings
    public let options: ParityOptions

    /// The bindings of `config`, read from `configPath`; declarations print relative to
    /// `workingDirectory`. Throws a configuration failure for a binding to an unknown suite.
    public init(
        config: StepDocConfig, configPath: String, registry: CheckSuiteRegistry = .builtIn,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(StepDocFailure) {
        bindings = try ProcedureBindings(config: config, configPath: configPath, registry: registry)
        options = ParityOptions(workingDirectory: workingDirectory)
    }

    /// The parity findings of one source, or none when its procedure is not bound.
    public func diagnostics(for entry: SourceEntry, procedure: Procedure, file: SourceFile) -> [Diagnostic] {
        guard let suite = bindings.suite(for: entry) else { return [] }
        return ParityRules.check(procedure, in: file, against: suite.definition, options: options)
    }
}
