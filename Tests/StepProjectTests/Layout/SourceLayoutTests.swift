import Foundation
import StepDocTestSupport
import Testing

/// `Sources/README.md` draws the module graph and says where each behaviour lives; these tests keep
/// it true of the code.
@Suite struct SourceLayoutTests {
    static let root = Fixtures.projectRoot()
    static let system: Set<String> = [
        "Foundation", "FoundationEssentials", "Glibc", "Musl", "Darwin", "Synchronization", "Dispatch",
    ]

    static func readme() throws -> String {
        try String(contentsOf: root.appendingPathComponent("Sources/README.md"), encoding: .utf8)
    }

    /// The modules of `Sources/` that hold Swift, with what their files import.
    static func actualImports() throws -> [String: Set<String>] {
        let sources = root.appendingPathComponent("Sources")
        var imports: [String: Set<String>] = [:]
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let folder = sources.appendingPathComponent(module)
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            var found: Set<String> = []
            var hasSwift = false
            for case let path as String in walker where path.hasSuffix(".swift") {
                hasSwift = true
                let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ").map(String.init)
                    guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                        words[..<index].allSatisfy({ $0.hasPrefix("@") || $0 == "public" || $0 == "package" })
                    else { continue }
                    let name = words[index + 1]
                    if !system.contains(name) { found.insert(name) }
                }
            }
            if hasSwift { imports[module] = found }
        }
        return imports
    }

    /// The `Imports` list of `Sources/README.md`: "- `Module` → `A`, `B`" or "→ nothing".
    static func documentedImports() throws -> [String: Set<String>] {
        var documented: [String: Set<String>] = [:]
        for line in try readme().split(separator: "\n") where line.hasPrefix("- `") && line.contains(" → ") {
            let parts = line.dropFirst(2).components(separatedBy: " → ")
            let module = parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let targets =
                parts[1] == "nothing"
                ? [] : parts[1].components(separatedBy: ", ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            documented[module] = Set(targets)
        }
        return documented
    }

    @Test func theDrawnGraphIsTheCodesGraph() throws {
        let actual = try Self.actualImports()
        let documented = try Self.documentedImports()
        #expect(Set(actual.keys) == Set(documented.keys), "modules in Sources/ vs Sources/README.md")
        for (module, imports) in actual.sorted(by: { $0.key < $1.key }) {
            #expect(imports == documented[module], "\(module) imports \(imports.sorted())")
        }
    }

    @Test func onlyThePreviewTalksToSockets() throws {
        let users = try Self.actualImports().filter { $0.value.contains("FlyingSocks") }.map(\.key)
        #expect(users == ["StepPreview"])
    }

    @Test func theGraphHasNoCycle() throws {
        let graph = try Self.actualImports()
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ module: String, _ path: [String]) {
            if state[module] == 2 { return }
            if state[module] == 1 {
                Issue.record("import cycle: \((path + [module]).joined(separator: " → "))")
                return
            }
            state[module] = 1
            for next in graph[module, default: []].sorted() { visit(next, path + [module]) }
            state[module] = 2
        }
        for module in graph.keys.sorted() { visit(module, []) }
    }

    /// A newcomer finds each behaviour from the table, and the table names files that exist.
    @Test func everyBehaviourNamesAFileThatExists() throws {
        let rows = try Self.readme().split(separator: "\n").filter { $0.hasPrefix("| ") && $0.hasSuffix("` |") }
        #expect(rows.count >= 8)
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let path = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            #expect(
                FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("Sources/\(path)").path),
                "\(cells[0]): Sources/\(path) does not exist")
        }
    }

    /// The CLI stays commands, options and terminal IO.
    @Test func theCommandLineModuleStaysThin() throws {
        let folder = Self.root.appendingPathComponent("Sources/StepDocCLI")
        var lines = 0
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)! where path.hasSuffix(".swift") {
            lines += try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).count
        }
        #expect(lines <= 2_500, "StepDocCLI has \(lines) lines")
    }
}
