import Foundation
import StepDocTestSupport
import StepModel
import StepRender
import StepSyntax
import Testing

/// stepdoc's plain text of the real corpus against Sphinx's text builder, word for word: the reference
/// is made here, by sphinx-build from the venv `make test` sets up in `.build/sphinx-venv`, with MongoDB's
/// roles declared in its conf.py (link roles as extlinks, object roles as literals).
@Suite(
    .enabled(if: Fixtures.sharedDirectory() != nil, "needs ../shared/corpus/real (present in CI)"),
    .enabled(if: SphinxVenv.sphinxBuild != nil, "needs sphinx-build in .build/sphinx-venv (make test)"))
struct SphinxTextComparisonTests {
    static var sphinxBuild: URL? { SphinxVenv.sphinxBuild }

    /// Words: runs of letters and digits, lowercased, counted.
    static func words(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                counts[word, default: 0] += 1
                word = ""
            }
        }
        if !word.isEmpty { counts[word, default: 0] += 1 }
        return counts
    }

    static func sphinxText(of files: [URL]) throws -> [String: String] {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("stepdoc-sphinx-\(UUID())")
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        for file in files {
            try FileManager.default.copyItem(at: file, to: project.appendingPathComponent(file.lastPathComponent))
        }
        let roles = try String(
            contentsOf: try #require(Fixtures.sharedDirectory()).appendingPathComponent("roles/mongodb-roles.tsv"),
            encoding: .utf8)
        var links: [String] = []
        var literals: [String] = []
        for line in roles.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5 else { continue }
            if fields[1] == "link" {
                links.append(
                    "    \(pythonString(fields[0])): (\(pythonString(fields[2].replacingOccurrences(of: "%", with: "%%").replacingOccurrences(of: "%%s", with: "%s"))), '%s'),"
                )
            } else if fields[4] == "code" {
                literals.append(pythonString(fields[0]))
            }
        }
        let conf = """
            extensions = ['sphinx.ext.extlinks']
            master_doc = 'index'
            exclude_patterns = []
            extlinks = {
            \(links.joined(separator: "\n"))
            }
            def setup(app):
                from docutils import nodes
                from docutils.parsers.rst import roles
                for name in [\(literals.joined(separator: ", "))]:
                    try:
                        app.add_role(name, roles.GenericRole(name, nodes.literal))
                    except Exception:
                        pass

            """
        try conf.write(to: project.appendingPathComponent("conf.py"), atomically: true, encoding: .utf8)
        let index =
            ".. toctree::\n   :hidden:\n\n"
            + files.map { "   " + $0.deletingPathExtension().lastPathComponent }
            .joined(separator: "\n") + "\n"
        try index.write(to: project.appendingPathComponent("index.rst"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = try #require(sphinxBuild)
        // `-t epub`: files of the 2014–17 era write their printed copy under `only:: latex or epub`, which
        // the text builder alone would leave out entirely (neither branch is for it).
        process.arguments = [
            "-q", "-b", "text", "-t", "epub", project.path, project.appendingPathComponent("_build").path,
        ]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        var texts: [String: String] = [:]
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            let url = project.appendingPathComponent("_build/\(name).txt")
            texts[name] = try String(contentsOf: url, encoding: .utf8)
        }
        return texts
    }

    static func pythonString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    @Test func plainTextHasTheWordsOfSphinxTextBuilder() throws {
        let files = Fixtures.realCorpusFiles()
        try #require(!files.isEmpty)
        let reference = try Self.sphinxText(of: files)
        var common = 0
        var theirs = 0
        var ours = 0
        var report: [String] = []
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            var diagnostics: [Diagnostic] = []
            let procedure = Procedure(
                parsing: SourceFile(path: file.path, bytes: [UInt8](try Data(contentsOf: file))),
                diagnostics: &diagnostics)
            // Sphinx's text builder writes link text without the URL, so links are compared as text alone.
            let options = RenderOptions(fragment: true).withTextLinks(.none)
            let text = PlainTextRenderer(options: options).render(procedure, title: "")
            let mine = Self.words(text)
            let sphinx = Self.words(try #require(reference[name]))
            let shared = mine.reduce(0) { $0 + min($1.value, sphinx[$1.key] ?? 0) }
            let mineTotal = mine.values.reduce(0, +)
            let sphinxTotal = sphinx.values.reduce(0, +)
            common += shared
            ours += mineTotal
            theirs += sphinxTotal
            let missing = sphinx.filter { $0.value > (mine[$0.key] ?? 0) }.map {
                "\($0.key)×\($0.value - (mine[$0.key] ?? 0))"
            }
            let extra = mine.filter { $0.value > (sphinx[$0.key] ?? 0) }.map {
                "\($0.key)×\($0.value - (sphinx[$0.key] ?? 0))"
            }
            report.append(
                "\(name): recall \(Double(shared) / Double(max(1, sphinxTotal))), precision \(Double(shared) / Double(max(1, mineTotal))); missing \(missing.sorted().prefix(20)); extra \(extra.sorted().prefix(20))"
            )
        }
        let recall = Double(common) / Double(max(1, theirs))
        let precision = Double(common) / Double(max(1, ours))
        let summary = "recall \(recall), precision \(precision) over \(theirs) Sphinx words and \(ours) of stepdoc's"
        #expect(recall >= 0.99 && precision >= 0.99, "\(summary)\n\(report.joined(separator: "\n"))")
        if ProcessInfo.processInfo.environment["STEPDOC_SHOW_SPHINX_COMPARISON"] != nil {
            Issue.record("\(summary)\n\(report.joined(separator: "\n"))")
        }
    }
}

/// The venv `make test` installs Sphinx into.
enum SphinxVenv {
    static var sphinxBuild: URL? {
        let url = Fixtures.projectRoot().appendingPathComponent(".build/sphinx-venv/bin/sphinx-build")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }
}
