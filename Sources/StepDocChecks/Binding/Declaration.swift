/// Where a check or an enforced value is declared in Swift source, for notes that point at the code.
public struct Declaration: Sendable, Hashable {
    /// The path: as `#filePath` gives it when captured, relative to the package root once
    /// ``relativeToPackageRoot()`` has made it so (as manifests carry it).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column in UTF-8 bytes. For a ``Check`` it is the opening parenthesis of the `Check(` call (what
    /// `#column` gives); for an ``EnforcedValue`` the first byte after its opening parenthesis: the literal
    /// of the value itself, as in `.minimumVersion("2.6")`.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension Declaration: CustomStringConvertible {
    /// `file:line:column`.
    public var description: String {
        "\(file):\(line):\(column)"
    }
}

extension Declaration {
    /// The declaration with its path relative to the root of the Swift package that holds it: the nearest
    /// folder above the file with a `Package.swift`, when the file is on this machine; otherwise the path
    /// from its last `Sources/` or `Tests/` component (SwiftPM's layout). A relative path stays as it is.
    public func relativeToPackageRoot() -> Declaration {
        var relative = self
        relative.file = PackageRoot.relativePath(of: file)
        return relative
    }
}

/// Finds the package root of a source path.
enum PackageRoot {
    static func relativePath(of path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var rest: [String] = []
        while components.count > 1 {
            rest.insert(components.removeLast(), at: 0)
            let folder = components.joined(separator: "/")
            if FileSystem.isFile(folder + "/Package.swift") {
                return rest.joined(separator: "/")
            }
        }
        let all = path.split(separator: "/").map(String.init)
        if let layout = all.lastIndex(where: { $0 == "Sources" || $0 == "Tests" }) {
            return all[layout...].joined(separator: "/")
        }
        return path
    }
}
