import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// giza's output is deterministic: formatting a well-formed file gives back the same bytes.
@Suite struct GizaFormatterIdentityTests {
    @Test func leavesTheSeedByteForByte() throws {
        let url = Fixtures.seedFile()
        let bytes = try [UInt8](Data(contentsOf: url))
        let formatted = try GizaFormatter.format(SourceFile(path: url.lastPathComponent, bytes: bytes))
        #expect(formatted == bytes, "\(lineDiff(String(decoding: bytes, as: UTF8.self), String(decoding: formatted, as: UTF8.self)))")
    }

    @Test func leavesEveryRealFileByteForByteButRenumbersGaps() throws {
        let files = Fixtures.realCorpusFiles()
        guard !files.isEmpty else {
            print("⚠︎ skipping fmt identity on the real corpus: ../shared/corpus/real is absent (it is there in CI)")
            return
        }
        for url in files {
            let bytes = try [UInt8](Data(contentsOf: url))
            let formatted = try GizaFormatter.format(SourceFile(path: url.lastPathComponent, bytes: bytes))
            let before = String(decoding: bytes, as: UTF8.self)
            let after = String(decoding: formatted, as: UTF8.self)
            #expect(formatted == bytes, "\(url.lastPathComponent):\n\(lineDiff(before, after))")
        }
    }
}
