import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// The catalogue of bad inputs, part 9: where outputs go. Reports, pages and rewritten sources are
/// written through links, to devices, FIFOs and open descriptors as they are, never over them; standard
/// streams that cannot be written stop the run with `io.unwritable` (exit 2). Runs the real executable
/// under bash, which sets up what only a shell can (closed and full streams, process substitutions).
@Suite struct OutputCatalogueTests {
    private static var isRoot: Bool { geteuid() == 0 }
    private static var templates: String { Fixtures.projectRoot().appendingPathComponent("templates").path }

    /// A project with the shipped procedure (bound to its check suite) and a facts file.
    private static func shippedProject() throws -> BadInputProject {
        let project = try BadInputProject()
        let root = Fixtures.projectRoot()
        for path in [ShippedProcedure.path, "stepdoc.yml"] {
            try project.write(bytes: [UInt8](Data(contentsOf: root.appendingPathComponent(path))), to: path)
        }
        try project.write(bytes: [UInt8](FactsFixture("replica-set-4.0-root").data()), to: "facts.json")
        try FileManager.default.createSymbolicLink(
            atPath: project.path("templates"), withDestinationPath: Self.templates)
        return project
    }

    private func shell(_ project: BadInputProject, _ script: String) async throws -> StepDocProcess.Outcome {
        let process = project.process
        return try await inHeavyLane { try process.shell(script) }
    }

    private func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    // MARK: - Destinations

    /// `--report json:/dev/null` as root turned the device into a regular file. A null device of the
    /// test's own stands for it.
    @Test(.enabled(if: isRoot, "making a device node needs root")) func writesAReportToADeviceWithoutReplacingIt()
        async throws
    {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        #expect(mknod(project.path("null"), S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
        let run = try await shell(project, #""$STEPDOC" check --report json:null content"#)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(kind(project.path("null")) == S_IFCHR)
    }

    /// `--report json:>(cat)` failed (ENOENT, then "not a regular file"): the shell's pipe is written.
    @Test func writesAReportToAProcessSubstitution() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        let run = try await shell(
            project, #""$STEPDOC" check --report json:>(cat > got.json) content; status=$?; wait $!; exit $status"#)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(project.process.contents(of: "got.json")?.contains(#""version": 1"#) == true, "\(run.standardError)")
    }

    /// A FIFO path was replaced by a regular file; its reader now gets the report, and it stays a FIFO.
    @Test func writesAReportIntoAFIFO() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        #expect(mkfifo(project.path("report.fifo"), 0o644) == 0)
        let run = try await shell(
            project, #"cat report.fifo > got.json & sleep 0.2; "$STEPDOC" check --report sarif:report.fifo content; s=$?; wait; exit $s"#)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(kind(project.path("report.fifo")) == S_IFIFO)
        #expect(project.process.contents(of: "got.json")?.contains(#""name": "stepdoc""#) == true)
    }

    /// `preflight --html /dev/stdout` replaced the /dev/stdout link's target by renaming over it: with
    /// standard output redirected to a file, the page went to a new file and the text report to the
    /// old, unlinked one. Now both go to the descriptor the shell opened, in order.
    @Test func writesAPageToStandardOutputThroughDevStdout() async throws {
        let project = try Self.shippedProject()
        defer { project.remove() }
        let run = try await shell(project, #""$STEPDOC" preflight --facts facts.json --html /dev/stdout > page.html"#)
        #expect(run.status == 0, "\(run.standardError)")
        let page = project.process.contents(of: "page.html") ?? ""
        #expect(page.hasPrefix("<!DOCTYPE html>"), "\(page.prefix(200))")
        #expect(page.hasSuffix("all 5 checks passed\n"), "\(page.suffix(200))")
    }

    @Test func writesAReportThroughASymbolicLinkAndKeepsTheLink() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        try project.write("{}\n", to: "reports/kept.json")
        try FileManager.default.createSymbolicLink(atPath: project.path("report.json"), withDestinationPath: "reports/kept.json")
        let run = try await project.check(["--report", "json:report.json", "content"])
        #expect(run.status == 0, "\(run)")
        #expect(kind(project.path("report.json")) == S_IFLNK)
        #expect(project.process.contents(of: "reports/kept.json")?.contains(#""files": 1"#) == true)
    }

    /// A report path that is a folder: exit 2 naming it, and standard output does not say "no
    /// problems" first (it used to, then print the error).
    @Test func refusesAReportPathThatIsAFolderWithoutSayingNoProblems() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        try project.makeFolder("report.json")
        let run = try await project.run(["check", "--report", "json:report.json", "content"])
        #expect(run.status == 2, "\(run)")
        #expect(run.standardError.contains("error: report.json: cannot write output: it is a folder [io.unwritable]"))
        #expect(!run.standardOutput.contains("no problems"), "\(run.standardOutput)")
        #expect(kind(project.path("report.json")) == S_IFDIR)
    }

    /// `fmt` of a file reached through a link rewrites the file and keeps the link.
    @Test func formatsThroughASymbolicLinkAndKeepsTheLink() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        let unformatted = GizaSource.twoSteps.replacingOccurrences(of: "Step 2: Check", with: "Step 2:  Check")
        try project.write(unformatted, to: "real/steps.rst")
        try project.makeFolder("content")
        try FileManager.default.createSymbolicLink(
            atPath: project.path("content/steps.rst"), withDestinationPath: "../real/steps.rst")
        let run = try await project.run(["fmt", "content/steps.rst"])
        #expect(run.status == 0, "\(run)")
        #expect(kind(project.path("content/steps.rst")) == S_IFLNK)
        let formatted = project.process.contents(of: "real/steps.rst") ?? ""
        #expect(formatted.contains("Step 2: Check the version\n") && !formatted.contains("Step 2:  Check"))
    }

    /// Run as `nobody` on root's world-writable file, `fmt` cannot give the new file to root: it leaves
    /// the file as it was and says why, rather than taking it from its owner.
    @Test(.enabled(if: isRoot, "running as another user needs root"))
    func refusesToFormatAFileWhoseOwnerCannotBeKept() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        let unformatted = GizaSource.twoSteps.replacingOccurrences(of: "Step 2: Check", with: "Step 2:  Check")
        try project.write(unformatted, to: "content/steps.rst")
        #expect(chmod(project.path("content"), 0o777) == 0)
        #expect(chmod(project.path("content/steps.rst"), 0o666) == 0)
        let run = try await shell(
            project, #"setpriv --reuid=65534 --regid=65534 --clear-groups "$STEPDOC" fmt content/steps.rst"#)
        #expect(run.status == 2, "\(run.standardError)")
        #expect(run.standardError.contains("its owner and group (0:0) cannot be kept; left unchanged"), "\(run.standardError)")
        #expect(project.process.contents(of: "content/steps.rst") == unformatted)
        var info = stat()
        #expect(stat(project.path("content/steps.rst"), &info) == 0 && info.st_uid == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.path("content")) == ["steps.rst"])
    }

    // MARK: - Standard streams

    @Test func stopsWithUnwritableWhenStandardOutputIsFull() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        for command in ["check content", "check --format json content", "preflight --print-collector --user migrator"] {
            let run = try await shell(project, #""$STEPDOC" \#(command) > /dev/full"#)
            #expect(run.status == 2, "\(command): \(run.standardError)")
            #expect(
                run.standardError.contains("error: <stdout>: cannot write output: No space left on device [io.unwritable]"),
                "\(command): \(run.standardError)")
        }
    }

    /// Closed standard output or error: the run does nothing and says so on the other stream. (The
    /// closed descriptor would otherwise be the number of the first file stepdoc opens.)
    @Test func stopsWhenAStandardStreamIsClosed() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        let check = try await shell(project, #""$STEPDOC" check --report json:r.json content >&-"#)
        #expect(check.status == 2, "\(check.standardError)")
        #expect(check.standardError.contains("error: <stdout>: cannot write output: standard output is closed [io.unwritable]"))
        #expect(project.process.contents(of: "r.json") == nil)
        let build = try await shell(
            project, #""$STEPDOC" build --templates "\#(Self.templates)" content 2>&- || echo "exit $?""#)
        #expect(build.standardOutput == "exit 2\n", "\(build.standardOutput)")
        #expect(!FileManager.default.fileExists(atPath: project.path("output")))
    }

    /// The reader of a report pipe went away: EPIPE is an unwritable output, not a death by SIGPIPE.
    @Test func reportsAPipeWhoseReaderIsGone() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        let run = try await shell(project, #"exec 3> >(exec 0<&-; sleep 1); sleep 0.3; "$STEPDOC" check --report json:/dev/fd/3 content"#)
        #expect(run.status == 2, "\(run.standardError)")
        #expect(run.standardError.contains("error: /dev/fd/3: cannot write output: Broken pipe [io.unwritable]"), "\(run.standardError)")
    }
}
