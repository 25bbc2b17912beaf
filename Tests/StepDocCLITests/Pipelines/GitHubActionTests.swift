import Foundation
import StepDocTestSupport
import Testing

/// `action.yml`: its shape, the names its expressions use, and its steps run on this machine as a runner
/// runs them (actions/cache and upload-sarif stood in for, so no network).
@Suite(.serialized) struct GitHubActionTests {
    static var root: URL { Fixtures.projectRoot() }

    static func action() throws -> CompositeAction {
        try CompositeAction(yaml: String(contentsOf: root.appendingPathComponent("action.yml"), encoding: .utf8))
    }

    @Test func isACompositeActionWithTheInputsTheIssueNames() throws {
        let action = try Self.action()
        #expect(action.using == "composite")
        #expect(!action.name.isEmpty)
        for input in [
            "paths", "strict", "changed-since", "working-directory", "shard", "upload-sarif", "sarif-category",
        ] {
            let declared = try #require(action.inputs[input], "no input \(input)")
            #expect(!declared.description.isEmpty && !declared.required, "\(input)")
        }
        #expect(Set(action.outputs.keys) == ["sarif-file", "status", "version"])
        let uses = action.steps.compactMap(\.uses)
        #expect(uses == ["actions/cache@v4", "github/codeql-action/upload-sarif@v3"], "\(uses)")
        for step in action.steps {
            #expect(!step.name.isEmpty)
            #expect((step.run == nil) != (step.uses == nil), "\(step.name): run or uses, not both")
            if let run = step.run {
                #expect(step.shell == "bash", "\(step.name)")
                // Each run step is one script of Scripts/action/, so the local run below runs what GitHub runs.
                let script = try #require(
                    run.range(of: #"Scripts/action/[a-z-]+\.sh"#, options: .regularExpression).map { String(run[$0]) },
                    "\(step.name): \(run)")
                #expect(
                    FileManager.default.isExecutableFile(atPath: Self.root.appendingPathComponent(script).path),
                    "\(script) is missing or not executable")
            }
        }
    }

    @Test func everyExpressionNamesADeclaredInputOrAnEarlierStep() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("action.yml"), encoding: .utf8)
        let action = try Self.action()
        let ids = action.steps.compactMap(\.id)
        let expressions = CompositeAction.expressions(in: text)
        #expect(!expressions.isEmpty)
        for expression in expressions {
            for token in try ActionExpression.tokens(expression) {
                guard case .name(let name) = token, name.contains(".") else { continue }
                let parts = name.split(separator: ".").map(String.init)
                switch parts[0] {
                case "inputs": #expect(action.inputs[parts[1]] != nil, "undeclared input in ${{ \(expression) }}")
                case "steps": #expect(ids.contains(parts[1]), "no step '\(parts[1])' in ${{ \(expression) }}")
                case "github", "runner":
                    #expect(
                        ["github.action_path", "runner.temp"].contains(name), "unexpected context in \(expression)")
                default: Issue.record("unknown context in ${{ \(expression) }}")
                }
            }
        }
        // Outputs a step's condition or `with` reads are ones that step's script writes.
        for reference in ["steps.check.outputs.sarif-file", "steps.check.outputs.status"] {
            #expect(text.contains(reference))
        }
        let check = try String(
            contentsOf: Self.root.appendingPathComponent("Scripts/action/check.sh"), encoding: .utf8)
        #expect(check.contains("sarif-file=") && check.contains("status="))
    }

    /// A project as the action sees it: a repository with its docs in `docs/`.
    func repository(_ files: [String: String]) throws -> PipelineProject {
        let project = try PipelineProject()
        for (path, text) in files { try project.write(text, to: path) }
        try project.commitAll()
        return project
    }

    /// Runs the action's steps; `cached` puts a built stepdoc where actions/cache would restore one.
    func runAction(
        in project: PipelineProject, inputs: [String: String], cached: Bool,
        uploaded: @escaping ([String: String]) throws -> Void = { _ in }
    ) throws -> CompositeActionRunner.Run {
        let temp = project.directory.appendingPathComponent(".runner-temp")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        let binary = try StepDocProcess.executable()
        var runner = CompositeActionRunner(
            action: try Self.action(), actionPath: Self.root, workspace: project.directory, runnerTemp: temp)
        // A cache miss builds with `make install`; BINARY installs the test's build instead of making a
        // release build (which the install test and the fresh-clone check cover).
        // MANUAL_TOOL: the generate-manual that `make test` built, so make never starts a `swift build`
        // inside `swift test` (it would wait for the build folder's lock forever).
        runner.environment = [
            "BINARY": binary.path,
            "MANUAL_TOOL": binary.deletingLastPathComponent().appendingPathComponent("generate-manual").path,
        ]
        return try runner.run(inputs: inputs) { step, with in
            switch step.uses {
            case "actions/cache@v4":
                #expect(with["path"] == temp.path + "/stepdoc-home")
                #expect(with["key"]?.hasPrefix("stepdoc-Linux-") == true, "\(with)")
                guard cached else { return ["cache-hit": "false"] }
                let bin = temp.appendingPathComponent("stepdoc-home/bin")
                try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
                try? FileManager.default.removeItem(at: bin.appendingPathComponent("stepdoc"))
                try FileManager.default.copyItem(at: binary, to: bin.appendingPathComponent("stepdoc"))
                return ["cache-hit": "true"]
            case "github/codeql-action/upload-sarif@v3":
                try uploaded(with)
                return [:]
            default:
                throw CompositeAction.Malformed(description: "unexpected action \(step.uses ?? "")")
            }
        }
    }

    @Test func runsLocallyAnnotatesFindingsAndUploadsTheSARIFFromASubfolder() throws {
        let project = try repository([
            "docs/content/good.rst": try PipelineProject.good, "docs/content/bad.rst": try PipelineProject.withError,
        ])
        defer { project.remove() }
        var upload: [String: String]? = nil
        let run = try runAction(
            in: project, inputs: ["working-directory": "docs", "paths": "content"], cached: true
        ) { with in upload = with }
        #expect(run.failed, "findings fail the job: \(run.transcript)")
        #expect(run.step("Build stepdoc, unless the cache had it")?.log.contains("using the cached stepdoc") == true)
        let check = try #require(run.step("stepdoc check"))
        #expect(check.outcome == .failure)
        // Annotations name the file from the repository's root, where GitHub looks for it.
        #expect(check.log.contains("::error file=docs/content/bad.rst,line=43,"), "\(check.log)")
        #expect(run.outputs["status"] == "1", "\(run.outputs)")
        let sarifPath = try #require(run.outputs["sarif-file"], "\(run.transcript)")
        #expect(!sarifPath.isEmpty)
        // The upload ran although the check failed, with the file the check wrote.
        #expect(run.step("Upload SARIF to code scanning")?.outcome == .success, "\(run.transcript)")
        #expect(upload?["sarif_file"] == sarifPath)
        let sarif = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarifPath))) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let uris = results.compactMap {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                as? [String: Any]
        }.compactMap { $0["uri"] as? String }
        #expect(uris == ["docs/content/bad.rst"], "\(uris)")
    }

    @Test func buildsStepdocWhenTheCacheHasNoneAndPassesOnCleanDocs() throws {
        let project = try repository(["content/good.rst": try PipelineProject.good])
        defer { project.remove() }
        let run = try runAction(in: project, inputs: ["upload-sarif": "false"], cached: false)
        #expect(!run.failed, "\(run.transcript)")
        let build = try #require(run.step("Build stepdoc, unless the cache had it"))
        #expect(build.log.contains("building stepdoc (make install PREFIX="), "\(build.log)")
        let home = project.directory.appendingPathComponent(".runner-temp/stepdoc-home")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("share/man/man1/stepdoc.1").path))
        #expect(run.outputs["status"] == "0")
        #expect(run.outputs["version"]?.isEmpty == false)
        #expect(run.step("Upload SARIF to code scanning")?.outcome == .skipped, "upload-sarif: false")
        #expect(run.step("Install Swift's prerequisites and libcmark-gfm")?.log.contains("Swift: ") == true)
    }

    @Test func strictMakesWarningsFailAndABadValueIsAnError() throws {
        let project = try repository(["content/warn.rst": try PipelineProject.withWarning])
        defer { project.remove() }
        let lenient = try runAction(in: project, inputs: ["upload-sarif": "false"], cached: true)
        #expect(lenient.outputs["status"] == "0", "\(lenient.transcript)")
        #expect(lenient.step("stepdoc check")?.log.contains("::warning file=content/warn.rst") == true)
        let strict = try runAction(in: project, inputs: ["strict": "true", "upload-sarif": "false"], cached: true)
        #expect(strict.outputs["status"] == "1", "\(strict.transcript)")
        let wrong = try runAction(in: project, inputs: ["strict": "yes", "upload-sarif": "false"], cached: true)
        #expect(wrong.step("stepdoc check")?.outcome == .failure)
        #expect(wrong.step("stepdoc check")?.log.contains("input strict must be true or false, not 'yes'") == true)
    }

    @Test func theExpressionEvaluatorFollowsGitHubsRules() throws {
        let expression = ActionExpression(
            contexts: ["inputs.a": "true", "inputs.empty": "", "steps.x.outputs.y": "file"], jobFailed: true)
        #expect(try expression.condition("${{ always() && inputs.a == 'TRUE' }}"))
        #expect(try !expression.condition("inputs.a == 'true'"), "a failed job skips steps without a status check")
        #expect(try !expression.condition("always() && steps.x.outputs.y != 'file'"))
        #expect(try expression.evaluate("inputs.empty || 'fallback'") == .string("fallback"))
        #expect(throws: ActionExpression.Failure.self) { try expression.evaluate("inputs.nope") }
        #expect(throws: ActionExpression.Failure.self) { try expression.evaluate("hashFiles('x')") }
    }
}
