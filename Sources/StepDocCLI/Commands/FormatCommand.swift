import ArgumentParser
import Foundation
import StepModel
import StepProject
import StepReports
import StepSyntax

/// `stepdoc fmt`: rewrite giza step files from their steps, in their own template era.
struct FormatCommand: ParsableCommand {
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

    func run() throws {
        do {
            try format()
        } catch let failure as StepDocFailure {
            throw fail(failure)
        }
    }

    private func format() throws {
        let sources = try RewriteSources(paths: paths, configPath: configPath)
        let discovery = sources.discovery
        let pipeline = sources.pipeline
        var unreadable = 0
        var refused = 0
        var changed: [String] = []
        for entry in discovery.entries {
            let file: SourceFile
            do {
                file = try pipeline.reader.read(entry.path)
            } catch {
                _ = fail(error)
                unreadable += 1
                continue
            }
            guard ProcedureFormat.byName(file.path) == .gizaRST else { continue }
            var diagnostics: [Diagnostic] = []
            let procedure = Procedure(parsing: file, options: pipeline.lowering, diagnostics: &diagnostics)
            let formatted: [UInt8]
            do {
                formatted = try GizaFormatter.format(
                    file, procedure: procedure, lowering: diagnostics, from: from.branch)
            } catch {
                RewriteSources.print(error.diagnostics, excerptsFrom: file)
                printError("\(file.path): not formatted: regenerating it would lose content\n")
                refused += 1
                continue
            }
            guard formatted != file.bytes else { continue }
            changed.append(file.path)
            if check {
                print(
                    FileDiff(old: file.bytes, new: formatted).render(
                        oldLabel: "a/" + file.path, newLabel: "b/" + file.path),
                    terminator: "")
            } else {
                try Self.replace(file.path, with: formatted)
                print("formatted \(file.path)")
            }
        }
        let total = discovery.entries.count
        if check {
            let count = changed.count
            printError(
                count == 0
                    ? "\(total == 1 ? "1 file" : "\(total) files") already formatted\n"
                    : "\(count == 1 ? "1 file" : "\(count) files") would be reformatted (run `stepdoc fmt` to rewrite)\n"
            )
        }
        if unreadable > 0 { finish(2) }
        finish(refused > 0 || (check && !changed.isEmpty) ? 1 : 0)
    }

    /// Replaces the file (the target of a symbolic link, not the link) atomically, keeping its mode.
    static func replace(_ path: String, with bytes: [UInt8]) throws(StepDocFailure) {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var info = stat()
        let mode = stat(target, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        try AtomicWriter.write(bytes, to: target, permissions: mode, exactPermissions: true)
    }
}
