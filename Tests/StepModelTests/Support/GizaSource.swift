import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax

/// Giza files for formatting tests: the seed and the real corpus, read, changed and formatted.
enum GizaSource {
    /// The seed's text.
    static func seed() throws -> String {
        try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
    }

    /// The real corpus files by name (empty when `../shared` is absent).
    static func realFiles() throws -> [(name: String, bytes: [UInt8])] {
        try Fixtures.realCorpusFiles().map { ($0.lastPathComponent, try [UInt8](Data(contentsOf: $0))) }
    }

    /// `stepdoc fmt` on text.
    static func format(_ text: String, from branch: Branch = .html) throws(RegenerationRefusal) -> String {
        String(
            decoding: try GizaFormatter.format(SourceFile(path: "steps.rst", text: text), from: branch), as: UTF8.self)
    }

    /// The file lowered.
    static func procedure(_ text: String, path: String = "steps.rst") -> Procedure {
        var diagnostics: [Diagnostic] = []
        return Procedure(parsing: SourceFile(path: path, text: text), diagnostics: &diagnostics)
    }

    /// `text` with its `occurrence`-th (1-based) `target` replaced.
    static func replacing(_ target: String, with replacement: String, occurrence: Int, in text: String) -> String {
        var ranges: [Range<String.Index>] = []
        var searchStart = text.startIndex
        while let found = text.range(of: target, range: searchStart..<text.endIndex) {
            ranges.append(found)
            searchStart = found.upperBound
        }
        guard occurrence >= 1, occurrence <= ranges.count else { return text }
        var copy = text
        copy.replaceSubrange(ranges[occurrence - 1], with: replacement)
        return copy
    }
}
