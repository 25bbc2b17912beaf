import ArgumentParser
import StepEscaping
import StepProject
import StepReports

/// `stepdoc build`: render step files to HTML, plain text and CommonMark.
struct BuildCommand: StepDocSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render step files to HTML, plain text and CommonMark.",
        discussion: """
            Writes output/html/NAME.html, output/text/NAME.txt and output/markdown/NAME.md, NAME being the \
            source path relative to its content folder. Each file is written atomically; when any error is \
            found nothing is written and the previous output stays as it was. With --keep-going (or \
            keep-going: true in stepdoc.yml) every file without errors is written, the previous output of \
            each file with errors is left as it was, and the exit status is 1 if any was skipped.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .customLong("output"), help: "The output folder (default: output/).")
    var output: String?

    @Option(name: .customLong("format"), help: "Comma-separated targets: html, text, markdown (default: html,text).")
    var formats: String?

    @Option(
        name: .customLong("templates"),
        help: "A folder of template sets over the built-in ones (default: templates/ when present).")
    var templates: String?

    @Option(
        name: .customLong("template"),
        help: "The template set: built in (default, giza) or a folder of the templates folder.")
    var template: String?

    @Flag(name: .customLong("fragment"), help: "Write the procedure without page chrome, for embedding.")
    var fragment = false

    @Flag(name: .customLong("no-cache"), help: "Rebuild every source, ignoring what the last build recorded.")
    var noCache = false

    @Flag(
        name: .customLong("keep-going"),
        help: "Write every file without errors; leave the previous output of those with errors (exit 1 if any).")
    var keepGoing = false

    func validate() throws {
        if output == "" || templates == "" { throw ValidationError("an empty path names no folder") }
        if let formats,
            formats.split(separator: ",", omittingEmptySubsequences: false).contains(where: {
                $0.allSatisfy(\.isWhitespace)
            })
        {
            throw ValidationError("--format '\(formats)' has an empty entry; expected html, text or markdown")
        }
    }

    func run(in terminal: Terminal) -> ExitStatus {
        let options = BuildAction.Options(
            output: output, formats: formats.map { $0.split(separator: ",").map(String.init) }, templates: templates,
            template: template, fragment: fragment, usesCache: !noCache, keepGoing: keepGoing ? true : nil)
        let action = BuildAction(inputs: project.inputs(in: terminal), options: options)
        let progress = BuildProgress(terminal: terminal)
        let result = action.run(progress: progress.callback)
        progress.end()

        terminal.reportFindings(result.report, sources: result.sources)
        for failure in result.failures { terminal.report(failure) }
        guard result.failures.isEmpty || !result.skipped.isEmpty else { return .stopped }
        for (path, reason) in result.skipped {
            terminal.writeError(
                "skipped \(TextEscaping.terminal(path)): \(TextEscaping.terminal(reason)) (its previous output is unchanged)\n")
        }
        if result.refused {
            let what = result.report.errorCount > 0 ? "the errors" : "the warnings (--strict)"
            terminal.writeError("nothing written: fix \(what) above (the previous output is unchanged)\n")
            return result.status
        }
        let total = result.processed + result.upToDate
        let files = result.written.count == 1 ? "1 file" : "\(result.written.count) files"
        var summary = "built \(total == 1 ? "1 procedure" : "\(total) procedures"): \(files) written"
        if result.upToDate > 0 { summary += ", \(result.upToDate) up to date" }
        if !result.skipped.isEmpty {
            summary += ", \(result.skipped.count) skipped"
        }
        if !result.removed.isEmpty {
            summary +=
                ", \(result.removed.count) \(result.removed.count == 1 ? "output" : "outputs") of deleted sources removed"
        }
        if result.copied > 0 {
            summary += ", \(result.copied) \(result.copied == 1 ? "image or script" : "images and scripts") copied"
        }
        if result.highlighterMissing {
            terminal.writeError(
                "warning: code is not highlighted: \(SiteAssets.highlighterSource) is missing "
                    + "(apt-get install libjs-highlight.js)\n")
        }
        terminal.write(summary + " in \(result.outputFolder)/\n")
        return result.status
    }
}

/// The progress line of a long build on a terminal: `reading 120/2000`, then `rendering …`.
struct BuildProgress: Sendable {
    let terminal: Terminal

    var callback: (@Sendable (BuildAction.Phase, Int, Int) -> Void)? {
        guard terminal.showsProgress else { return nil }
        return { [terminal] phase, done, total in
            if total >= 50, done == total || done % 25 == 0 {
                terminal.writeError("\r\(phase.rawValue) \(done)/\(total)\u{1B}[K")
            }
        }
    }

    func end() {
        if terminal.showsProgress { terminal.writeError("\r\u{1B}[K") }
    }
}
