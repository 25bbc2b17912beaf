import Foundation
import StepDocTestSupport
import StepSyntax
import Testing

@Suite struct RealCorpusSyntaxTests {
    @Test(.needsRealCorpus) func realFilesParseWithoutWarnings() throws {
        let files = Fixtures.realCorpusFiles()
        if files.isEmpty {
            Issue.record("the trait said ../shared was here, but it is not")
            return
        }
        for url in files {
            let tree = SyntaxTree(
                parsing: SourceFile(path: url.lastPathComponent, bytes: try [UInt8](Data(contentsOf: url))))
            #expect(
                tree.diagnostics.isEmpty,
                "\(url.lastPathComponent): \(tree.diagnostics.map { "\($0.location?.range.lowerBound.description ?? "") \($0.summary)" })"
            )
            if ProcessInfo.processInfo.environment["DUMP_CORPUS"] == "1" {
                try tree.dump.rendered.write(
                    toFile: "/tmp/dump-\(url.lastPathComponent).txt", atomically: true, encoding: .utf8)
            }
        }
    }
}
