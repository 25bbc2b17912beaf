import CorpusGen
import Foundation
import Testing

@Suite struct CorpusWriterTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "corpus-gen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func writesTheLayoutAndAManifest() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layout = CorpusLayout(fileCount: 3)
        let written = try CorpusWriter(layout: layout, seed: 9, markdown: true).write(to: folder)

        let expected = [
            "one-mib.rst", "ten-mib.rst", "files/step-0001.rst", "files/step-0002.rst", "files/step-0003.rst",
            "markdown/one-mib.md", "markdown/ten-mib.md", "markdown/files/step-0001.md", "markdown/files/step-0003.md",
            "MANIFEST.tsv",
        ]
        for path in expected {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "missing \(path)")
        }
        let oneMiB = try Data(contentsOf: folder.appendingPathComponent("one-mib.rst"))
        #expect(Array(oneMiB) == layout.generate(layout.inputs[0], seed: 9, markdown: false).rst)

        let manifest = try String(contentsOf: folder.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        let lines = manifest.split(separator: "\n")
        #expect(lines.first == "# corpus-gen format=\(CorpusWriter.formatVersion) seed=9 markdown=yes")
        #expect(lines.count == 2 + 2 * written.count)
        #expect(lines.contains("one-mib.rst\t\(oneMiB.count)\t\(written[0].stepCount)"))
    }

    @Test func writesNoMarkdownUnlessAsked() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CorpusWriter(layout: CorpusLayout(fileCount: 1), seed: 1, markdown: false).write(to: folder)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("markdown").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("files/step-0001.rst").path))
    }
}
