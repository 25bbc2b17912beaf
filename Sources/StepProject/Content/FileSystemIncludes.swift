import Foundation
import StepModel
import StepSyntax

/// Resolves `include` paths on disk: `/includes/x.rst` from the source root, `x.rst` from the
/// including file's folder; nothing outside the source root is read.
public struct FileSystemIncludes: IncludeResolver {
    public let sourceRoot: String
    public let reader: SourceReader
    /// The files read so far in this run, each read from disk once.
    public let cache: IncludeCache

    public init(sourceRoot: String, reader: SourceReader, cache: IncludeCache = IncludeCache()) {
        self.sourceRoot = sourceRoot
        self.reader = reader
        self.cache = cache
    }

    public func resolve(_ path: String, from includingFile: String) -> IncludeResult {
        let found: (path: String, relative: String, real: String)
        switch pathUnderRoot(path, from: includingFile) {
        case .success(let located): found = located
        case .failure(let failure): return .failure(failure)
        }
        do {
            let reader = self.reader
            return .file(
                try cache.file(at: found.real, path: found.path) { () throws(StepDocFailure) in
                    try reader.readBytes(found.path)
                })
        } catch {
            switch error {
            case .missingPath: return .failure(.missing(path: path))
            case .notAFile: return .failure(.isDirectory(path: path))
            case .tooLarge(_, _, let limit): return .failure(.tooLarge(path: path, limit: limit))
            case .unreadable(_, let reason): return .failure(.unreadable(path: path, reason: reason))
            case .outsideServedFolders: return .failure(.outsideSourceRoot(path: path, root: sourceRoot))
            default: return .failure(.unreadable(path: path, reason: error.description))
            }
        }
    }

    /// The image a `figure` or `image` names, found as includes are (nothing outside the source root),
    /// not read: a build copies it, the preview serves it.
    public func locateImage(_ path: String, from includingFile: String) -> ImageLookup {
        switch pathUnderRoot(path, from: includingFile) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let found):
            var isFolder: ObjCBool = false
            let real = reader.directory.resolve(found.path)
            guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder) else {
                return .failure(.missing(path: path))
            }
            if isFolder.boolValue { return .failure(.isDirectory(path: path)) }
            guard FileManager.default.isReadableFile(atPath: real) else {
                return .failure(.unreadable(path: path, reason: "permission denied"))
            }
            return .file(ImageFile(path: found.path, relativePath: found.relative))
        }
    }

    /// `path` (`/x` from the source root, `x` from the including file's folder), normalized, with its
    /// path relative to the root once links are resolved; a failure when it lies outside the root.
    private func pathUnderRoot(_ path: String, from includingFile: String) -> LocatedPath {
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
        let rootPrefix = rootReal.hasSuffix("/") ? rootReal : rootReal + "/"
        guard candidateReal == rootReal || candidateReal.hasPrefix(rootPrefix) else {
            return .failure(.outsideSourceRoot(path: path, root: sourceRoot))
        }
        return .success(
            (
                path: normalized, relative: String(candidateReal.dropFirst(min(candidateReal.count, rootPrefix.count))),
                real: candidateReal
            ))
    }
}

/// A path found under the source root, or why not.
private enum LocatedPath {
    case success((path: String, relative: String, real: String))
    case failure(IncludeFailure)
}
