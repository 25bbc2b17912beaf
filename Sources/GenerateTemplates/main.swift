import Foundation
import TemplateEmbedding

// `make templates`: rewrites the built-in template sets from templates/. Run from the package root.
let root = CommandLine.arguments.dropFirst().first ?? FileManager.default.currentDirectoryPath
do {
    let source = try EmbeddedTemplateSource.generate(fromFolder: (root as NSString).appendingPathComponent("templates"))
    let path = (root as NSString).appendingPathComponent(EmbeddedTemplateSource.generatedPath)
    try Data(source.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    print("wrote \(EmbeddedTemplateSource.generatedPath)")
} catch {
    FileHandle.standardError.write(Data("generate-templates: \(error)\n".utf8))
    exit(1)
}
