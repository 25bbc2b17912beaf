import ArgumentParser
import Foundation
import StepModel
import StepProject
import StepReports
import StepSyntax

/// `stepdoc convert`: write step files in another of the three formats.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert step files between giza reStructuredText, `.. procedure::` directives and giza YAML.",
        discussion: """
            Writes each converted file next to its input (or into --output): NAME.rst for giza and \
            procedure files, steps-NAME.yaml for YAML; when that would be the input itself, \
            NAME.giza.rst or NAME.procedure.rst. An input is never overwritten; outputs are written \
            atomically. A procedure file keeps the giza era, heading character and step numbers in a \
            `.. stepdoc: giza …` comment, so converting it back gives the giza file it came from. \
            Exit codes: 0 converted, 1 a file has no steps or cannot be converted safely, 2 unreadable \
            input, unwritable output or usage error.
            """)

    @Option(name: .customLong("to"), help: "The format to write: procedure, giza or yaml.")
    var target: ProcedureFormat

    @Argument(help: "Step files or folders of them (default: the 'content' of stepdoc.yml, or content/).")
    var paths: [String] = []

    @Option(name: .customLong("output"), help: "The folder to write into (default: next to each input).")
    var output: String?

    @Option(name: .customLong("config"), help: "The configuration file (default: stepdoc.yml when present).")
    var configPath: String?

    func run() throws {
        do {
            try convert()
        } catch let failure as StepDocFailure {
            throw fail(failure)
        }
    }

    private func convert() throws {
        let sources = try RewriteSources(paths: paths, configPath: configPath)
        let discovery = sources.discovery
        let pipeline = sources.pipeline
        var failed = false
        var refused = false
        for entry in discovery.entries {
            let file: SourceFile
            do {
                file = try pipeline.reader.read(entry.path)
            } catch {
                _ = fail(error)
                failed = true
                continue
            }
            let text: ProcedureText
            do {
                text = try Self.text(of: file, lowering: pipeline.lowering)
            } catch {
                RewriteSources.print(error.diagnostics, excerptsFrom: file)
                printError("\(file.path): not converted: writing it as \(target.rawValue) would lose content\n")
                refused = true
                continue
            }
            guard !text.steps.isEmpty else {
                printError("\(file.path): no steps to convert\n")
                refused = true
                continue
            }
            if target == .gizaYAML,
                text.steps.contains(where: { !$0.leading.isEmpty || $0.label != nil }) || !text.epilogue.isEmpty
            {
                printError(
                    "\(file.path): warning: YAML holds only steps; content outside them and labels are left out\n")
            }
            let path = Self.outputPath(for: file.path, format: target, folder: output)
            try AtomicWriter.write(Self.bytes(text, as: target), to: path)
            print("wrote \(path)")
        }
        if failed { finish(2) }
        finish(refused ? 1 : 0)
    }

    /// The file's steps as text, read in its own format.
    static func text(of file: SourceFile, lowering: LoweringOptions) throws(RegenerationRefusal) -> ProcedureText {
        if ProcedureFormat.byName(file.path) == .gizaYAML {
            return try ProcedureText(gizaYAML: file, options: lowering)
        }
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(parsing: file, options: lowering, diagnostics: &diagnostics)
        if procedure.format == .procedureDirective {
            return ProcedureText(procedureDirective: file, procedure: procedure)
        }
        return try ProcedureText(giza: file, procedure: procedure, lowering: diagnostics)
    }

    static func bytes(_ text: ProcedureText, as format: ProcedureFormat) -> [UInt8] {
        switch format {
        case .gizaRST: GizaWriter.bytes(text)
        case .procedureDirective: ProcedureDirectiveWriter.bytes(text)
        case .gizaYAML: GizaYAMLWriter.bytes(text)
        }
    }

    /// Where the conversion of `input` goes: beside it or in `folder`, named for the format, never
    /// the input itself.
    static func outputPath(for input: String, format: ProcedureFormat, folder: String?) -> String {
        let directory = folder ?? input.parentFolder
        var base = (input as NSString).lastPathComponent
        for suffix in [".procedure.rst", ".giza.rst", ".rst", ".yaml", ".yml", ".txt"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        let name: String
        let alternative: String
        switch format {
        case .gizaYAML:
            let stem = base.hasPrefix("steps-") ? base : "steps-" + base
            name = stem + ".yaml"
            alternative = stem + ".converted.yaml"
        case .gizaRST:
            name = base + ".rst"
            alternative = base + ".giza.rst"
        case .procedureDirective:
            name = base + ".rst"
            alternative = base + ".procedure.rst"
        }
        let candidate = (directory as NSString).appendingPathComponent(name)
        return isSameFile(candidate, input) ? (directory as NSString).appendingPathComponent(alternative) : candidate
    }

    private static func isSameFile(_ lhs: String, _ rhs: String) -> Bool {
        let left = URL(fileURLWithPath: lhs).standardizedFileURL.resolvingSymlinksInPath().path
        let right = URL(fileURLWithPath: rhs).standardizedFileURL.resolvingSymlinksInPath().path
        return left == right
    }
}

extension ProcedureFormat: ExpressibleByArgument {}
