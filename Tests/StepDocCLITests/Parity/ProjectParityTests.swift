import Foundation
import StepDocCLI
import StepDocTestSupport
import StepProject
import StepReports
import StepSyntax
import Testing

/// Parity in the pipeline (so in check, build and preview): bindings from stepdoc.yml, rule severities,
/// ignore comments.
@Suite struct ProjectParityTests {
    /// A project in a temporary folder with `content/atlas-live-migration-prerequisites.rst` and `stepdoc.yml`.
    private struct Project {
        let folder: URL

        init(content: String, config: String) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "stepdoc-parity-\(UUID().uuidString)")
            let contentFolder = folder.appendingPathComponent("content")
            try FileManager.default.createDirectory(at: contentFolder, withIntermediateDirectories: true)
            try content.write(
                to: contentFolder.appendingPathComponent("atlas-live-migration-prerequisites.rst"), atomically: true,
                encoding: .utf8)
            try config.write(to: configURL, atomically: true, encoding: .utf8)
        }

        var configURL: URL { folder.appendingPathComponent("stepdoc.yml") }

        /// `stepdoc check` as a library call: read, then parity.
        func check() throws -> ProjectBuild {
            var config = try ConfigLoader.load(path: configURL.path, required: true)
            config.content = [folder.appendingPathComponent("content").path]
            let discovery = try ContentDiscovery.discover(config.content)
            let settings = ProjectBuild.Settings(
                config: config, paths: config.content, sourceRoot: config.content[0], targets: [], templates: nil,
                outputFolder: folder.appendingPathComponent("output").path,
                parity: try ProjectParity(
                    config: config, configPath: configURL.path, workingDirectory: Fixtures.projectRoot().path))
            return ProjectBuild.read(settings, discovery: discovery)
        }

        func remove() {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    private static let binding = """
        procedures:
          atlas-live-migration-prerequisites:
            checks: atlas-live-migration-prerequisites

        """

    private func seed() throws -> String {
        try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
    }

    @Test func addsParityFindingsForBoundProceduresWithTheDeclarationRelativeToTheWorkingDirectory() throws {
        let project = try Project(
            content: seed().replacingOccurrences(of: "running MongoDB 2.6+", with: "running MongoDB 3.0+"),
            config: Self.binding)
        defer { project.remove() }
        let build = try project.check()
        #expect(build.report.diagnostics.map(\.id) == ["parity.value-mismatch"])
        #expect(build.sources.first?.diagnostics.map(\.id) == ["parity.value-mismatch"])
        #expect(build.report.errorCount == 1)
        let note = try #require(build.report.diagnostics.first?.notes.first?.location)
        #expect(note.file == "Sources/MigrationChecks/Suites/AtlasLiveMigrationPrerequisites.swift")
    }

    @Test func leavesProceduresWithoutABindingAlone() throws {
        let project = try Project(
            content: seed().replacingOccurrences(of: "running MongoDB 2.6+", with: "running MongoDB 3.0+"),
            config: "content: [content]\n")
        defer { project.remove() }
        #expect(try project.check().report.diagnostics.isEmpty)
    }

    @Test func appliesTheRuleSeveritiesOfStepdocYml() throws {
        let project = try Project(
            content: seed().replacingOccurrences(of: "running MongoDB 2.6+", with: "running MongoDB 3.0+")
                .replacingOccurrences(of: " and :authrole:`backup` roles.", with: " role."),
            config: Self.binding + "rules:\n  parity.value-mismatch: warning\n")
        defer { project.remove() }
        let report = try project.check().report
        #expect(report.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(report.errorCount == 0)

        let silenced = try Project(
            content: seed().replacingOccurrences(of: "running MongoDB 2.6+", with: "running MongoDB 3.0+"),
            config: Self.binding + "rules:\n  parity.value-mismatch: off\n")
        defer { silenced.remove() }
        #expect(try silenced.check().report.diagnostics.isEmpty)
    }

    @Test func honoursIgnoreCommentsOnTheLineAbove() throws {
        let title = "   Your current MongoDB database is running MongoDB 3.0+\n"
        let project = try Project(
            content: seed().replacingOccurrences(of: "running MongoDB 2.6+", with: "running MongoDB 3.0+")
                .replacingFirst(title, with: "   .. stepdoc: ignore[parity.value-mismatch]\n\n" + title),
            config: Self.binding)
        defer { project.remove() }
        let ids = try project.check().report.diagnostics.map(\.id)
        #expect(!ids.contains("parity.value-mismatch"), "\(ids)")
    }

    @Test func reportsABindingToAnUnknownSuiteAtItsChecksKeyWithASuggestion() throws {
        let marked = MarkedSource(
            """
            procedures:
              atlas-live-migration-prerequisites:
                title: Prerequisites
                checks: 1️⃣atlas-live-migration-prerequisite

            """)
        let project = try Project(content: seed(), config: marked.text)
        defer { project.remove() }
        #expect {
            try project.check()
        } throws: { error in
            guard case .configuration(let path, let line, let column, let message)? = error as? StepDocFailure else {
                return false
            }
            return path == project.configURL.path && line == marked["1️⃣"].line && column == marked["1️⃣"].column
                && message
                    == "procedure 'atlas-live-migration-prerequisites' is bound to unknown check suite "
                    + "'atlas-live-migration-prerequisite'; did you mean 'atlas-live-migration-prerequisites'? "
                    + "(known suites: atlas-live-migration-prerequisites)"
        }
    }

    @Test func checksTheShippedProjectCleanThroughTheExecutable() throws {
        let result = try StepDocProcess.run(["check"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput == "no problems in 1 file\n")
    }

    @Test func exitsWith2ForAnUnknownSuiteThroughTheExecutable() throws {
        let project = try Project(
            content: seed(),
            config: Self.binding.replacingOccurrences(
                of: "checks: atlas-live-migration-prerequisites", with: "checks: atlas-live-prereqs"))
        defer { project.remove() }
        let result = try StepDocProcess.run(["check"], in: project.folder)
        #expect(result.status == 2)
        #expect(
            result.standardError.hasPrefix(
                "stepdoc.yml:3:13: error: procedure 'atlas-live-migration-prerequisites' is bound to unknown check suite 'atlas-live-prereqs'"
            ), "\(result.standardError)")
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
