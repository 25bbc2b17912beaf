import Foundation

/// Paths the tests read: fixtures beside the test files, and the shared corpus beside the project.
public enum Fixtures {
    /// The project root, found from a test file's `#filePath` (…/Tests/<Target>/<file>.swift).
    public static func projectRoot(testFile: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: testFile)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// `Tests/<Target>/Fixtures`, next to the calling test file.
    public static func directory(testFile: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
        while url.lastPathComponent != "Tests", url.pathComponents.count > 1 {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Fixtures").path) {
                return url.appendingPathComponent("Fixtures")
            }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// `../shared` beside the project (present in CI, absent in a user's clone).
    public static func sharedDirectory(testFile: String = #filePath) -> URL? {
        let url = projectRoot(testFile: testFile).deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The real giza files of `../shared/corpus/real`, or an empty list when the corpus is absent.
    public static func realCorpusFiles(testFile: String = #filePath) -> [URL] {
        guard let shared = sharedDirectory(testFile: testFile) else { return [] }
        let folder = shared.appendingPathComponent("corpus/real")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".rst") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The seed step file shipped in `content/`.
    public static func seedFile(testFile: String = #filePath) -> URL {
        projectRoot(testFile: testFile).appendingPathComponent("content/atlas-live-migration-prerequisites.rst")
    }
}
