import ArgumentParser
import Foundation
import MigrationChecks
import StepModel
import StepPreflight
import StepProject
import StepRender
import StepReports
import StepSyntax

/// `stepdoc preflight`: run a procedure's checks on a deployment's facts, step by step, with the
/// documented steps as the remedy.
struct PreflightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Run the checks of a procedure on a deployment's facts; the documented steps are the remedy.",
        discussion: """
            First print the facts collector and run it against the source deployment as the migration user \
            (stepdoc preflight --print-collector > collect-facts.js), then check its output: \
            stepdoc preflight --facts facts.json. Each step prints ✔ (passed), ✘ (failed), ? (cannot tell: \
            a fact is missing) or – (no check implements it); a step that failed or cannot tell is followed \
            by the reason and the step's documented text. \
            Exit codes: 0 every check passed, 1 a check failed or cannot tell, 2 unreadable or malformed \
            facts, a usage error, or unreadable content.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The step files to check (default: the procedures stepdoc.yml binds to check suites).")
    var paths: [String] = []

    @Flag(name: .customLong("print-collector"), help: "Print the mongosh script that collects the facts.")
    var printCollector = false

    @Option(name: .customLong("user"), help: "With --print-collector: the migration user's name to put in the script.")
    var user: String?

    @Option(name: .customLong("facts"), help: "The facts JSON the collector printed, or - for standard input.")
    var facts: String?

    @Option(name: .customLong("format"), help: "text (default) or json.")
    var format: Format = .text

    @Option(name: .customLong("html"), help: "Also write a report page to this file.")
    var html: String?

    @Option(name: .customLong("suite"), help: "The check suite to run (default: the one stepdoc.yml binds).")
    var suite: String?

    @Option(name: .customLong("config"), help: "The configuration file (default: stepdoc.yml when present).")
    var configPath: String?

    @Option(
        name: [.customShort("t"), .customLong("tag")], help: "A tag for `.. only::` expressions, as sphinx-build -t.")
    var tags: [String] = []

    @Option(name: .customLong("templates"), help: "With --html: the templates folder (default: templates/).")
    var templates: String?

    @Option(name: .customLong("template"), help: "With --html: the template set (default, giza …).")
    var template: String?

    func run() throws {
        do {
            if printCollector {
                try printCollectorScript()
            } else {
                try preflight()
            }
        } catch let failure as StepDocFailure {
            throw fail(failure)
        }
    }

    // MARK: - The collector

    private func printCollectorScript() throws(StepDocFailure) {
        guard facts == nil, html == nil, paths.isEmpty else {
            throw .usage("--print-collector prints the collector script only; run it, then pass its output to --facts")
        }
        let script = user.map { FactsCollector.mongoshScript(user: $0) } ?? FactsCollector.mongoshScript
        let setUser =
            user == nil
            ? "// 1. Save it as collect-facts.js and put the migration user's name in migrationUser below\n"
                + "//    (or run: stepdoc preflight --print-collector --user NAME > collect-facts.js).\n"
            : "// 1. Save it as collect-facts.js.\n"
        print(
            "// stepdoc preflight: collects the facts the migration prerequisite checks read, as one JSON document.\n"
                + setUser
                + "// 2. Run it against the source deployment, authenticated as the migration user:\n"
                + "//      \(FactsCollector.usage)\n"
                + "// 3. Check the facts: stepdoc preflight --facts facts.json\n"
                + "// It only reads: hello (or isMaster), buildInfo, getCmdLineOpts, connectionStatus, usersInfo.\n\n"
                + script,
            terminator: "")
    }

    // MARK: - Preflight

    private func preflight() throws {
        guard let factsPath = facts else {
            throw StepDocFailure.usage(
                "preflight needs --facts FILE (or - for standard input); print the script that collects them "
                    + "with: stepdoc preflight --print-collector")
        }
        if user != nil {
            throw StepDocFailure.usage("--user goes with --print-collector")
        }
        let deploymentFacts = try readFacts(factsPath)
        var config = try ConfigLoader.load(path: configPath ?? ConfigLoader.defaultPath, required: configPath != nil)
        config.tags += tags
        let targets = try procedures(config)
        if format == .json && targets.count > 1 {
            throw StepDocFailure.usage(
                "--format json reports one procedure; name it: "
                    + targets.map { "stepdoc preflight --facts \(factsPath) --format json \($0.entry.path)" }
                    .joined(separator: ", or "))
        }
        let options = RenderOptions(
            extraTags: Set(config.tags), textWidth: max(20, config.textWidth - PreflightTextReporter.bodyIndent)
        )
        .withTextLinks(config.textLinks)
        let factsName = factsPath == "-" ? "<stdin>" : factsPath
        var runs: [(report: PreflightReport, procedure: Procedure, title: String)] = []
        for target in targets {
            let pipeline = Pipeline(config: config, sourceRoot: config.sourceRoot ?? target.sourceRoot)
            let source = try pipeline.process(target.entry).get()
            let report = PreflightReport(
                procedure: source.procedure, suite: target.suite, facts: deploymentFacts, factsFile: factsName,
                options: options)
            runs.append((report, source.procedure, ProcedureTitle.title(for: target.entry, config: config)))
        }

        switch format {
        case .text:
            let reporter = PreflightTextReporter(useColor: TextReporter.wantsColor(fileDescriptor: 1))
            print(runs.map { reporter.render($0.report) }.joined(separator: "\n"), terminator: "")
        case .json:
            print(runs.map { $0.report.json() }.joined(), terminator: "")
        }
        if let html {
            let templateSet = try TemplateLoader.load(
                directory: templates ?? config.templates, name: template ?? config.template)
            guard templateSet.hasTemplate("preflight") else {
                throw StepDocFailure.templates(
                    "\(templates ?? config.templates)/\(template ?? config.template)/preflight.mustache: missing template"
                )
            }
            let context = PreflightPageContext(
                runs: runs, facts: factsName, renderer: HTMLRenderer(templates: templateSet, options: options))
            try AtomicWriter.write((templateSet.render(context, template: "preflight") ?? "").utf8, to: html)
        }
        if !runs.allSatisfy({ $0.report.passed }) {
            throw ExitCode(1)
        }
    }

    /// Reads and parses the facts; a parse error carries the line and column where reading stopped.
    private func readFacts(_ path: String) throws(StepDocFailure) -> DeploymentFacts {
        let bytes: [UInt8]
        if path == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            // As source files are read: a folder, a read error or a named pipe nobody writes to stop here.
            bytes = try SourceReader().readBytes(path)
        }
        do {
            return try DeploymentFacts(json: bytes)
        } catch {
            throw .facts(
                path: path == "-" ? "<stdin>" : path, line: error.line, column: error.column, message: error.message)
        }
    }

    private struct Target {
        var entry: SourceEntry
        var suite: CheckSuite
        var sourceRoot: String
    }

    /// The procedures to check, each with its suite: those named on the command line, or every
    /// procedure stepdoc.yml binds to a suite.
    private func procedures(_ config: StepDocConfig) throws(StepDocFailure) -> [Target] {
        let configFile = configPath ?? ConfigLoader.defaultPath
        let bindings = try ProcedureBindings(config: config, configPath: configFile)
        var chosen: CheckSuite? = nil
        if let suite {
            guard let found = CheckSuites.named(suite) else {
                let known = CheckSuites.all.map(\.id)
                throw .usage(
                    "unknown check suite '\(suite)'" + DidYouMean.phrase(for: suite, among: known)
                        + " (known suites: \(known.joined(separator: ", ")))")
            }
            chosen = found
        }
        if paths.isEmpty {
            let discovery = try ContentDiscovery.discover(config.content)
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
        let discovery = try ContentDiscovery.discover(paths)
        return try discovery.entries.map { entry throws(StepDocFailure) in
            guard let suite = chosen ?? bindings.suite(for: entry) else {
                throw .usage(
                    "\(entry.path) is not bound to a check suite in \(configFile) "
                        + "(procedures: \(entry.name): checks: SUITE); or pass --suite SUITE")
            }
            return Target(entry: entry, suite: suite, sourceRoot: entry.root)
        }
    }
}
