import Foundation
import StepRender

/// `stepdoc templates export DIR`: writes the built-in template sets into `DIR/NAME/`, as a starting
/// point for a project's own (`templates/NAME/` overrides a set file by file).
///
/// Nothing that exists is replaced unless asked (`force`): every file is checked before the first is
/// written, so a refusal leaves the folder exactly as it was.
public struct TemplateExportAction: Sendable {
    public var directory: WorkingDirectory
    /// The folder the sets go into (each in a subfolder of its name).
    public var folder: String
    /// The sets to write; empty means every built-in set.
    public var sets: [String]
    /// Whether existing files are replaced.
    public var force: Bool

    public init(directory: WorkingDirectory = .current, folder: String, sets: [String] = [], force: Bool = false) {
        self.directory = directory
        self.folder = folder
        self.sets = sets
        self.force = force
    }

    public struct Result: Sendable {
        /// The files written, in order.
        public var written: [String]
        public var failure: StepDocFailure?
        public var status: ExitStatus
    }

    public func run() -> Result {
        do throws(StepDocFailure) {
            return Result(written: try export(), failure: nil, status: .clean)
        } catch {
            return Result(written: [], failure: error, status: .stopped)
        }
    }

    private func export() throws(StepDocFailure) -> [String] {
        guard !folder.isEmpty else { throw .usage("an empty path names no folder") }
        let names = sets.isEmpty ? BuiltinTemplates.setNames : sets
        var files: [(path: String, text: String)] = []
        for name in names {
            guard let set = BuiltinTemplates.files(ofSet: name) else {
                throw .usage(
                    "no built-in template set '\(name)'; the built-in sets are "
                        + BuiltinTemplates.setNames.joined(separator: ", "))
            }
            for (file, text) in set.sorted(by: { $0.key < $1.key }) {
                files.append(("\(folder)/\(name)/\(file)", text))
            }
        }
        if !force {
            let existing = files.map(\.path).filter { path in
                var info = stat()
                return lstat(directory.resolve(path), &info) == 0
            }
            if let first = existing.first {
                let more = existing.count > 1 ? " (and \(existing.count - 1) more)" : ""
                throw .outputNotWritable(
                    path: first, reason: "the file exists\(more); --force replaces what is there")
            }
        }
        for name in names { try AtomicWriter.makeDirectory("\(folder)/\(name)", in: directory) }
        for file in files { try AtomicWriter.write(file.text, to: file.path, in: directory) }
        return files.map(\.path)
    }
}
