import Foundation
import StepRender

/// Reads a template set from `templates/NAME/`: every `*.mustache` file, and `style.css`.
public enum TemplateLoader {
    /// `confinement`, when given, limits every read to some folders, checked on the file opened (the
    /// preview reads templates again on every change).
    public static func load(
        directory: String, name: String, in workingDirectory: WorkingDirectory = .current,
        confinement: ReadConfinement? = nil
    ) throws(StepDocFailure) -> TemplateSet {
        let reader = SourceReader(directory: workingDirectory, confinement: confinement)
        let folder = (directory as NSString).appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: workingDirectory.resolve(folder), isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            let available =
                (try? FileManager.default.contentsOfDirectory(atPath: workingDirectory.resolve(directory)))?
                .filter { !$0.hasPrefix(".") }.sorted() ?? []
            let hint = available.isEmpty ? "" : " (available: \(available.joined(separator: ", ")))"
            throw .templates("\(folder): no template set '\(name)' in '\(directory)'\(hint)")
        }
        let names =
            ((try? FileManager.default.contentsOfDirectory(atPath: workingDirectory.resolve(folder))) ?? []).sorted()
        var sources: [String: (path: String, text: String)] = [:]
        for file in names where file.hasSuffix(".mustache") {
            let path = (folder as NSString).appendingPathComponent(file)
            guard let text = String(validating: try reader.readBytes(path), as: UTF8.self) else {
                throw .unreadable(path: path, reason: "not UTF-8")
            }
            sources[String(file.dropLast(".mustache".count))] = (path, text)
        }
        let cssPath = (folder as NSString).appendingPathComponent("style.css")
        let stylesheet = (try? reader.readBytes(cssPath)).flatMap { String(validating: $0, as: UTF8.self) } ?? ""
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
}
