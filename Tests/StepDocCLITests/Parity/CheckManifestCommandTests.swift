import Foundation
import MigrationChecks
import StepDocTestSupport
import Testing

/// `check` and `preflight` with suites from a check manifest and from a runner: the same procedure, the
/// same findings and outcomes as the built-in suite, and clear errors (exit 2) for bad manifests and runners.
@Suite struct CheckManifestCommandTests {
    static let suiteID = "team-prerequisites"

    /// A project with the seed procedure bound to `team-prerequisites`, and `extra` added to stepdoc.yml.
    private func project(extra: String = "", seed: String? = nil) throws -> StepDocProcess {
        let project = try StepDocProcess()
        try project.write(Array((try seed ?? String(contentsOf: Fixtures.seedFile(), encoding: .utf8)).utf8), to: "content/prerequisites.rst")
        try project.write(
            Array("procedures:\n  prerequisites:\n    checks: \(Self.suiteID)\n\(extra)".utf8), to: "stepdoc.yml")
        return project
    }

    private func manifest(minimumVersion: EnforcedValue = .minimumVersion("2.6")) -> [UInt8] {
        Array(
            CheckManifest([AtlasLiveMigrationPrerequisites.suite(id: Self.suiteID, minimumVersion: minimumVersion)])
                .json().utf8)
    }

    @Test func checksCleanWithTheSuiteFromAManifest() throws {
        let project = try project()
        defer { project.remove() }
        try project.write(manifest(), to: "checks.json")
        let run = try project.run(["check", "--check-manifest", "checks.json"])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
        // Without the manifest the binding names an unknown suite: a configuration error, not a pass.
        let without = try project.run(["check"])
        #expect(without.status == 2, "\(without.standardError)")
    }

    @Test func reportsAValueMismatchWithTheNoteAtTheManifestsDeclaration() throws {
        let seed = try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
            .replacingOccurrences(of: "running MongoDB 2.6+", with: "running MongoDB 3.0+")
        let project = try project(extra: "check-manifests: [checks.json]\n", seed: seed)
        defer { project.remove() }
        try project.write(manifest(), to: "checks.json")
        let run = try project.run(["check"])
        #expect(run.status == 1, "\(run.standardOutput)\(run.standardError)")
        #expect(
            run.standardOutput.contains(
                "step 2 documents minimum version 3.0 but check 'server-version' enforces 2.6 [parity.value-mismatch]"),
            "\(run.standardOutput)")
        // The note is at the enforced value's own literal: here the `.minimumVersion("2.6")` of manifest().
        #expect(
            run.standardOutput.contains(
                "Tests/StepDocCLITests/Parity/CheckManifestCommandTests.swift:20:75: note: check 'server-version' "
                    + "enforces minimum version 2.6 here"), "\(run.standardOutput)")
    }

    @Test func reportsABadManifestAtItsPlaceWithExit2() throws {
        let project = try project(extra: "check-manifests: [checks.json]\n")
        defer { project.remove() }
        try project.write(Array(#"{"stepdocChecks": 1, "suites": [{"id": "x", "titel": "X", "checks": []}]}"#.utf8), to: "checks.json")
        let run = try project.run(["check"])
        #expect(run.status == 2)
        #expect(
            run.standardError.contains(
                #"checks.json:1:45: error: unknown key "titel" in a suite (did you mean "title"?); expected id, title, checks [checks.manifest]"#),
            "\(run.standardError)")
    }

    @Test func reportsAMissingManifestAtItsConfigurationEntry() throws {
        let project = try project(extra: "check-manifests:\n  - nope.json\n")
        defer { project.remove() }
        let run = try project.run(["check"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("stepdoc.yml:5:5: error: check manifest 'nope.json' does not exist"), "\(run.standardError)")
    }

    @Test func reportsASuiteDefinedTwiceNamingBothPlaces() throws {
        let project = try project(extra: "check-manifests: [a.json, b.json]\n")
        defer { project.remove() }
        try project.write(manifest(), to: "a.json")
        try project.write(manifest(), to: "b.json")
        let run = try project.run(["check"])
        #expect(run.status == 2)
        #expect(
            run.standardError.contains(
                "b.json:5:13: error: suite id 'team-prerequisites' is defined twice: by a.json:5:13 and by b.json:5:13"),
            "\(run.standardError)")
        try project.write(
            Array(CheckManifest([AtlasLiveMigrationPrerequisites.suite()]).json().utf8), to: "a.json")
        let builtIn = try project.run(["check", "--config", "stepdoc.yml"])
        #expect(builtIn.standardError.contains("is defined twice: by built into stepdoc (MigrationChecks) and by a.json"), "\(builtIn.standardError)")
    }

    // MARK: - Runners

    /// The real MigrationChecks runner, behind a two-line adaptor that renames its suite (the built-in
    /// suite already has its id).
    private func migrationRunner(in project: StepDocProcess) throws -> String {
        let binary = try StepDocProcess.executable().deletingLastPathComponent().appendingPathComponent("stepdoc-migration-checks").path
        let script = """
            #!/bin/sh
            if [ "$1" = manifest ]; then "\(binary)" manifest | sed 's/"atlas-live-migration-prerequisites"/"\(Self.suiteID)"/'; exit $?; fi
            "\(binary)" evaluate --suite atlas-live-migration-prerequisites --facts "$5" | sed 's/"atlas-live-migration-prerequisites"/"\(Self.suiteID)"/'
            """
        try project.write(Array(script.utf8), to: "runner.sh")
        chmod(project.directory.appendingPathComponent("runner.sh").path, 0o755)
        return "./runner.sh"
    }

    @Test func checksAndPreflightsThroughARunnerAsTheBuiltInSuiteDoes() throws {
        let project = try project()
        defer { project.remove() }
        let runner = try migrationRunner(in: project)
        try project.write(
            Array("procedures:\n  prerequisites:\n    checks: \(Self.suiteID)\ncheck-runners:\n  - [\(runner)]\n".utf8),
            to: "stepdoc.yml")
        let check = try project.run(["check"])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(FileManager.default.fileExists(atPath: project.directory.appendingPathComponent(".stepdoc-cache/runners").path))

        for fixture in ["replica-set-4.0-root", "standalone-2.4", "shard-member-4.0"] {
            try project.write(Array(try FactsFixture(fixture).data()), to: "facts.json")
            let throughRunner = try project.run(["preflight", "--facts", "facts.json"])
            let builtIn = try project.run([
                "preflight", "--facts", "facts.json", "--suite", "atlas-live-migration-prerequisites",
                "content/prerequisites.rst",
            ])
            #expect(throughRunner.status == builtIn.status, "\(fixture): \(throughRunner.standardError)")
            #expect(
                throughRunner.standardOutput
                    == builtIn.standardOutput.replacingOccurrences(
                        of: "(suite atlas-live-migration-prerequisites)", with: "(suite \(Self.suiteID))"),
                "\(fixture)")
        }
        try project.write(Array("{\"hello\": {\"ok\": 1}, \"hello\": {}}".utf8), to: "facts.json")
        let duplicate = try project.run(["preflight", "--facts", "facts.json"])
        #expect(duplicate.status == 2)
    }

    @Test(arguments: [
        ("#!/bin/sh\nkill -SEGV $$\n", "'manifest' crashed (signal 11)"),
        ("#!/bin/sh\necho '{\"stepdocChecks\": 1,'\n", "its manifest is not a check manifest: 2:1: unexpected end of input"),
        ("#!/bin/sh\necho 'boom' >&2\nexit 3\n", "'manifest' exited with status 3: boom"),
        ("#!/bin/sh\nsleep 20\n", "'manifest' did not finish within 1 s (check-runner-timeout)"),
    ])
    func reportsABadRunnerWithExit2(script: String, message: String) throws {
        let project = try project(extra: "check-runners:\n  - [./runner.sh]\ncheck-runner-timeout: 1\n")
        defer { project.remove() }
        try project.write(Array(script.utf8), to: "runner.sh")
        chmod(project.directory.appendingPathComponent("runner.sh").path, 0o755)
        let run = try project.run(["check"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("check runner './runner.sh': \(message)"), "\(run.standardError)")
        #expect(run.standardError.contains("[checks.runner]"), "\(run.standardError)")
    }

    @Test func reportsARunnerThatDoesNotExist() throws {
        let project = try project(extra: "check-runners:\n  - [./missing-runner]\n")
        defer { project.remove() }
        let run = try project.run(["check"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("check runner './missing-runner': cannot start it"), "\(run.standardError)")
    }

    @Test func refusesPreflightOfASuiteFromAManifestAlone() throws {
        let project = try project(extra: "check-manifests: [checks.json]\n")
        defer { project.remove() }
        try project.write(manifest(), to: "checks.json")
        try project.write(Array(try FactsFixture("replica-set-4.0-root").data()), to: "facts.json")
        let run = try project.run(["preflight", "--facts", "facts.json"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("describes checks but cannot run them"), "\(run.standardError)")
    }
}
