import MigrationChecks
import StepDocChecks
import StepModel
import StepParity
import StepProject
import StepRender

/// `stepdoc preflight`: runs the checks of the procedures' suites on a deployment's facts, step by step,
/// with the documented steps as the remedy.
public struct PreflightAction: Sendable {
    public var inputs: ProjectInputs
    public var options: Options

    public struct Options: Sendable {
        /// The facts file, or `-` for standard input.
        public var facts: String
        public var format: Format = .text
        /// A report page to write as well.
        public var html: String? = nil
        /// Whether the page may replace a file stepdoc did not write (never an input of the run).
        public var force = false
        /// The suite to run instead of the one stepdoc.yml binds.
        public var suite: String? = nil
        public var templates: String? = nil
        public var template: String? = nil
        /// Whether the text report is coloured.
        public var useColor = false

        public init(facts: String) {
            self.facts = facts
        }
    }

    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public init(inputs: ProjectInputs, options: Options) {
        self.inputs = inputs
        self.options = options
    }

    public struct Result: Sendable {
        /// The report for standard output.
        public var output: String
        public var reports: [PreflightReport]
        public var failure: StepDocFailure?
        public var status: ExitStatus
    }

    /// Runs the checks; `standardInput` reads the facts when they come from `-`.
    public func run(standardInput: () throws(StepDocFailure) -> [UInt8]) -> Result {
        do throws(StepDocFailure) {
            return try preflight(standardInput: standardInput)
        } catch {
            return Result(output: "", reports: [], failure: error, status: .stopped)
        }
    }

    private func preflight(standardInput: () throws(StepDocFailure) -> [UInt8]) throws(StepDocFailure) -> Result {
        let factsPath = options.facts
        let factsName = factsPath == "-" ? "<stdin>" : factsPath
        let bytes =
            factsPath == "-" ? try standardInput() : try SourceReader(directory: inputs.directory).readBytes(factsPath)
        // Facts that are not JSON at all are an error before anything else; what each suite's facts must
        // hold, its own reader says (in this process or in its runner).
        do {
            _ = try JSONDocument(parsing: bytes, options: JSONReadingOptions(rejectsDuplicateKeys: true))
        } catch {
            let explained = FactsError(error).explained(by: bytes)
            throw .facts(path: factsName, line: explained.line, column: explained.column, message: explained.message)
        }
        let project = try Project.load(inputs)
        let config = project.config
        let targets = try procedures(project)
        if options.format == .json && targets.count > 1 {
            throw .usage(
                "--format json reports one procedure; name it: "
                    + targets.map { "stepdoc preflight --facts \(factsPath) --format json \($0.entry.path)" }
                    .joined(separator: ", or "))
        }
        let renderOptions = RenderOptions(
            extraTags: Set(config.tags), textWidth: max(20, config.textWidth - PreflightTextReporter.bodyIndent)
        )
        .withTextLinks(config.textLinks).withRawHTML(config.rawHTML)
        var runs: [(report: PreflightReport, procedure: Procedure, title: String)] = []
        for target in targets {
            let pipeline = Pipeline(
                config: config, sourceRoot: config.sourceRoot ?? target.sourceRoot, directory: inputs.directory)
            let source = try pipeline.process(target.entry).get()
            guard let evaluator = target.suite.evaluator else {
                throw .usage(
                    "suite '\(target.suite.id)' comes from the check manifest \(target.suite.origin), which describes "
                        + "checks but cannot run them: add the package's runner to check-runners in \(project.configPath)")
            }
            let results = try evaluator.evaluate(bytes, factsName)
            let report = PreflightReport(
                procedure: source.procedure, suite: target.suite.definition, results: results, factsFile: factsName,
                options: renderOptions)
            runs.append((report, source.procedure, ProcedureTitle.title(for: target.entry, config: config)))
        }
        let output: String
        switch options.format {
        case .text:
            let reporter = PreflightTextReporter(useColor: options.useColor)
            output = runs.map { reporter.render($0.report) }.joined(separator: "\n")
        case .json:
            output = runs.map { $0.report.json() }.joined()
        }
        if let html = options.html {
            let folder = options.templates ?? config.templates
            let name = options.template ?? config.template
            let read =
                [factsPath, project.configPath, folder + "/" + name]
                + targets.map(\.entry.path) + runs.flatMap(\.procedure.includedFiles)
            try OutputProtection(inputs: read, force: options.force, in: inputs.directory).check(
                html, in: inputs.directory)
            let templateSet = try TemplateLoader.load(
                directory: folder, name: name, folderRequired: options.templates != nil, in: inputs.directory)
            guard templateSet.hasTemplate("preflight") else {
                throw .templates("\(folder)/\(name)/preflight.mustache: missing template")
            }
            let context = PreflightPageContext(
                runs: runs, facts: factsName, renderer: HTMLRenderer(templates: templateSet, options: renderOptions))
            try AtomicWriter.write(
                (templateSet.render(context, template: "preflight") ?? "").utf8, to: html, in: inputs.directory)
        }
        let reports = runs.map(\.report)
        return Result(
            output: output, reports: reports, failure: nil,
            status: reports.allSatisfy(\.passed) ? .clean : .findings)
    }

    private struct Target {
        var entry: SourceEntry
        var suite: RegisteredSuite
        var sourceRoot: String
    }

    /// The procedures to check, each with its suite: those named on the command line, or every
    /// procedure stepdoc.yml binds to a suite.
    private func procedures(_ project: Project) throws(StepDocFailure) -> [Target] {
        let config = project.config
        let configFile = project.configPath
        let registry = try project.checkSuites()
        let bindings = try ProcedureBindings(config: config, configPath: configFile, registry: registry)
        var chosen: RegisteredSuite? = nil
        if let suite = options.suite {
            guard let found = registry.suite(suite) else {
                let known = registry.ids
                throw .usage(
                    "unknown check suite '\(suite)'" + DidYouMean.phrase(for: suite, among: known)
                        + " (known suites: \(known.joined(separator: ", ")))")
            }
            chosen = found
        }
        if inputs.paths.isEmpty {
            let discovery = try project.discover()
            let targets = discovery.entries.compactMap { entry in
                (chosen ?? bindings.suite(for: entry)).map {
                    Target(entry: entry, suite: $0, sourceRoot: config.content.first ?? entry.root)
                }
            }
            guard !targets.isEmpty else {
                throw .usage(
                    "no procedure in \(configFile) is bound to a check suite (procedures: NAME: checks: SUITE); "
                        + "name one: stepdoc preflight --facts FILE --suite SUITE PATH")
            }
            return targets
        }
        let discovery = try project.discover()
        return try discovery.entries.map { entry throws(StepDocFailure) in
            guard let suite = chosen ?? bindings.suite(for: entry) else {
                throw .usage(
                    "\(entry.path) is not bound to a check suite in \(configFile) "
                        + "(procedures: \(entry.name): checks: SUITE); or pass --suite SUITE")
            }
            return Target(entry: entry, suite: suite, sourceRoot: entry.root)
        }
    }

    /// The mongosh script that collects the facts, with the instructions that go with it.
    ///
    /// Without `user`, the script takes the migration user from `connectionStatus`: the user the shell
    /// is authenticated as. `database` is the user's authentication database (default `admin`).
    public static func collectorScript(user: String?, database: String? = nil) -> String {
        let script = user.map { FactsCollector.mongoshScript(user: $0, database: database ?? "admin") }
            ?? FactsCollector.mongoshScript
        let who =
            user.map { "the migration user \($0)" + (database.map { " (defined on \($0))" } ?? "") }
            ?? "the migration user (the script checks the user it runs as)"
        return
            "// stepdoc preflight: collects the facts the migration prerequisite checks read, as one JSON document.\n"
            + "// 1. Save it as collect-facts.js.\n"
            + "// 2. Run it against the source deployment, authenticated as \(who):\n"
            + "//      \(FactsCollector.usage)\n"
            + "// 3. Check the facts: stepdoc preflight --facts facts.json\n"
            + "// It only reads: hello (or isMaster), buildInfo, getCmdLineOpts, connectionStatus, usersInfo.\n\n"
            + script
    }
}
