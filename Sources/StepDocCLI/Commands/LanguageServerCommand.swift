import ArgumentParser
import StepLSP
import StepProject

/// `stepdoc lsp`: the language server, for editors.
struct LanguageServerCommand: StepDocSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over standard input and output) for editors.",
        discussion: """
            Editors start it and speak JSON-RPC to it: diagnostics for every finding as you type, quick \
            fixes, formatting (the edits `stepdoc fmt` makes), outline, hover, go to definition, \
            references and completion. The project's stepdoc.yml is found from the workspace folder or \
            the file. Exit codes: 0 after the client's shutdown and exit, 1 when the client exits \
            without shutdown or goes away.
            """)

    @Flag(name: .customLong("stdio"), help: "Speak on standard input and output (the default and only transport).")
    var stdio = false

    @Option(name: .customLong("max-message-size"), help: "Skip messages larger than this many bytes.")
    var maximumMessageSize: Int = LanguageServer.Options().maximumMessageSize

    @Option(name: .customLong("debounce-ms"), help: "Check a document this many milliseconds after a change.")
    var debounceMilliseconds: Int = 5

    func validate() throws {
        if maximumMessageSize < 1024 { throw ValidationError("--max-message-size must be at least 1024") }
        if debounceMilliseconds < 0 || debounceMilliseconds > 10_000 {
            throw ValidationError("--debounce-ms must be between 0 and 10000")
        }
    }

    func run(in terminal: Terminal) -> ExitStatus {
        guard let (input, output) = terminal.standardDescriptors else {
            terminal.report(.usage("stepdoc lsp speaks on the process's own standard input and output"))
            return .stopped
        }
        var options = LanguageServer.Options()
        options.maximumMessageSize = maximumMessageSize
        options.debounce = .milliseconds(debounceMilliseconds)
        let status = LanguageServerLoop.run(input: input, output: output, options: options)
        return status == 0 ? .clean : .findings
    }
}
