import Foundation
import StepRender
import StepSyntax

/// Reads a template set: the built-in set of that name (``BuiltinTemplates``), with every `*.mustache`
/// file and `style.css` of the project's `templates/NAME/` put in its place, file by file.
///
/// A folder alone is a set of its own (a name stepdoc does not ship), a built-in set alone is used as
/// it is, and a name that is neither is an error listing what there is.
public enum TemplateLoader {
    /// Loads set `name`. With `folderRequired` (the folder was named on the command line), a missing
    /// `directory` is an error rather than a quiet fallback to the built-in sets. `confinement`, when
    /// given, limits every read to some folders, checked on the file opened (the preview reads templates
    /// again on every change).
    public static func load(
        directory: String, name: String, folderRequired: Bool = false, in workingDirectory: WorkingDirectory = .current,
        confinement: ReadConfinement? = nil
    ) throws(StepDocFailure) -> TemplateSet {
        let reader = SourceReader(directory: workingDirectory, confinement: confinement)
        if folderRequired && !isFolder(workingDirectory.resolve(directory)) {
            throw .templates("\(directory): no such template folder")
        }
        let folder = (directory as NSString).appendingPathComponent(name)
        let builtin = BuiltinTemplates.files(ofSet: name)
        var sources: [String: (path: String, text: String)] = [:]
        var stylesheet = ""
        for (file, text) in builtin ?? [:] {
            let path = BuiltinTemplates.displayPath(set: name, file: file)
            if file == "style.css" {
                stylesheet = text
            } else if file.hasSuffix(".mustache") {
                sources[String(file.dropLast(".mustache".count))] = (path, text)
            }
        }
        if isFolder(workingDirectory.resolve(folder)) {
            let names =
                ((try? FileManager.default.contentsOfDirectory(atPath: workingDirectory.resolve(folder))) ?? [])
                .sorted()
            for file in names where file.hasSuffix(".mustache") || file == "style.css" {
                let path = (folder as NSString).appendingPathComponent(file)
                let bytes = try reader.readBytes(path)
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    // At the first bad byte, as for a step file.
                    let file = SourceFile(path: path, bytes: bytes)
                    let offset = file.invalidUTF8Offsets.first ?? 0
                    let location = file.location(ofOffset: offset)
                    throw .invalidUTF8(path: path, line: location.line, column: location.column, offset: offset)
                }
                if file == "style.css" {
                    stylesheet = text
                } else {
                    sources[String(file.dropLast(".mustache".count))] = (path, text)
                }
            }
        } else if builtin == nil {
            throw .templates("\(folder): no template set '\(name)'; \(available(in: directory, workingDirectory))")
        }
        do {
            return try TemplateSet(name: name, sources: sources, stylesheet: stylesheet)
        } catch {
            switch error {
            case .missingTemplate(_, let template):
                throw .templates("\((folder as NSString).appendingPathComponent(template)): missing template")
            case .syntax(let path, let line, let column, let message):
                throw .templateSyntax(path: path, line: line, column: column, message: message)
            }
        }
    }

    /// The sets there are: built in, and in the project's folder.
    private static func available(in directory: String, _ workingDirectory: WorkingDirectory) -> String {
        let folders =
            ((try? FileManager.default.contentsOfDirectory(atPath: workingDirectory.resolve(directory))) ?? [])
            .filter { !$0.hasPrefix(".") && isFolder(workingDirectory.resolve("\(directory)/\($0)")) }.sorted()
        var text = "built in: \(BuiltinTemplates.setNames.joined(separator: ", "))"
        if !folders.isEmpty { text += "; in '\(directory)': \(folders.joined(separator: ", "))" }
        return text
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
