import Foundation
import StepDocTestSupport
import StepModel
import StepProject
import StepRender
import StepSyntax
import Testing

/// The seed written in all three formats, side by side in one project: discovered, checked, bound to
/// its check suite and rendered alike.
@Suite struct SourceFormatsProjectTests {
    /// A project with the giza seed, its YAML version and its `.. procedure::` version, each bound to
    /// the seed's check suite.
    private struct Project {
        let folder: URL
        var content: URL { folder.appendingPathComponent("content") }

        static let names = [
            "atlas-live-migration-prerequisites", "steps-atlas-live-migration-prerequisites",
            "atlas-live-migration-prerequisites-procedure",
        ]

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "stepdoc-formats-\(UUID().uuidString)")
            let content = folder.appendingPathComponent("content")
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
            let seed = try [UInt8](Data(contentsOf: Fixtures.seedFile()))
            let file = SourceFile(path: "seed.rst", bytes: seed)
            var diagnostics: [Diagnostic] = []
            let procedure = Procedure(parsing: file, diagnostics: &diagnostics)
            let text = try ProcedureText(giza: file, procedure: procedure, lowering: diagnostics)
            try Data(seed).write(to: content.appendingPathComponent(Self.names[0] + ".rst"))
            try Data(GizaYAMLWriter.bytes(text)).write(to: content.appendingPathComponent(Self.names[1] + ".yaml"))
            try Data(ProcedureDirectiveWriter.bytes(text)).write(
                to: content.appendingPathComponent(Self.names[2] + ".rst"))
            // YAML that is not a steps file is not content.
            try Data("key: value\n".utf8).write(to: content.appendingPathComponent("settings.yaml"))
            let bindings = Self.names.map { "  \($0):\n    checks: atlas-live-migration-prerequisites\n" }.joined()
            try ("procedures:\n" + bindings).write(to: configURL, atomically: true, encoding: .utf8)
        }

        var configURL: URL { folder.appendingPathComponent("stepdoc.yml") }

        func check() throws -> ProjectBuild {
            var config = try ConfigLoader.load(path: configURL.path, required: true)
            config.content = [content.path]
            let discovery = try ContentDiscovery.discover(config.content)
            let settings = ProjectBuild.Settings(
                config: config, paths: config.content, sourceRoot: content.path, targets: [], templates: nil,
                outputFolder: folder.appendingPathComponent("output").path,
                parity: try ProjectParity(
                    config: config, configPath: configURL.path, workingDirectory: Fixtures.projectRoot().path))
            return ProjectBuild.read(settings, discovery: discovery)
        }

        func remove() {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test func findsChecksAndBindsEveryFormatWithoutFindings() throws {
        let project = try Project()
        defer { project.remove() }
        let build = try project.check()
        #expect(build.failures.isEmpty)
        #expect(build.sources.map(\.entry.name).sorted() == Project.names.sorted())
        #expect(
            build.sources.map(\.procedure.format).sorted { $0.rawValue < $1.rawValue } == [
                .gizaRST, .procedureDirective, .gizaYAML,
            ])
        #expect(
            build.report.diagnostics.isEmpty,
            "\(build.report.diagnostics.map { "\($0.location?.file ?? ""): \($0.id) \($0.summary)" })")
    }

    @Test func rendersTheSameStepsInEveryFormat() throws {
        let project = try Project()
        defer { project.remove() }
        let build = try project.check()
        let templates = try TemplateLoader.load(
            directory: Fixtures.projectRoot().appendingPathComponent("templates").path, name: "default")
        let renderer = HTMLRenderer(templates: templates)
        let giza = try #require(build.sources.first { $0.procedure.format == .gizaRST })
        let expectedHTML = renderer.renderSteps(giza.procedure)
        let expectedText = PlainTextRenderer().render(giza.procedure, title: "Prerequisites")
        #expect(expectedHTML.count == 5)
        for source in build.sources where source.procedure.format != .gizaRST {
            let format = source.procedure.format.rawValue
            #expect(renderer.renderSteps(source.procedure) == expectedHTML, "\(format): the HTML differs")
            #expect(PlainTextRenderer().render(source.procedure, title: "Prerequisites") == expectedText, "\(format)")
        }
    }

    @Test func pointsParityFindingsIntoTheYAMLFile() throws {
        let project = try Project()
        defer { project.remove() }
        let yaml = project.content.appendingPathComponent(Project.names[1] + ".yaml")
        let edited = try String(contentsOf: yaml, encoding: .utf8)
            .replacingOccurrences(of: "running MongoDB 2.6+", with: "running MongoDB 3.0+")
        try edited.write(to: yaml, atomically: true, encoding: .utf8)
        let build = try project.check()
        let finding = try #require(build.report.diagnostics.first)
        #expect(build.report.diagnostics.map(\.id) == ["parity.value-mismatch"])
        #expect(finding.location?.file.hasSuffix(Project.names[1] + ".yaml") == true)
        let line = try #require(finding.location?.range.lowerBound.line)
        #expect(edited.components(separatedBy: "\n")[line - 1].contains("running MongoDB 3.0+"))
    }
}
