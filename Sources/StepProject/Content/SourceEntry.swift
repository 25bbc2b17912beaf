/// A step source to process: where it is, and the name its outputs get.
public struct SourceEntry: Sendable, Equatable {
    /// The path as shown in diagnostics (as the user named it, joined with the path inside a folder).
    public var path: String
    /// The content folder it was found in (its own folder for a file named directly).
    public var root: String
    /// The path relative to `root` without its extension: `output/html/NAME.html`.
    public var name: String

    public init(path: String, root: String, name: String) {
        self.path = path
        self.root = root
        self.name = name
    }
}
