import ArgumentParser
import CorpusGen
import Foundation

@main
struct CorpusGenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus-gen",
        abstract: "Generate the deterministic giza step-file corpus for the stepdoc benchmarks.",
        discussion: """
            Writes, under --out:
              one-mib.rst                      1 MiB of steps (± 1%)
              ten-mib.rst                      10 MiB of steps (± 1%)
              files/step-0001.rst … step-2000.rst   about 5 KiB each
              MANIFEST.tsv                     seed, format version, bytes and steps per file
            With --markdown, also the same steps as CommonMark (each step once):
              markdown/one-mib.md, markdown/ten-mib.md, markdown/files/step-NNNN.md
            The same seed always gives the same bytes.
            """
    )

    @Option(help: "The seed; the same seed always gives the same bytes.")
    var seed: UInt64 = 1

    @Option(help: "The folder to write the corpus into (created if missing).")
    var out: String

    @Flag(help: "Also write the CommonMark twin of every file under <out>/markdown/.")
    var markdown = false

    @Option(help: "How many small files to write under <out>/files/.")
    var fileCount = 2000

    func validate() throws {
        guard fileCount >= 0 else { throw ValidationError("--file-count must not be negative") }
    }

    func run() throws {
        let writer = CorpusWriter(layout: CorpusLayout(fileCount: fileCount), seed: seed, markdown: markdown)
        var written: [CorpusWriter.WrittenInput] = []
        let elapsed = try ContinuousClock().measure {
            written = try writer.write(to: URL(fileURLWithPath: out, isDirectory: true))
        }
        let groups = Dictionary(grouping: written) {
            $0.input.name.hasPrefix("files/") ? "files/step-NNNN" : $0.input.name
        }
        for name in ["one-mib", "ten-mib", "files/step-NNNN"] {
            guard let entries = groups[name] else { continue }
            print(summary(of: entries, name: name))
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("seed \(seed), \(written.count) inputs written to \(out) in \(String(format: "%.2f", seconds)) s")
    }

    private func summary(of entries: [CorpusWriter.WrittenInput], name: String) -> String {
        let sizes = entries.map(\.rstBytes)
        var line = "\(name).rst: \(sizes.reduce(0, +)) bytes, \(entries.map(\.stepCount).reduce(0, +)) steps"
        if entries.count > 1 {
            line += " in \(entries.count) files of \(sizes.min() ?? 0)–\(sizes.max() ?? 0) bytes"
        }
        if markdown {
            line += "; markdown/\(name).md: \(entries.map(\.markdownBytes).reduce(0, +)) bytes"
        }
        return line
    }
}
