import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// The catalogue of bad inputs, part 6: files and folders that are not what they should be. These stop
/// the command (exit 2) and name the path; a finding about a whole file is at its 1:1 in reports.
@Suite struct FileSystemCatalogueTests {
    private static var templates: String { Fixtures.projectRoot().appendingPathComponent("templates").path }

    /// Whether this process runs as root, which reads and writes whatever the permission bits say.
    private static var isRoot: Bool { geteuid() == 0 }

    @Test func refusesAConfigurationFileThatIsAFolder() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        try project.makeFolder("stepdoc.yml")
        let run = try await project.check()
        expectFinding(run, "io.unreadable", severity: "error", file: "stepdoc.yml", at: (1, 1), status: 2)
        #expect(run.standardError.contains("error: stepdoc.yml: not a regular file [io.unreadable]"), "\(run)")
    }

    @Test func refusesFactsThatAreAFolder() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.makeFolder("facts.json")
        let run = try await project.run(["preflight", "--facts", "facts.json"])
        #expect(run.status == 2, "\(run)")
        #expect(run.standardError.contains("error: facts.json: not a regular file [io.unreadable]"), "\(run)")
    }

    /// A read error (not the end of the file) fails the run: /proc/self/mem cannot be read at offset 0,
    /// for root too. It used to pass as an empty file with "no problems".
    @Test func failsOnAFileThatCannotBeRead() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        let run = try await project.check(["/proc/self/mem"])
        expectFinding(run, "io.unreadable", severity: "error", file: "/proc/self/mem", at: (1, 1), status: 2)
        #expect(!run.standardOutput.contains("no problems"), "\(run)")
    }

    /// Without read permission: exit 2 naming the file. Root reads it anyway, and then stepdoc must
    /// not refuse what it can read (the permission bits are the operating system's business).
    @Test func failsOnAFileWithoutReadPermissionUnlessRootCanReadIt() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/locked.rst")
        #expect(chmod(project.path("content/locked.rst"), 0) == 0)
        let run = try await project.check(["content/locked.rst"])
        if Self.isRoot {
            #expect(run.status == 0, "root reads a mode-000 file: \(run)")
            #expect(run.findings.isEmpty, "\(run)")
        } else {
            expectFinding(run, "io.unreadable", severity: "error", file: "content/locked.rst", at: (1, 1), status: 2)
            #expect(run.standardError.contains("Permission denied"), "\(run)")
        }
    }

    /// A named pipe nobody writes to reads as an empty file (a warning that it has no steps) instead
    /// of blocking the run for ever; as facts, it is empty JSON (exit 2).
    @Test func readsANamedPipeWithoutAWriterAsEmptyInsteadOfWaiting() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.makeFolder("content")
        #expect(mkfifo(project.path("content/pipe.rst"), 0o644) == 0)
        let run = try await project.check(["content/pipe.rst"])
        expectFinding(run, "steps.structure", severity: "warning", at: (1, 1), status: 0)
        #expect(mkfifo(project.path("facts.json"), 0o644) == 0)
        let facts = try await project.run(["preflight", "--facts", "facts.json"])
        expectFinding(facts, "io.unreadable", file: "facts.json", at: (1, 1), status: 2)
    }

    /// A symbolic link loop in a content folder is skipped with a warning; the other files are read.
    @Test func warnsAboutASymbolicLinkLoopAndReadsTheRest() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        try FileManager.default.createSymbolicLink(atPath: project.path("content/a.rst"), withDestinationPath: "b.rst")
        try FileManager.default.createSymbolicLink(atPath: project.path("content/b.rst"), withDestinationPath: "a.rst")
        let run = try await project.check(["content"])
        expectFinding(run, "io.symlink-loop", severity: "warning", file: "content/a.rst", at: (1, 1), status: 0)
        expectFinding(run, "io.symlink-loop", severity: "warning", file: "content/b.rst", at: (1, 1), status: 0)
        #expect(run.findings.count == 2, "\(run)")
        #expect(try await project.check(["--strict", "content"]).status == 1)
    }

    @Test func refusesAnOutputFolderThatIsAFile() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        try project.write("not a folder\n", to: "out")
        let run = try await project.run(["build", "--templates", Self.templates, "--output", "out", "content"])
        #expect(run.status == 2, "\(run)")
        #expect(
            run.standardError.contains("error: out: cannot write output: it is a file, not a folder [io.unwritable]"),
            "\(run)")
        #expect(project.process.contents(of: "out") == "not a folder\n")
    }

    /// An output folder that cannot be written: exit 2 naming the folder and the reason. For root, a
    /// folder under /sys (which no one may create); for anyone else, a folder without write permission.
    @Test func refusesAnOutputFolderWithoutWritePermission() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        let output: String
        if Self.isRoot {
            output = "/sys/stepdoc-output"
        } else {
            try project.makeFolder("locked")
            #expect(chmod(project.path("locked"), 0o555) == 0)
            output = "locked/out"
        }
        let run = try await project.run(["build", "--templates", Self.templates, "--output", output, "content"])
        #expect(run.status == 2, "\(run)")
        #expect(run.standardError.contains("error: \(output): cannot write output: "), "\(run)")
        #expect(run.findings.first?.id == "io.unwritable", "\(run)")
        #expect(!FileManager.default.fileExists(atPath: output.hasPrefix("/") ? output : project.path(output)))
    }

    @Test func refusesATemplateSetWithoutItsProcedureTemplate() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        // A project's `templates/default/` overrides the built-in set file by file; a set of its own
        // name has nothing under it, so it must be whole.
        try project.write("<html>{{title}}</html>\n", to: "templates/mine/page.mustache")
        let run = try await project.run(["build", "--template", "mine", "content"])
        #expect(run.status == 2, "\(run)")
        #expect(
            run.standardError.contains(
                "error: templates/mine/procedure.mustache: missing template [templates.invalid]"),
            "\(run)")
        #expect(!FileManager.default.fileExists(atPath: project.path("output")))
    }

    @Test func reportsATemplateSyntaxErrorWithItsPosition() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        try project.write("{{#steps}}{{number}}{{/steps}}\n", to: "templates/default/procedure.mustache")
        // A tag left open: reported at the tag.
        let page = MarkedSource("<html>\n<title>{{title}}</title>\n<h1>1️⃣{{title}\n</html>\n")
        try project.write(page.text, to: "templates/default/page.mustache")
        let run = try await project.run(["build", "content"])
        expectFinding(run, "templates.invalid", file: "templates/default/page.mustache", at: page["1️⃣"], status: 2)
        #expect(run.standardError.contains("template syntax: a tag is not closed with '}}'"), "\(run)")
        // A section never closed: reported where it opens.
        let unclosed = MarkedSource("<html>\n1️⃣{{#procedure}}{{> procedure}}\n</html>\n")
        try project.write(unclosed.text, to: "templates/default/page.mustache")
        let second = try await project.run(["build", "content"])
        expectFinding(
            second, "templates.invalid", file: "templates/default/page.mustache", at: unclosed["1️⃣"], status: 2)
        #expect(second.standardError.contains("the section 'procedure' is never closed"), "\(second)")
    }
}
