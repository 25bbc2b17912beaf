import ArgumentParser
import Foundation
import StepModel
import StepProject
import StepReports
import StepSyntax

/// `stepdoc fmt`: rewrite giza step files from their steps, in their own template era.
struct FormatCommand: StepDocSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract:
            "Regenerate giza step files: both branches from one, numbers 1, 2, 3 …, underlines of the right length.",
        discussion: """
            Each giza step file is rewritten in its own template era and heading characters: the \
            branches, sequence-step divs and headings are written anew, each step's body is copied from \
            the chosen branch. A well-formed file comes back byte for byte. Files are replaced \
            atomically, keeping their permissions; `.. procedure::` and YAML files are left as they are. \
            Exit codes: 0 done (or nothing to change with --check), 1 a file would change (--check) or \
            cannot be regenerated safely, 2 unreadable input or usage error.
            """)

    /// The branch whose titles and bodies both branches get.
    enum SourceBranch: String, ExpressibleByArgument, CaseIterable {
        case html, text

        var branch: Branch { self == .html ? .html : .print }
    }

    @Argument(help: "Step files or folders of them (default: the 'content' of stepdoc.yml, or content/).")
    var paths: [String] = []

    @Option(name: .customLong("config"), help: "The configuration file (default: stepdoc.yml when present).")
    var configPath: String?

    @Flag(
        name: .customLong("check"), help: "Change nothing: print a diff for each file that would change, exit 1 if any."
    )
    var check = false

    @Option(
        name: .customLong("from"),
        help: "The branch to regenerate from: html (default) or text, the other builders' branch.")
    var from: SourceBranch = .html

    func validate() throws {
        if paths.contains("") || configPath == "" { throw ValidationError("an empty path names no file") }
    }

    func run(in terminal: Terminal) -> ExitStatus {
        let inputs = ProjectInputs(directory: terminal.directory, paths: paths, configPath: configPath)
        let result = FormatAction(inputs: inputs, checkOnly: check, from: from.branch).run()
        if let failure = result.stoppedBy {
            terminal.report(failure)
            return .stopped
        }
        terminal.reportFindings(result.discoveryDiagnostics)
        var changed = 0
        var untouched = 0
        for (path, outcome) in result.files {
            switch outcome {
            case .unchanged, .notGiza:
                untouched += 1
            case .wouldChange(let diff):
                changed += 1
                terminal.write(diff)
            case .formatted:
                changed += 1
                terminal.write("formatted \(path)\n")
            case .refused(let diagnostics, let file):
                terminal.reportFindings(diagnostics, sources: [file])
                terminal.writeError("\(path): not formatted: regenerating it would lose content\n")
            case .unreadable(let failure):
                terminal.report(failure)
            }
        }
        if check {
            let problems = result.files.count - changed - untouched
            var parts: [String] = []
            if changed > 0 {
                parts.append(
                    "\(changed == 1 ? "1 file" : "\(changed) files") would be reformatted (run `stepdoc fmt` to rewrite)"
                )
            }
            if changed == 0, untouched > 0 {
                parts.append("\(untouched == 1 ? "1 file" : "\(untouched) files") already formatted")
            }
            if problems > 0 { parts.append("\(problems == 1 ? "1 file" : "\(problems) files") not checked") }
            if !parts.isEmpty { terminal.writeError(parts.joined(separator: "; ") + "\n") }
        }
        return result.status
    }
}
