import StepSyntax

/// Reads the files that `include` and `literalinclude` directives name.
///
/// The model does no file IO of its own: the command line passes a resolver that reads from disk
/// under a source root, tests pass one that serves text from memory.
public protocol IncludeResolver: Sendable {
    /// The file `path` (as written in the directive) names, seen from `includingFile`.
    func resolve(_ path: String, from includingFile: String) -> IncludeResult

    /// The image file `path` (as written in a `figure` or `image`) names, seen from `includingFile`,
    /// without reading it.
    func locateImage(_ path: String, from includingFile: String) -> ImageLookup
}

public enum ImageLookup: Sendable, Equatable {
    case file(ImageFile)
    case failure(IncludeFailure)
}

extension IncludeResolver {
    /// Resolvers that serve no images find none.
    public func locateImage(_ path: String, from includingFile: String) -> ImageLookup {
        .failure(.missing(path: path))
    }
}

public enum IncludeResult: Sendable {
    case file(SourceFile)
    case failure(IncludeFailure)
}

/// Why an included file could not be read.
public enum IncludeFailure: Sendable, Equatable {
    case missing(path: String)
    case outsideSourceRoot(path: String, root: String)
    case isDirectory(path: String)
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, limit: Int)

    public var summary: String {
        switch self {
        case .missing(let path): "included file '\(path)' does not exist"
        case .outsideSourceRoot(let path, let root): "included file '\(path)' is outside the source root '\(root)'"
        case .isDirectory(let path): "included path '\(path)' is a directory, not a file"
        case .unreadable(let path, let reason): "included file '\(path)' cannot be read: \(reason)"
        case .tooLarge(let path, let limit): "included file '\(path)' is larger than the limit of \(limit) bytes"
        }
    }
}

/// A resolver with no files: every include is missing. For reading a file on its own.
public struct NoIncludes: IncludeResolver {
    public init() {}

    public func resolve(_ path: String, from includingFile: String) -> IncludeResult {
        .failure(.missing(path: path))
    }
}

/// A resolver serving files from memory, keyed by the path as written (for tests and previews).
public struct InMemoryIncludes: IncludeResolver {
    public var files: [String: String]
    /// Image paths as written that exist.
    public var images: Set<String>

    public init(_ files: [String: String], images: Set<String> = []) {
        self.files = files
        self.images = images
    }

    public func resolve(_ path: String, from includingFile: String) -> IncludeResult {
        guard let text = files[path] else { return .failure(.missing(path: path)) }
        return .file(SourceFile(path: path, text: text))
    }

    public func locateImage(_ path: String, from includingFile: String) -> ImageLookup {
        guard images.contains(path) else { return .failure(.missing(path: path)) }
        let relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return .file(ImageFile(path: path, relativePath: relative))
    }
}
