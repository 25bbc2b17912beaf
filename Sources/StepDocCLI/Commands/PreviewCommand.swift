import ArgumentParser
import Foundation
import StepPreview
import StepProject
import StepReports

/// `stepdoc preview`: serve the rendered step files over HTTP and reload open pages on every save.
struct PreviewCommand: StepDocSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve step files as readers will see them, reloading open pages when a file is saved.",
        discussion: """
            Pages are rendered in memory by the same pipeline as `build`, with each file's findings in a \
            panel and the steps they concern marked. The content and template folders are watched; a \
            change re-renders what it touched and reloads the pages showing it. Listens on 127.0.0.1:8080 \
            unless told otherwise; --port 0 picks a free port. Ctrl-C stops it.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .customLong("port"), help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8080

    @Option(name: .customLong("host"), help: "The address to listen on; the default reaches this machine only.")
    var host = "127.0.0.1"

    @Flag(name: .customLong("open"), help: "Open the index in the browser (xdg-open).")
    var open = false

    @Option(
        name: .customLong("templates"),
        help: "A folder of template sets over the built-in ones (default: templates/ when present).")
    var templates: String?

    @Option(
        name: .customLong("template"),
        help: "The template set: built in (default, giza) or a folder of the templates folder.")
    var template: String?

    @Flag(name: .customLong("poll"), help: "Scan for changes every 250 ms instead of using inotify (network shares).")
    var poll = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run(in terminal: Terminal) -> ExitStatus {
        let settings: PreviewSettings
        do {
            settings = try makeSettings(in: terminal)
        } catch {
            terminal.report(error)
            return .stopped
        }
        let label = settings.contentPaths.joined(separator: " ")
        let open = self.open
        signal(SIGPIPE, SIG_IGN)  // a browser closing its connection must not end the server
        let reason: PreviewServer.StopReason
        do {
            reason = try SynchronousWait.run {
                let server = try PreviewServer(settings: settings)
                let url = try await server.start()
                terminal.write("stepdoc preview: serving \(label) at \(url) (Ctrl-C to stop)\n")
                if !server.isLoopback {
                    terminal.writeError(
                        "warning: --host \(settings.host) is not a loopback address: anyone who can reach this "
                            + "machine can read the preview\n")
                }
                if let note = await server.watcherNote { terminal.writeError("note: \(note)\n") }
                if open, let problem = BrowserLauncher.open(url) { terminal.writeError("note: \(problem)\n") }
                let reason = await server.waitForStop()
                await server.stop()
                return reason
            }
        } catch let failure as PreviewFailure {
            if case .project(let failure) = failure {
                terminal.report(failure)
            } else {
                terminal.report(.usage(failure.description))
            }
            return .stopped
        } catch {
            terminal.report(.usage("\(error)"))
            return .stopped
        }
        if case .listenerFailed(let why) = reason {
            terminal.report(.usage("the preview stopped listening: \(why)"))
            return .stopped
        }
        terminal.write("stepdoc preview: stopped\n")
        return .clean
    }

    private func makeSettings(in terminal: Terminal) throws(StepDocFailure) -> PreviewSettings {
        let loaded = try Project.load(project.inputs(in: terminal))
        let config = loaded.config
        var settings = PreviewSettings(
            config: config, contentPaths: loaded.contentPaths, templatesFolder: templates ?? config.templates,
            templateName: template ?? config.template)
        settings.templatesFolderRequired = templates != nil
        settings.sourceRoot = config.sourceRoot ?? (project.paths.isEmpty ? config.content.first : nil)
        settings.parity = try loaded.parity()
        settings.host = host
        settings.port = UInt16(port)
        settings.watchMode = poll ? .polling : .automatic
        settings.strict = project.strict
        settings.jobs = loaded.inputs.jobs
        settings.log = { [terminal] line in terminal.writeError(line) }
        return settings
    }
}
