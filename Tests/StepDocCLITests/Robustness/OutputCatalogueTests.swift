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
        // A copy, not a link: a test that failed to protect a template would change the project's own.
        try FileManager.default.copyItem(atPath: Self.templates, toPath: project.path("templates"))
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
        // An earlier report (stepdoc's own, so replaced without --force).
        try project.write("{\n  \"version\": 1,\n  \"files\": 0,\n  \"diagnostics\": []\n}\n", to: "reports/kept.json")
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

    // MARK: - convert and build never write one file twice, nor over an input

    /// `convert` used to replace a hand-edited `foo.procedure.rst` and an existing `steps-a.yaml`.
    @Test func convertReplacesAnExistingFileOnlyWithForce() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "docs/foo.rst")
        try project.write("hand-edited\n", to: "docs/foo.procedure.rst")
        try project.write("steps: mine\n", to: "docs/steps-foo.yaml")
        for (format, output) in [("procedure", "docs/foo.procedure.rst"), ("yaml", "docs/steps-foo.yaml")] {
            let before = project.process.contents(of: output)
            let run = try await project.run(["convert", "--to", format, "docs/foo.rst"])
            #expect(run.status == 2, "\(run)")
            #expect(
                run.standardError.contains(
                    "error: \(output): cannot write output: the file exists (converting docs/foo.rst); --force replaces it [io.unwritable]"),
                "\(run)")
            #expect(project.process.contents(of: output) == before)
            let forced = try await project.run(["convert", "--force", "--to", format, "docs/foo.rst"])
            #expect(forced.status == 0, "\(forced)")
            #expect(forced.standardOutput == "wrote \(output)\n")
            #expect(project.process.contents(of: output) != before)
        }
    }

    /// `convert --to giza foo.rst foo.procedure.rst` replaced `foo.rst` (the second input's output)
    /// after converting it: an input of the run is never written, `--force` or not, and nothing else is.
    @Test func convertNeverWritesOverAnInputOfTheRun() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "docs/foo.rst")
        #expect(try await project.run(["convert", "--to", "procedure", "docs/foo.rst"]).status == 0)
        for arguments in [["convert", "--to", "giza"], ["convert", "--force", "--to", "giza"]] {
            let run = try await project.run(arguments + ["docs/foo.rst", "docs/foo.procedure.rst"])
            #expect(run.status == 2, "\(run)")
            #expect(run.standardError.contains("error: docs/foo.rst: cannot write output: it is an input of this run"), "\(run)")
            #expect(project.process.contents(of: "docs/foo.rst") == GizaSource.twoSteps)
            #expect(project.process.contents(of: "docs/foo.giza.rst") == nil, "nothing is written")
        }
    }

    /// Two inputs with one output name: "wrote" was printed twice and the last one won.
    @Test func convertStopsWhenTwoInputsWouldWriteOneFile() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "one/setup.rst")
        try project.write(GizaSource.twoSteps, to: "two/setup.rst")
        let run = try await project.run(["convert", "--to", "yaml", "--output", "out", "one/setup.rst", "two/setup.rst"])
        #expect(run.status == 2, "\(run)")
        #expect(
            run.standardError.contains(
                "error: two/setup.rst: would write out/steps-setup.yaml, as one/setup.rst would; rename one of them (nothing was written) [io.output-collision]"),
            "\(run)")
        #expect(!FileManager.default.fileExists(atPath: project.path("out")))
    }

    /// `content: [c1, c2]` each with `x.rst`, and `steps-x.rst` beside `steps-x.yaml`, silently lost one
    /// rendering (and the two raced on one temporary): an error naming both, before anything is written.
    @Test func buildStopsWhenTwoSourcesWouldWriteOneOutput() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "c1/x.rst")
        try project.write(GizaSource.twoSteps, to: "c2/x.rst")
        try project.write("content: [c1, c2]\ntemplates: \(Self.templates)\n", to: "stepdoc.yml")
        let run = try await project.run(["build"])
        #expect(run.status == 2, "\(run)")
        #expect(
            run.standardError.contains(
                "error: c2/x.rst: would write output/html/x.html, as c1/x.rst would; rename one of them (nothing was written) [io.output-collision]"),
            "\(run)")
        #expect(!FileManager.default.fileExists(atPath: project.path("output")))
        try project.write(GizaSource.twoSteps, to: "c3/steps-x.rst")
        try project.write("- title: One\n  stepnum: 1\n  content: Run it.\n", to: "c3/steps-x.yaml")
        let pair = try await project.run(["build", "--templates", Self.templates, "c3"])
        #expect(pair.status == 2, "\(pair)")
        #expect(pair.standardError.contains("error: c3/steps-x.yaml: would write output/html/steps-x.html, as c3/steps-x.rst would"), "\(pair)")
        #expect(pair.findings.first?.id == "io.output-collision", "\(pair)")
        #expect(!FileManager.default.fileExists(atPath: project.path("output")))
    }

    /// `build content content/X.rst` rendered X twice in parallel through one temporary (6 runs in 20
    /// failed) and `check` counted it twice: a file is read once, under its first name.
    @Test func readsAFileNamedTwiceOnce() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        try FileManager.default.createSymbolicLink(atPath: project.path("alias.rst"), withDestinationPath: "content/steps.rst")
        let check = try await project.check(["content", "content/steps.rst", "./content/steps.rst", "alias.rst"])
        #expect(check.status == 0, "\(check)")
        #expect(check.standardOutput.contains(#""files": 1,"#), "\(check.standardOutput)")
        for _ in 0..<3 {
            let build = try await project.run(
                ["build", "--no-cache", "--jobs", "4", "--templates", Self.templates, "content", "content/steps.rst"])
            #expect(build.status == 0, "\(build)")
            #expect(build.standardOutput.hasPrefix("built 1 procedure: 2 files written"), "\(build)")
        }
    }

    // MARK: - No output replaces an input, or a file stepdoc did not write

    /// `check --report json:content/X.rst` replaced the step file just checked; `--report
    /// junit:stepdoc.yml` the configuration. An input is refused, `--force` or not.
    @Test func refusesAReportOverAnInputOfTheRun() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        try project.write("content: [content]\n", to: "stepdoc.yml")
        try project.write("Included text.\n", to: "content/included.txt")
        try project.write(GizaSource.twoSteps + ".. include:: included.txt\n", to: "content/more.rst")
        let cases = [
            ("json:content/steps.rst", "content/steps.rst", "it is an input of this run"),
            ("junit:stepdoc.yml", "stepdoc.yml", "it is an input of this run"),
            ("text:content/included.txt", "content/included.txt", "it is an input of this run"),
            ("sarif:./content/steps.rst", "./content/steps.rst", "it is content/steps.rst, an input of this run"),
        ]
        for (report, path, reason) in cases {
            for force in [[], ["--force"]] {
                let before = project.process.contents(of: path)
                let run = try await project.run(["check", "--report", report] + force)
                #expect(run.status == 2, "\(report): \(run)")
                #expect(
                    run.standardError.contains("error: \(path): cannot write output: \(reason) [io.unwritable]"),
                    "\(report): \(run)")
                #expect(!run.standardOutput.contains("no problems"), "\(run.standardOutput)")
                #expect(project.process.contents(of: path) == before)
            }
        }
    }

    /// `preflight --facts f.json --html f.json` replaced the facts with the page.
    @Test func refusesAPreflightPageOverItsInputs() async throws {
        let project = try Self.shippedProject()
        defer { project.remove() }
        let facts = project.process.contents(of: "facts.json")
        for path in ["facts.json", ShippedProcedure.path, "stepdoc.yml", "templates/default/preflight.mustache"] {
            let run = try await project.run(["preflight", "--facts", "facts.json", "--force", "--html", path])
            #expect(run.status == 2, "\(path): \(run)")
            #expect(run.standardError.contains("error: \(path): cannot write output: it is"), "\(path): \(run)")
        }
        #expect(project.process.contents(of: "facts.json") == facts)
        // Its own page it replaces without --force.
        for _ in 0..<2 {
            let run = try await project.run(["preflight", "--facts", "facts.json", "--html", "page.html"])
            #expect(run.status == 0, "\(run)")
        }
    }

    /// A report path holding a file of one's own: refused unless `--force`; stepdoc's own reports are
    /// replaced run after run, in any format.
    @Test func replacesAFileStepdocDidNotWriteOnlyWithForce() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        try project.write("my notes\n", to: "notes.txt")
        let refused = try await project.run(["check", "--report", "text:notes.txt", "content"])
        #expect(refused.status == 2, "\(refused)")
        #expect(
            refused.standardError.contains(
                "error: notes.txt: cannot write output: it holds a file stepdoc did not write; --force replaces it [io.unwritable]"),
            "\(refused)")
        #expect(project.process.contents(of: "notes.txt") == "my notes\n")
        let forced = try await project.run(["check", "--force", "--report", "text:notes.txt", "content"])
        #expect(forced.status == 0, "\(forced)")
        for format in ["json", "sarif", "junit", "github", "text", "json"] {
            let run = try await project.run(["check", "--report", "\(format):notes.txt", "content"])
            #expect(run.status == 0, "\(format) over stepdoc's own report: \(run)")
        }
        // An empty file (made by `touch` or a shell's `>`) is nobody's work.
        try project.write("", to: "empty.json")
        #expect(try await project.run(["check", "--report", "json:empty.json", "content"]).status == 0)
    }

    /// `build --output ''` and `output: ""` were the file-system root (it wrote /html, /text and
    /// /.stepdoc-cache); every empty path is a usage error.
    @Test func refusesEmptyPathsEverywhere() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps, to: "content/steps.rst")
        let commands: [[String]] = [
            ["build", "--output", "", "content"], ["build", "--templates", "", "content"],
            ["check", "--report", "json:", "content"], ["check", "", "content"], ["convert", "--to", "yaml", "--output", "", "content"],
            ["preflight", "--facts", "", "content"], ["preflight", "--facts", "f.json", "--html", ""],
            ["fmt", ""], ["check", "--config", ""],
        ]
        for command in commands {
            let run = try await project.run(command)
            #expect(run.status == 2, "\(command): \(run)")
        }
        let configs = [
            ("output: \"\"\n", (1, 9)), ("output:\n", (1, 8)), ("templates: ''\n", (1, 12)), ("source-root: \"\"\n", (1, 14)),
            ("content: [content, \"\"]\n", (1, 20)),
        ]
        for (config, position) in configs {
            try project.write(config, to: "stepdoc.yml")
            let run = try await project.run(["build", "--templates", Self.templates])
            expectFinding(run, "config.invalid", file: "stepdoc.yml", at: position, status: 2)
            #expect(run.standardError.contains("empty"), "\(config): \(run)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/.stepdoc-cache"))
        #expect(!FileManager.default.fileExists(atPath: project.path("output")))
    }

    // MARK: - Stale outputs and the build cache

    /// `build`, `rm content/b.rst`, `build` left `output/html/b.html`: readers kept a page whose source
    /// was gone. The outputs recorded for it are removed, and nothing else.
    @Test func removesTheOutputsOfDeletedSourcesAndNothingElse() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        for name in ["a", "b", "c"] { try project.write(GizaSource.twoSteps, to: "content/\(name).rst") }
        let build = ["build", "--templates", Self.templates]
        #expect(try await project.run(build + ["content"]).status == 0)
        try project.write("<p>mine</p>\n", to: "output/html/mine.html")
        try FileManager.default.removeItem(atPath: project.path("content/b.rst"))
        let second = try await project.run(build + ["content"])
        #expect(second.status == 0, "\(second)")
        #expect(second.standardOutput.contains(", 2 outputs of deleted sources removed"), "\(second.standardOutput)")
        #expect(!FileManager.default.fileExists(atPath: project.path("output/html/b.html")))
        #expect(!FileManager.default.fileExists(atPath: project.path("output/text/b.txt")))
        for kept in ["output/html/a.html", "output/text/c.txt", "output/html/mine.html"] {
            #expect(FileManager.default.fileExists(atPath: project.path(kept)), "\(kept)")
        }
        // A build of some paths only keeps the others' outputs while their sources exist, and still
        // removes them once they are gone, under other options and with --no-cache.
        #expect(try await project.run(build + ["content/a.rst"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: project.path("output/html/c.html")))
        try FileManager.default.removeItem(atPath: project.path("content/c.rst"))
        let third = try await project.run(build + ["--no-cache", "--format", "html", "content/a.rst"])
        #expect(third.standardOutput.contains(", 2 outputs of deleted sources removed"), "\(third.standardOutput)")
        #expect(!FileManager.default.fileExists(atPath: project.path("output/html/c.html")))
        #expect(FileManager.default.fileExists(atPath: project.path("output/html/mine.html")))
    }

    /// A same-length edit with the modification time put back (`touch -r`) was "up to date", in the
    /// source and in a file it includes; the change time gives it away.
    @Test func rebuildsASameLengthEditWithItsModificationTimeRestored() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.twoSteps + "\n.. include:: /shared/note.txt\n", to: "content/a.rst")
        try project.write("The note says Alpha.\n", to: "content/shared/note.txt")
        let build = ["build", "--templates", Self.templates, "content"]
        // Files written well before the build, so their stamps are trusted without reading them.
        try await Task.sleep(for: .milliseconds(2300))
        #expect(try await project.run(build).status == 0)
        #expect(try await project.run(build).standardOutput.contains("0 files written, 1 up to date"))
        try editKeepingModificationTime(project, "content/a.rst", "Connect to the server", "Connect to the SERVER")
        let edited = try await project.run(build)
        #expect(edited.standardOutput.contains("2 files written"), "\(edited.standardOutput)")
        #expect(project.process.contents(of: "output/text/a.txt")?.contains("Connect to the SERVER") == true)
        try await Task.sleep(for: .milliseconds(2300))
        #expect(try await project.run(build).standardOutput.contains("0 files written, 1 up to date"))
        try editKeepingModificationTime(project, "content/shared/note.txt", "Alpha", "Omega")
        let included = try await project.run(build)
        #expect(included.standardOutput.contains("2 files written"), "\(included.standardOutput)")
        #expect(project.process.contents(of: "output/text/a.txt")?.contains("The note says Omega.") == true)
    }

    private func editKeepingModificationTime(_ project: BadInputProject, _ path: String, _ old: String, _ new: String)
        throws
    {
        let location = project.path(path)
        var before = stat()
        #expect(stat(location, &before) == 0)
        let text = try #require(project.process.contents(of: path))
        try project.write(text.replacingOccurrences(of: old, with: new), to: path)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, location, &times, 0) == 0)
        var after = stat()
        #expect(stat(location, &after) == 0 && after.st_size == before.st_size)
    }
}
