import Foundation
import StepModel
import StepParity
import StepSyntax

/// Docs/code parity for `stepdoc check`: each source whose procedure `stepdoc.yml` binds to a check
/// suite is checked against it, and the findings join the build's, after the same ignore comments and
/// `rules:` severities as every other finding.
public enum ProjectParity {
    /// Adds the parity findings of every bound source to `build`.
    ///
    /// Throws a configuration failure when `stepdoc.yml` binds a procedure to an unknown suite.
    public static func check(
        _ build: inout ProjectBuild, settings: ProjectBuild.Settings, configPath: String,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(StepDocFailure) {
        let bindings = try ProcedureBindings(config: settings.config, configPath: configPath)
        guard !bindings.suites.isEmpty else { return }
        let pipeline = Pipeline(config: settings.config, sourceRoot: settings.sourceRoot)
        let options = ParityOptions(workingDirectory: workingDirectory)
        var found: [Diagnostic] = []
        for index in build.sources.indices {
            let source = build.sources[index]
            guard let suite = bindings.suite(for: source.entry) else { continue }
            let diagnostics = pipeline.applySettings(
                ParityRules.check(source.procedure, in: source.file, against: suite, options: options),
                suppressions: source.suppressions)
            build.sources[index].diagnostics += diagnostics
            found += diagnostics
        }
        build.report.diagnostics += found
    }
}
