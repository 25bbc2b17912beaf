import Synchronization
import StepModel
import StepSyntax
import Testing

/// `limits.max-included-bytes`: the included text one file reads in all, each include counted every
/// time, so an include bomb (each level including the next many times) stops after a bounded amount of
/// work with one finding, instead of running for minutes.
@Suite struct IncludeBudgetTests {
    /// Serves files from memory and counts how often it is asked.
    final class CountingIncludes: IncludeResolver {
        let files: [String: String]
        private let count = Atomic<Int>(0)

        init(_ files: [String: String]) { self.files = files }

        var resolves: Int { count.load(ordering: .relaxed) }

        func resolve(_ path: String, from includingFile: String) -> IncludeResult {
            count.add(1, ordering: .relaxed)
            guard let text = files[path] else { return .failure(.missing(path: path)) }
            return .file(SourceFile(path: path, text: text))
        }
    }

    /// `levels` files where each includes the next `fanOut` times; the last holds a line of text.
    static func bomb(levels: Int, fanOut: Int) -> [String: String] {
        var files: [String: String] = [:]
        for level in 1..<levels {
            files["/b\(level).rst"] = String(
                repeating: "Level \(level).\n\n.. include:: /b\(level + 1).rst\n\n", count: fanOut)
        }
        files["/b\(levels).rst"] = "Some text at the bottom of the bomb.\n"
        return files
    }

    /// The findings, and how many includes were read into the procedure.
    static func read(_ includes: CountingIncludes, limit: Int) -> ([Diagnostic], Int) {
        var options = LoweringOptions(includes: includes)
        options.maximumIncludedBytes = limit
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: SourceFile(path: "t.rst", text: "Start.\n\n.. include:: /b1.rst\n"),
            options: options, diagnostics: &diagnostics)
        return (diagnostics, readIncludes(procedure.looseContent))
    }

    static func readIncludes(_ blocks: [Block]) -> Int {
        blocks.reduce(0) { count, block in
            guard case .include(let include) = block.kind else { return count }
            return count + (include.resolvedPath == nil ? 0 : 1) + readIncludes(include.body)
        }
    }

    @Test func stopsAnIncludeBombWithOneFindingAfterBoundedWork() throws {
        // 10⁵ includes without the budget; 64 KiB of 40-byte lines allows about 2,000.
        let includes = CountingIncludes(Self.bomb(levels: 6, fanOut: 10))
        let (diagnostics, read) = Self.read(includes, limit: 64 * 1024)
        let findings = diagnostics.filter { $0.id == .limitsIncludedBytes }
        #expect(findings.count == 1, "\(diagnostics.prefix(5))")
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.summary.hasPrefix("included text exceeds 65536 bytes in all") == true)
        // Each include counts at least 1 KiB: 64 of them, of the 111,110 the files name.
        #expect(read == 64, "\(read) includes read")
        #expect(includes.resolves == 6, "each file is found once: \(includes.resolves)")
    }

    @Test func readsIncludesWithinTheBudgetAsBefore() {
        let includes = CountingIncludes(Self.bomb(levels: 3, fanOut: 3))
        let (diagnostics, read) = Self.read(includes, limit: LoweringOptions.defaultMaximumIncludedBytes)
        #expect(!diagnostics.contains { $0.id == .limitsIncludedBytes || $0.severity == .error }, "\(diagnostics)")
        #expect(read == 1 + 3 + 9)
    }

    @Test func countsLiteralIncludesToo() {
        let includes = CountingIncludes(["/big.txt": String(repeating: "x = 1\n", count: 1_000)])
        var options = LoweringOptions(includes: includes)
        options.maximumIncludedBytes = 10_000
        var diagnostics: [Diagnostic] = []
        let text = String(repeating: ".. literalinclude:: /big.txt\n\n", count: 3)
        _ = Procedure(parsing: SourceFile(path: "t.rst", text: text), options: options, diagnostics: &diagnostics)
        #expect(diagnostics.filter { $0.id == .limitsIncludedBytes }.count == 1, "\(diagnostics)")
    }
}
