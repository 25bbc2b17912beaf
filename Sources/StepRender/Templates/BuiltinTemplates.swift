/// The template sets compiled into stepdoc (`default` and `giza`), so it renders styled pages in a folder
/// that has no `templates/`. A project's `templates/NAME/` overrides a set file by file.
///
/// The text comes from the repository's `templates/` through `make templates`
/// (``BuiltinTemplates/files`` lives in the generated `BuiltinTemplates+Files.swift`).
public enum BuiltinTemplates {
    /// The folder of the preview's own pages (its index and the overlay it adds to every page): not a
    /// set a project renders with, so neither listed nor loadable as one.
    public static let previewFolder = "preview"

    /// The names of the built-in sets, sorted.
    public static var setNames: [String] { files.keys.filter { $0 != previewFolder }.sorted() }

    /// The files of a built-in set (file name → text), or `nil` when no set has that name.
    public static func files(ofSet name: String) -> [String: String]? {
        name == previewFolder ? nil : files[name]
    }

    /// A template of the preview's own pages (`index.mustache`, `overlay.mustache`).
    public static func previewTemplate(_ file: String) -> String? {
        files[previewFolder]?[file]
    }

    /// How messages name a built-in file, where a project's files have a path.
    public static func displayPath(set: String, file: String) -> String {
        "(built-in)/\(set)/\(file)"
    }
}
