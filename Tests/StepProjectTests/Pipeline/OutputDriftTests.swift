import Foundation
import StepDocTestSupport
import StepProject
import StepRender
import Testing

/// `output/` is committed: it must be exactly what `stepdoc build` makes of `content/` today.
@Suite struct OutputDriftTests {
    @Test func committedOutputMatchesABuildOfContent() throws {
        let root = Fixtures.projectRoot()
        // Paths in the output are relative to the project, as `make run` writes them.
        try #require(
            FileManager.default.currentDirectoryPath == root.path,
            "run the tests from the project root (swift test does); cwd is \(FileManager.default.currentDirectoryPath)")
        let config = try ConfigLoader.load(path: "stepdoc.yml", required: true)
        let discovery = try ContentDiscovery.discover(config.content)
        let templates = try TemplateLoader.load(directory: config.templates, name: config.template)
        let settings = ProjectBuild.Settings(
            config: config, paths: config.content, sourceRoot: config.content[0],
            targets: config.formats.compactMap(RenderTarget.init(rawValue:)), templates: templates,
            outputFolder: config.output)
        var build = ProjectBuild.read(settings, discovery: discovery)
        #expect(build.failures.isEmpty)
        #expect(build.report.errorCount == 0, "content/ has errors: \(build.report.diagnostics.map(\.summary))")
        build.render(settings)
        #expect(!build.outputs.isEmpty)
        var stale: [String] = []
        for (path, text) in build.outputs {
            let committed = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
            if committed != text { stale.append(path) }
        }
        #expect(stale.isEmpty, "output/ is stale (\(stale.joined(separator: ", "))): run `make run` and commit output/")
        // Nothing in output/ that a build would not write.
        let expected = Set(build.outputs.map(\.path))
        var extra: [String] = []
        for target in settings.targets {
            let folder = "\(config.output)/\(target.rawValue)"
            let names = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
            for name in names
            where name.hasSuffix(".\(target.fileExtension)") && !expected.contains("\(folder)/\(name)") {
                extra.append("\(folder)/\(name)")
            }
        }
        #expect(extra.isEmpty, "output/ has files no source makes: \(extra); delete them and run `make run`")
    }
}
