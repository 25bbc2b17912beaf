import Foundation
import StepModel
import StepProject
import StepSyntax
import Testing

/// Included files are read from disk once per run (by resolved path), and again only when they change.
@Suite struct IncludeCacheTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "stepdoc-includes-\(UUID().uuidString)")

    private func write(_ text: String, to path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    @Test func readsAFileIncludedFromManyPlacesOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("Shared text.\n", to: "includes/shared.rst")
        try write("See also.\n\n.. include:: /includes/shared.rst\n", to: "includes/other.rst")
        let includes = FileSystemIncludes(sourceRoot: folder.path, reader: SourceReader())
        let body = String(repeating: ".. include:: /includes/shared.rst\n\n", count: 50)
            + ".. include:: includes/shared.rst\n\n.. include:: /includes/other.rst\n"
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: SourceFile(path: folder.appendingPathComponent("steps.rst").path, text: body),
            options: LoweringOptions(includes: includes), diagnostics: &diagnostics)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        #expect(procedure.looseContent.count == 52)
        #expect(includes.cache.reads == 2, "shared.rst and other.rst, each once: \(includes.cache.reads)")
    }

    @Test func readsAFileAgainWhenItChanged() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("First.\n", to: "a.rst")
        let includes = FileSystemIncludes(sourceRoot: folder.path, reader: SourceReader())
        let from = folder.appendingPathComponent("steps.rst").path
        guard case .file(let first) = includes.resolve("/a.rst", from: from) else {
            Issue.record("not read")
            return
        }
        try write("Second, longer.\n", to: "a.rst")
        guard case .file(let second) = includes.resolve("/a.rst", from: from) else {
            Issue.record("not read")
            return
        }
        #expect(String(decoding: first.bytes, as: UTF8.self) == "First.\n")
        #expect(String(decoding: second.bytes, as: UTF8.self) == "Second, longer.\n")
        #expect(includes.cache.reads == 2)
    }
}
