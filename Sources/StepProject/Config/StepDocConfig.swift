import StepModel
import StepRender
import StepSyntax

/// The project settings of `stepdoc.yml`. Every key is optional; command-line options win.
public struct StepDocConfig: Sendable, Equatable {
    /// Files or folders holding the step sources.
    public var content: [String] = ["content"]
    /// The folder `.. include:: /includes/x.rst` is relative to (default: the first content folder).
    public var sourceRoot: String? = nil
    public var templates: String = "templates"
    public var template: String = "default"
    public var output: String = "output"
    public var formats: [String] = ["html", "text"]
    public var tags: [String] = []
    public var textWidth: Int = 72
    /// How plain text shows where links go.
    public var textLinks: TextLinkStyle = .references
    /// `raw-html`: whether HTML the sources write themselves (and script URLs) is left out or passed.
    public var rawHTML: RawHTMLPolicy = .omit
    /// Per procedure (by path relative to its content folder, with or without `.rst`).
    public var procedures: [String: ProcedureSettings] = [:]
    /// Check manifests whose suites procedures can be bound to, beside the built-in ones (`check-manifests`).
    public var checkManifests: [String] = []
    /// Where each of ``checkManifests`` is written in stepdoc.yml.
    public var checkManifestLocations: [SourceLocation] = []
    /// Runner commands (`[CMD, ARGS…]`) that print their package's manifest and evaluate its checks
    /// (`check-runners`).
    public var checkRunners: [[String]] = []
    /// Where each of ``checkRunners`` is written in stepdoc.yml.
    public var checkRunnerLocations: [SourceLocation] = []
    /// How long a runner may take to answer, in seconds (`check-runner-timeout`).
    public var checkRunnerTimeout: Int = 60
    public var roles: [RoleDefinition] = []
    public var substitutions: [String: String] = [:]
    /// Severity per rule id: `error`, `warning` or `off`.
    public var rules: [RuleID: RuleSetting] = [:]
    public var limits = Limits()

    public init() {}

    public struct ProcedureSettings: Sendable, Equatable {
        public var title: String? = nil
        /// The check suite bound to the procedure (`atlas-live-migration-prerequisites`).
        public var checks: String? = nil
        /// Where `checks` is written in stepdoc.yml, for diagnostics about the binding.
        public var checksLocation: SourceLocation? = nil

        public init(title: String? = nil, checks: String? = nil) {
            self.title = title
            self.checks = checks
        }
    }

    public enum RuleSetting: String, Sendable, Equatable {
        case error, warning, off
    }

    public struct Limits: Sendable, Equatable {
        public var maxFileSize = 64 * 1024 * 1024
        public var maxNestingDepth = 64
        public var maxIncludeDepth = 10
        /// Included text one top-level file may read in all, each include counted every time.
        public var maxIncludedBytes = LoweringOptions.defaultMaximumIncludedBytes

        public init() {}
    }

    /// The settings of a procedure, looked up by its name (path relative to the content folder).
    public func settings(forProcedure name: String) -> ProcedureSettings? {
        procedures[name] ?? procedures[name + ".rst"]
    }
}
