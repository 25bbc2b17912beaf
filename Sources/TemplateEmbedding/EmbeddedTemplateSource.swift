import Foundation
import StepEscaping

/// The Swift source that compiles the template sets of `templates/` into stepdoc, so the binary works in
/// a folder that has none (`Sources/StepRender/Templates/BuiltinTemplates+Files.swift`).
///
/// `make templates` writes it (through `generate-templates`); a drift test compares it with what this
/// type makes from the folder now and names that command when they differ.
public enum EmbeddedTemplateSource {
    /// Where the generated file lives, relative to the package root.
    public static let generatedPath = "Sources/StepRender/Templates/BuiltinTemplates+Files.swift"
    /// The command that rewrites it.
    public static let command = "make templates"

    /// A file of a template set: `*.mustache`, and `style.css`.
    static func isTemplateFile(_ name: String) -> Bool {
        name.hasSuffix(".mustache") || name == "style.css"
    }

    /// Why the folder could not be embedded.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The source for every set under `folder` (each subfolder a set), its files in name order.
    public static func generate(fromFolder folder: String) throws(Failure) -> String {
        let manager = FileManager.default
        guard let setNames = try? manager.contentsOfDirectory(atPath: folder) else {
            throw Failure(description: "\(folder): cannot list the template folder")
        }
        var sets: [(name: String, files: [(name: String, text: String)])] = []
        for setName in setNames.sorted() where !setName.hasPrefix(".") {
            let setFolder = (folder as NSString).appendingPathComponent(setName)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: setFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            let names = ((try? manager.contentsOfDirectory(atPath: setFolder)) ?? []).filter(isTemplateFile).sorted()
            var files: [(String, String)] = []
            for name in names {
                let path = (setFolder as NSString).appendingPathComponent(name)
                guard let data = manager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw Failure(description: "\(path): cannot read, or not UTF-8")
                }
                files.append((name, text))
            }
            sets.append((setName, files))
        }
        return source(sets)
    }

    static func source(_ sets: [(name: String, files: [(name: String, text: String)])]) -> String {
        var out = """
            // Generated from templates/ by `\(command)`; do not edit. BuiltinTemplatesDriftTests fails when
            // this file and the folder differ.

            extension BuiltinTemplates {
                /// Set name → file name → text.
                static let files: [String: [String: String]] = [

            """
        for set in sets {
            out += "        \(TextEscaping.swiftString(set.name)): [\n"
            for file in set.files {
                out += "            \(TextEscaping.swiftString(file.name)): \(identifier(set.name, file.name))"
                out += ".joined(separator: \"\\n\"),\n"
            }
            out += "        ],\n"
        }
        out += "    ]\n"
        for set in sets {
            for file in set.files {
                out += "\n    private static let \(identifier(set.name, file.name)): [String] = [\n"
                // Split on the byte: "\r\n" is one Character, and a CRLF file must keep its line ends.
                for line in file.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                    out += "        \(TextEscaping.swiftString(String(decoding: line, as: UTF8.self))),\n"
                }
                out += "    ]\n"
            }
        }
        return out + "}\n"
    }

    /// `default` + `page.mustache` → `defaultPageMustache`.
    static func identifier(_ set: String, _ file: String) -> String {
        let words = (set + " " + file).split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        var name = ""
        for (index, word) in words.enumerated() {
            name += index == 0 ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }
        if let first = name.first, first.isNumber { name = "_" + name }
        return name
    }
}
