import Foundation
import StepModel
import StepSyntax

/// Resolves `include` paths on disk: `/includes/x.rst` from the source root, `x.rst` from the
/// including file's folder; nothing outside the source root is read.
public struct FileSystemIncludes: IncludeResolver {
    public let sourceRoot: String
    public let reader: SourceReader

    public init(sourceRoot: String, reader: SourceReader) {
        self.sourceRoot = sourceRoot
        self.reader = reader
    }

    public func resolve(_ path: String, from includingFile: String) -> IncludeResult {
        let candidate: String
        if path.hasPrefix("/") {
            candidate = (sourceRoot as NSString).appendingPathComponent(String(path.dropFirst()))
        } else {
            candidate = (includingFile.parentFolder as NSString).appendingPathComponent(path)
        }
        let normalized = (candidate as NSString).standardizingPath
        let rootReal =
            (URL(fileURLWithPath: reader.directory.resolve(sourceRoot)).resolvingSymlinksInPath().path as NSString)
            .standardizingPath
        let candidateReal = URL(fileURLWithPath: reader.directory.resolve(normalized)).resolvingSymlinksInPath().path
        guard candidateReal == rootReal || candidateReal.hasPrefix(rootReal.hasSuffix("/") ? rootReal : rootReal + "/")
        else {
            return .failure(.outsideSourceRoot(path: path, root: sourceRoot))
        }
        do {
            let bytes = try reader.readBytes(normalized)
            return .file(SourceFile(path: normalized, bytes: bytes))
        } catch {
            switch error {
            case .missingPath: return .failure(.missing(path: path))
            case .notAFile: return .failure(.isDirectory(path: path))
            case .tooLarge(_, _, let limit): return .failure(.tooLarge(path: path, limit: limit))
            case .unreadable(_, let reason): return .failure(.unreadable(path: path, reason: reason))
            default: return .failure(.unreadable(path: path, reason: error.description))
            }
        }
    }
}
