import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// `stepdoc build` through the real executable: outputs, refusal on errors, the build cache.
@Suite struct BuildCommandEndToEndTests {
    func project() throws -> StepDocProcess {
        let project = try StepDocProcess()
        let seed = try Data(contentsOf: Fixtures.seedFile())
        try project.write(seed, to: "content/seed.rst")
        try project.write(seed, to: "content/nested/copy.rst")
        for set in ["default", "giza"] {
            let folder = Fixtures.projectRoot().appendingPathComponent("templates/\(set)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                try project.write(
                    try Data(contentsOf: folder.appendingPathComponent(name)), to: "templates/\(set)/\(name)")
            }
        }
        return project
    }

    @Test func writesEveryTargetUnderItsName() throws {
        let project = try project()
        defer { project.remove() }
        let outcome = try project.run(["build", "--format", "html,text,markdown"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        for path in ["output/html/seed.html", "output/text/nested/copy.txt", "output/markdown/seed.md"] {
            #expect(project.contents(of: path) != nil, "missing \(path)")
        }
        #expect(project.contents(of: "output/text/seed.txt")?.contains("Step 5: The database user") == true)
    }

    @Test func skipsUnchangedSourcesOnTheNextBuild() throws {
        let project = try project()
        defer { project.remove() }
        #expect(try project.run(["build"]).standardOutput.contains("4 files written"))
        let again = try project.run(["build"])
        #expect(again.standardOutput.contains("0 files written, 2 up to date"), "\(again.standardOutput)")

        // A changed source is rebuilt, the other is not.
        let changed = try #require(project.contents(of: "content/seed.rst"))
            .replacingOccurrences(of: "This guide focuses", with: "This guide is about")
        try project.write(Array(changed.utf8), to: "content/seed.rst")
        let third = try project.run(["build"])
        #expect(third.standardOutput.contains("2 files written, 1 up to date"), "\(third.standardOutput)")
        #expect(project.contents(of: "output/text/seed.txt")?.contains("This guide is about") == true)

        // A template change rebuilds everything; so does --no-cache.
        try project.write(Array("/* changed */".utf8), to: "templates/default/style.css")
        #expect(try project.run(["build"]).standardOutput.contains("4 files written"))
        #expect(try project.run(["build", "--no-cache"]).standardOutput.contains("4 files written"))
        // A deleted output is written again.
        try FileManager.default.removeItem(at: project.directory.appendingPathComponent("output/html/seed.html"))
        #expect(try project.run(["build"]).standardOutput.contains("2 files written, 1 up to date"))
    }

    @Test func leavesThePreviousOutputWhenThereAreErrors() throws {
        let project = try project()
        defer { project.remove() }
        #expect(try project.run(["build"]).status == 0)
        let before = project.contents(of: "output/html/seed.html")
        let broken = try #require(project.contents(of: "content/seed.rst"))
            .replacingOccurrences(of: "sequence-step\">2<", with: "sequence-step\">9<")
        try project.write(Array(broken.utf8), to: "content/seed.rst")
        let outcome = try project.run(["build"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("[steps.numbering]"))
        #expect(outcome.standardError.contains("nothing written"))
        #expect(project.contents(of: "output/html/seed.html") == before)
    }
}
