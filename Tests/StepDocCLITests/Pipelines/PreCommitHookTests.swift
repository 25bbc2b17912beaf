import Foundation
import StepDocTestSupport
import Testing
import Yams

/// `.pre-commit-hooks.yaml`: the two hooks as pre-commit reads them, their entries run for real on the
/// staged files of a git repository, and pre-commit itself when `make test` could install it.
@Suite(.serialized) struct PreCommitHookTests {
    struct Hook {
        var id: String
        var entry: String
        var language: String
        var typesOr: [String]
        var files: String
        var fields: [String: Any]
    }

    static var manifestURL: URL { Fixtures.projectRoot().appendingPathComponent(".pre-commit-hooks.yaml") }

    static func hooks() throws -> [Hook] {
        let list = try #require(
            try Yams.load(yaml: String(contentsOf: manifestURL, encoding: .utf8)) as? [[String: Any]])
        return list.map {
            Hook(
                id: $0["id"] as? String ?? "", entry: $0["entry"] as? String ?? "",
                language: $0["language"] as? String ?? "", typesOr: $0["types_or"] as? [String] ?? [],
                files: $0["files"] as? String ?? "", fields: $0)
        }
    }

    /// pre-commit's selection: a file is passed when its type is one of `types_or` and `files` matches.
    static func selects(_ hook: Hook, _ path: String) throws -> Bool {
        let types: Set<String> =
            path.hasSuffix(".rst")
            ? ["rst", "text"] : path.hasSuffix(".yaml") || path.hasSuffix(".yml") ? ["yaml"] : []
        guard hook.typesOr.contains(where: types.contains) else { return false }
        let pattern = try NSRegularExpression(pattern: hook.files)
        return pattern.firstMatch(in: path, range: NSRange(path.startIndex..., in: path)) != nil
    }

    /// A repository with staged step files, giza YAML, and YAML that is not steps.
    func stagedRepository(bad: Bool = true) throws -> PipelineProject {
        let project = try PipelineProject()
        try project.write(try PipelineProject.good, to: "source/includes/steps/good.rst")
        if bad { try project.write(try PipelineProject.withError, to: "source/includes/steps/bad.rst") }
        try project.write(
            String(
                contentsOf: Fixtures.projectRoot().appendingPathComponent(
                    "Tests/StepModelTests/Fixtures/conversions/steps-atlas-live-migration-prerequisites.yaml"),
                encoding: .utf8), to: "source/includes/steps-install.yaml")
        try project.write("on: push\njobs: {}\n", to: ".github/workflows/docs.yml")
        try project.write("notes\n", to: "notes.txt")
        try project.git("init", "-q", "-b", "main")
        try project.git("add", "-A")
        return project
    }

    @Test func declaresACheckAndAFormatHookOnRstAndYaml() throws {
        let hooks = try Self.hooks()
        #expect(hooks.map(\.id) == ["stepdoc-check", "stepdoc-fmt"])
        #expect(hooks.map(\.entry) == ["stepdoc check", "stepdoc fmt --check"])
        for hook in hooks {
            #expect(hook.language == "swift", "pre-commit builds the package with swift build -c release")
            #expect(hook.typesOr == ["rst", "yaml"])
            #expect(hook.fields["name"] is String && hook.fields["description"] is String)
        }
        // pre-commit's swift language builds the root package, whose product must be `stepdoc`.
        let manifest = try String(
            contentsOf: Fixtures.projectRoot().appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(#".executable(name: "stepdoc""#))
    }

    @Test func entriesRunOnTheStagedFilesTheHooksSelect() throws {
        let project = try stagedRepository()
        defer { project.remove() }
        let staged = try project.git("diff", "--cached", "--name-only").split(separator: "\n").map(String.init)
        let binary = try StepDocProcess.executable()
        for hook in try Self.hooks() {
            let files = try staged.filter { try Self.selects(hook, $0) }
            #expect(
                files == [
                    "source/includes/steps-install.yaml", "source/includes/steps/bad.rst",
                    "source/includes/steps/good.rst",
                ], "\(hook.id) selects \(files)")
            var arguments = hook.entry.split(separator: " ").map(String.init)
            #expect(arguments.first == "stepdoc")
            arguments[0] = binary.path
            let (status, output) = try CompositeActionRunner.execute(
                arguments + files, in: project.directory, environment: ["NO_COLOR": "1"])
            switch hook.id {
            case "stepdoc-check":
                #expect(status == 1, "\(output)")
                #expect(output.contains("source/includes/steps/bad.rst:43:23: error:"), "\(output)")
                #expect(output.contains("1 error in 3 files"), "\(output)")
            default:
                // fmt would write the other branch from the HTML one in the file whose branches differ.
                #expect(status == 1, "\(output)")
                #expect(output.contains("+++ b/source/includes/steps/bad.rst"), "\(output)")
                #expect(!output.contains("good.rst") && !output.contains("steps-install.yaml"), "\(output)")
            }
        }
        // An underline made too short is what the format hook reports, with the diff.
        var lines = try PipelineProject.good.split(separator: "\n", omittingEmptySubsequences: false)
        lines[23] = "   ``````````"
        try project.write(lines.joined(separator: "\n"), to: "source/includes/steps/good.rst")
        let (status, output) = try CompositeActionRunner.execute(
            [binary.path, "fmt", "--check", "source/includes/steps/good.rst"], in: project.directory,
            environment: ["NO_COLOR": "1"])
        #expect(status == 1)
        #expect(output.contains("+++ b/source/includes/steps/good.rst"), "\(output)")
    }

    static let preCommit = Fixtures.projectRoot().appendingPathComponent(".build/pre-commit-venv/bin/pre-commit")

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: preCommit.path),
            "needs pre-commit in .build/pre-commit-venv (make test installs it with pip)"))
    func preCommitAcceptsTheManifestAndRunsTheHooks() throws {
        let project = try stagedRepository()
        defer { project.remove() }
        let environment = ProcessInfo.processInfo.environment.merging([
            "PRE_COMMIT_HOME": project.directory.appendingPathComponent(".pre-commit-home").path, "NO_COLOR": "1",
            "HOME": project.directory.path,
        ]) { _, new in new }
        let (valid, validation) = try CompositeActionRunner.execute(
            [Self.preCommit.path, "validate-manifest", Self.manifestURL.path], in: project.directory,
            environment: environment)
        #expect(valid == 0, "\(validation)")

        // The hooks as a local repository, with `language: system` and the built binary, so pre-commit's
        // own selection and invocation run without building stepdoc again in its cache.
        let binary = try StepDocProcess.executable()
        var hooks: [[String: Any]] = []
        for hook in try Self.hooks() {
            var fields = hook.fields
            fields["language"] = "system"
            fields["entry"] = binary.path + hook.entry.dropFirst("stepdoc".count)
            hooks.append(fields)
        }
        let config = try Yams.dump(object: ["repos": [["repo": "local", "hooks": hooks]]])
        try project.write(config, to: ".pre-commit-config.yaml")
        try project.git("add", ".pre-commit-config.yaml")
        let (failed, failure) = try CompositeActionRunner.execute(
            [Self.preCommit.path, "run", "--color", "never"], in: project.directory, environment: environment)
        #expect(failed == 1, "\(failure)")
        #expect(failure.contains("stepdoc check") && failure.contains("Failed"), "\(failure)")
        #expect(failure.contains("source/includes/steps/bad.rst:43:23: error:"), "\(failure)")
        #expect(!failure.contains("docs.yml"), "the workflow is not a step file: \(failure)")

        try project.git("rm", "-q", "--cached", "source/includes/steps/bad.rst")
        let (passed, success) = try CompositeActionRunner.execute(
            [Self.preCommit.path, "run", "--color", "never"], in: project.directory, environment: environment)
        #expect(passed == 0, "\(success)")
        #expect(success.contains("stepdoc check") && success.contains("Passed"), "\(success)")
        #expect(success.contains("stepdoc fmt") && success.contains("Passed"), "\(success)")
    }
}
