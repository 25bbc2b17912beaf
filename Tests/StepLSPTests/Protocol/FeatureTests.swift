import Foundation
import StepLSP
import Testing

/// Code actions, formatting, outline, hover, definition, references and completion from the real
/// server, on the shipped procedure (bound to its check suite) and on small files.
@Suite struct FeatureTests {
    /// A project holding a copy of the seed, bound to its suite as the repository's stepdoc.yml binds it.
    struct SeedProject {
        let scratch: ScratchProject
        let server: LanguageServerProcess
        let seed: String
        let uri: String

        init(text transform: (String) -> String = { $0 }) throws {
            scratch = try ScratchProject()
            try scratch.write(
                """
                content: [content]
                procedures:
                  atlas-live-migration-prerequisites:
                    checks: atlas-live-migration-prerequisites
                """, to: "stepdoc.yml")
            seed = try ScratchProject.seedText()
            try scratch.write(seed, to: "content/atlas-live-migration-prerequisites.rst")
            server = try LanguageServerProcess()
            try server.initialize(rootURI: scratch.rootURI)
            uri = scratch.uri("content/atlas-live-migration-prerequisites.rst")
            server.open(uri, text: transform(seed))
        }

        func finish() throws {
            #expect(try server.shutDown() == 0)
            scratch.remove()
        }

        func request(_ method: String, _ params: JSON) throws -> JSON {
            var params = params
            if case .object(var members) = params {
                members["textDocument"] = ["uri": .string(uri)]
                params = .object(members)
            }
            let answer = try server.request(method, params)
            #expect(answer["error"] == nil, "\(method) answered \(answer)")
            return answer["result"] ?? .null
        }

        func actions(at line: Int, _ character: Int = 0, to endCharacter: Int? = nil) throws -> [JSON] {
            let start: JSON = ["line": .integer(line), "character": .integer(character)]
            let end: JSON = ["line": .integer(line), "character": .integer(endCharacter ?? character)]
            return try request(
                "textDocument/codeAction", ["range": ["start": start, "end": end], "context": ["diagnostics": []]]
            )
            .arrayValue ?? []
        }

        func position(of needle: String, occurrence: Int = 0, in text: String? = nil) throws -> (
            line: Int, character: Int
        ) {
            let lines = (text ?? seed).components(separatedBy: "\n")
            var seen = 0
            for (index, line) in lines.enumerated() {
                if let range = line.range(of: needle) {
                    if seen == occurrence {
                        return (index, line.utf16.distance(from: line.startIndex, to: range.lowerBound))
                    }
                    seen += 1
                }
            }
            throw ClientFailure(description: "no \(needle) in the text")
        }
    }

    // MARK: - Code actions

    @Test func fixesATooShortUnderline() throws {
        let title = "Your current deployment is a MongoDB replica set."
        let underline = String(repeating: "`", count: title.count)
        let project = try SeedProject {
            $0.replacingOccurrences(of: title + "\n   " + underline + "\n", with: title + "\n   ````\n")
        }
        let text = project.seed.replacingOccurrences(
            of: title + "\n   " + underline + "\n", with: title + "\n   ````\n")
        let list = try project.server.diagnostics(for: project.uri)
        let finding = try #require(list.first { $0["code"] == "rst.title-underline" }, "\(list)")
        let line = try #require(finding["range"]?["start"]?["line"]?.intValue)
        let actions = try project.actions(at: line, 4)
        let fix = try #require(actions.first { $0["title"] == "Make the underline as long as the title" }, "\(actions)")
        #expect(fix["kind"] == "quickfix")
        #expect(fix["diagnostics"]?.arrayValue?.first?["code"] == "rst.title-underline")
        let fixed = try applying(edits(of: fix, for: project.uri), to: text)
        #expect(fixed == project.seed, "the fix did not restore the underline")
        try project.finish()
    }

    @Test func renumbersAndRegeneratesTheOtherBranch() throws {
        let project = try SeedProject { $0.replacingOccurrences(of: "sequence-step\">3<", with: "sequence-step\">4<") }
        let text = project.seed.replacingOccurrences(of: "sequence-step\">3<", with: "sequence-step\">4<")
        let list = try project.server.diagnostics(for: project.uri)
        let finding = try #require(list.first { $0["code"] == "steps.numbering" }, "\(list)")
        let line = try #require(finding["range"]?["start"]?["line"]?.intValue)
        let character = try #require(finding["range"]?["start"]?["character"]?.intValue)
        let actions = try project.actions(at: line, character)
        let titles = actions.compactMap { $0["title"]?.stringValue }
        #expect(
            titles.contains { $0.hasPrefix("Renumber to 3") || $0.hasPrefix("Use the HTML branch's number") },
            "\(titles)")
        let regenerate = try #require(
            actions.first { $0["title"]?.stringValue?.contains("fmt --from html") == true }, "\(titles)")
        let regenerated = try applying(edits(of: regenerate, for: project.uri), to: text)
        #expect(regenerated == project.seed, "fmt --from html renumbers the seed back to itself")
        try project.finish()
    }

    @Test func regeneratesTheOtherBranchWhenTheBranchesDisagree() throws {
        let changed = "Live migration of data from sharded clusters is not supported."
        // Change the sentence in the other branch only (its second occurrence).
        func damage(_ text: String) -> String {
            guard let first = text.range(of: changed),
                let second = text.range(of: changed, range: first.upperBound..<text.endIndex)
            else { return text }
            return text.replacingCharacters(in: second, with: "Sharded clusters are fine.")
        }
        let project = try SeedProject(text: damage)
        let list = try project.server.diagnostics(for: project.uri)
        let finding = try #require(list.first { $0["code"] == "steps.branches-agree" }, "\(list)")
        let line = try #require(finding["range"]?["start"]?["line"]?.intValue)
        let actions = try project.actions(at: line, 3)
        let regenerate = try #require(
            actions.first { $0["title"]?.stringValue?.contains("--from html") == true }, "\(actions)")
        #expect(try applying(edits(of: regenerate, for: project.uri), to: damage(project.seed)) == project.seed)
        let fromText = try #require(
            actions.first { $0["title"]?.stringValue?.contains("--from text") == true }, "\(actions)")
        let both = try applying(edits(of: fromText, for: project.uri), to: damage(project.seed))
        #expect(
            both.components(separatedBy: "Sharded clusters are fine.").count == 3,
            "both branches now say what the text branch said")
        try project.finish()
    }

    @Test func suggestsTheRoleMeant() throws {
        let project = try SeedProject {
            $0.replacingOccurrences(of: ":manual:`Enable Auth", with: ":manul:`Enable Auth")
        }
        let text = project.seed.replacingOccurrences(of: ":manual:`Enable Auth", with: ":manul:`Enable Auth")
        let list = try project.server.diagnostics(for: project.uri)
        let finding = try #require(list.first { $0["code"] == "rst.unknown-role" }, "\(list)")
        let line = try #require(finding["range"]?["start"]?["line"]?.intValue)
        let character = try #require(finding["range"]?["start"]?["character"]?.intValue)
        let actions = try project.actions(at: line, character + 1)
        let fix = try #require(actions.first { $0["title"]?.stringValue?.contains("':manual:'") == true }, "\(actions)")
        let fixed = try applying(edits(of: fix, for: project.uri), to: text)
        #expect(fixed.components(separatedBy: ":manul:").count == 2, "one of the two copies fixed: \(fixed.prefix(0))")
        try project.finish()
    }

    @Test func fixesADocumentedValueThatDiffersFromTheCheck() throws {
        let project = try SeedProject { $0.replacingOccurrences(of: "MongoDB 2.6+", with: "MongoDB 3.0+") }
        let text = project.seed.replacingOccurrences(of: "MongoDB 2.6+", with: "MongoDB 3.0+")
        let list = try project.server.diagnostics(for: project.uri)
        let finding = try #require(list.first { $0["code"] == "parity.value-mismatch" }, "\(list)")
        let line = try #require(finding["range"]?["start"]?["line"]?.intValue)
        let character = try #require(finding["range"]?["start"]?["character"]?.intValue)
        let actions = try project.actions(at: line, character)
        let fix = try #require(actions.first { $0["title"] == "Document the enforced minimum version" }, "\(actions)")
        #expect(try applying(edits(of: fix, for: project.uri), to: text) == project.seed, "both copies fixed")
        try project.finish()
    }

    @Test func addsACheckSkeletonForAStepNoCheckImplements() throws {
        let old = "Your current deployment is a MongoDB replica set."
        let new = "Your deployment keeps three copies of your data."
        func rename(_ text: String) -> String {
            text.replacingOccurrences(
                of: old + "\n   " + String(repeating: "`", count: old.count),
                with: new + "\n   " + String(repeating: "`", count: new.count)
            )
            .replacingOccurrences(
                of: "Step 3: " + old + "\n   " + String(repeating: "`", count: old.count + 8),
                with: "Step 3: " + new + "\n   " + String(repeating: "`", count: new.count + 8))
        }
        let project = try SeedProject(text: rename)
        let list = try project.server.diagnostics(for: project.uri)
        let finding = try #require(list.first { $0["code"] == "parity.undefined-step" }, "\(list)")
        let line = try #require(finding["range"]?["start"]?["line"]?.intValue)
        let character = try #require(finding["range"]?["start"]?["character"]?.intValue)
        let actions = try project.actions(at: line, character)
        let add = try #require(
            actions.first { $0["title"]?.stringValue?.hasPrefix("Add check '") == true },
            "\(actions.map { $0["title"] })")
        let changes = try #require(add["edit"]?["changes"]?.objectValue)
        let (uri, edits) = try #require(changes.first)
        #expect(uri.hasSuffix("/Sources/MigrationChecks/Suites/AtlasLiveMigrationPrerequisites.swift"))
        let path = try #require(FileURI.path(of: uri))
        let swift = try String(contentsOfFile: path, encoding: .utf8)
        let edited = try applying(edits.arrayValue ?? [], to: swift)
        let inserted = try #require(edited.range(of: "title: \"\(new)\""), "no skeleton in the edit: \(edits)")
        let before = edited[..<inserted.lowerBound]
        let serverVersion = try #require(before.range(of: "id: \"server-version\""))
        let between = before[serverVersion.upperBound...]
        #expect(
            between.contains("try checkVersion.evaluate(facts)"), "the skeleton must follow server-version's closure")
        #expect(!between.contains("id: \"replica-set\""), "…and come before the next check")
        #expect(
            edited.components(separatedBy: "{").count == edited.components(separatedBy: "}").count, "braces balanced")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == swift, "the Swift file on disk is untouched")
        try project.finish()
    }

    // MARK: - Formatting

    @Test func formatsAsStepdocFmtDoes() throws {
        func damage(_ text: String) -> String {
            text.replacingOccurrences(of: "sequence-step\">2<", with: "sequence-step\">7<")
                .replacingOccurrences(of: "Step 4: Authentication", with: "Step 9: Authentication")
        }
        let project = try SeedProject(text: damage)
        _ = try project.server.diagnostics(for: project.uri)
        let edits = try project.request("textDocument/formatting", ["options": ["tabSize": 3, "insertSpaces": true]])
        let list = try #require(edits.arrayValue)
        #expect(list.count == 2, "one edit per changed line: \(list)")
        #expect(try applying(list, to: damage(project.seed)) == project.seed)
        try project.finish()
    }

    @Test func formatsNothingInAWellFormedFile() throws {
        let project = try SeedProject()
        let edits = try project.request("textDocument/formatting", ["options": ["tabSize": 3, "insertSpaces": true]])
        #expect(edits == [])
        try project.finish()
    }

    // MARK: - Outline

    @Test func outlinesTheStepsWithTheirChecks() throws {
        let project = try SeedProject()
        let symbols = try #require(try project.request("textDocument/documentSymbol", [:]).arrayValue)
        #expect(symbols.count == 5)
        #expect(symbols.first?["name"] == "Step 1: Your data is currently in a MongoDB database.")
        #expect(symbols.first?["detail"] == "check source-is-mongodb")
        #expect(symbols.map { $0["kind"] } == Array(repeating: .integer(5), count: 5))
        let second = try #require(symbols.dropFirst().first)
        let (line, _) = try project.position(of: "Your current MongoDB database is running MongoDB 2.6+")
        #expect(second["selectionRange"]?["start"]?["line"]?.intValue == line)
        try project.finish()
    }

    @Test func outlinesActionHeadingsAsChildren() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try LanguageServerProcess()
        try server.initialize(rootURI: project.rootURI)
        let uri = project.uri("content/actions.rst")
        server.open(
            uri,
            text: """
                .. only:: html or dirhtml or singlehtml

                   .. raw:: html

                      <div class="sequence-block"><div class="bullet-block"><div class="sequence-step">1</div></div>

                   Install the tools
                   `````````````````

                   Download the package
                   ~~~~~~~~~~~~~~~~~~~~

                   Text.

                   Verify the download
                   ~~~~~~~~~~~~~~~~~~~

                   More text.

                   .. raw:: html

                      </div>

                """)
        let answer = try server.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])
        let step = try #require(answer["result"]?.arrayValue?.first, "\(answer)")
        #expect(step["name"] == "Step 1: Install the tools")
        let children = step["children"]?.arrayValue ?? []
        #expect(children.map { $0["name"] } == ["Download the package", "Verify the download"], "\(step)")
        #expect(try server.shutDown() == 0)
    }

    // MARK: - Hover

    @Test func hoversAStepWithItsCheck() throws {
        let project = try SeedProject()
        let (line, character) = try project.position(of: "Your current MongoDB database is running MongoDB 2.6+")
        let hover = try project.request(
            "textDocument/hover", ["position": ["line": .integer(line), "character": .integer(character + 5)]])
        let text = try #require(hover["contents"]?["value"]?.stringValue, "\(hover)")
        #expect(hover["contents"]?["kind"] == "markdown")
        for expected in [
            "`server-version`", "atlas-live-migration-prerequisites", "minimum version", "**2.6**",
            "AtlasLiveMigrationPrerequisites.swift:",
        ] {
            #expect(text.contains(expected), "no \(expected) in \(text)")
        }
        try project.finish()
    }

    @Test func hoversARoleWithWhatItRendersAndItsURL() throws {
        let project = try SeedProject()
        let (line, character) = try project.position(of: ":manual:`Enable Auth")
        let hover = try project.request(
            "textDocument/hover", ["position": ["line": .integer(line), "character": .integer(character + 2)]])
        let text = try #require(hover["contents"]?["value"]?.stringValue, "\(hover)")
        #expect(text.contains("Renders as a link"), "\(text)")
        #expect(text.contains("/tutorial/enable-authentication"), "\(text)")
        #expect(text.contains("https://"), "\(text)")
        try project.finish()
    }

    @Test func hoversAnOnlyExpressionWithTheBuildersItSelects() throws {
        let project = try SeedProject()
        let (line, character) = try project.position(of: "not(html or dirhtml or singlehtml)")
        let hover = try project.request(
            "textDocument/hover", ["position": ["line": .integer(line), "character": .integer(character + 4)]])
        let text = try #require(hover["contents"]?["value"]?.stringValue, "\(hover)")
        #expect(text.contains("Selects the builders: `epub`, `latex`, `text`"), "\(text)")
        #expect(text.contains("Not: `html`, `dirhtml`, `singlehtml`"), "\(text)")
        #expect(text.contains("stepdoc renders it in: text, markdown"), "\(text)")
        try project.finish()
    }

    // MARK: - Definition and references

    @Test func jumpsFromAStepToItsCheck() throws {
        let project = try SeedProject()
        let (line, character) = try project.position(of: "Authentication is enabled on your source deployment")
        let result = try project.request(
            "textDocument/definition", ["position": ["line": .integer(line), "character": .integer(character)]])
        let location = try #require(result.arrayValue?.first, "\(result)")
        let uri = try #require(location["uri"]?.stringValue)
        #expect(uri.hasSuffix("/Sources/MigrationChecks/Suites/AtlasLiveMigrationPrerequisites.swift"), "\(uri)")
        let path = try #require(FileURI.path(of: uri))
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let declared = try #require(location["range"]?["start"]?["line"]?.intValue)
        #expect(lines[declared].contains("Check("), "line \(declared + 1) is \(lines[declared])")
        #expect(lines[declared + 1].contains("auth-enabled"), "the next line is \(lines[declared + 1])")
        try project.finish()
    }

    @Test func jumpsToIncludedFilesAndTargets() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write("Shared text.\n", to: "content/includes/shared.rst")
        let server = try LanguageServerProcess()
        try server.initialize(rootURI: project.rootURI)
        let uri = project.uri("content/page.rst")
        let text = """
            Title
            =====

            See `the guide`_ and the guide_ again, and :ref:`install`.

            .. _the guide: https://example.com/guide
            .. _guide: https://example.com/other
            .. _install:

            .. include:: /includes/shared.rst

            .. literalinclude:: includes/shared.rst

            """
        server.open(uri, text: text)
        _ = try server.diagnostics(for: uri)
        func definition(_ line: Int, _ character: Int) throws -> [JSON] {
            let answer = try server.request(
                "textDocument/definition",
                [
                    "textDocument": ["uri": .string(uri)],
                    "position": ["line": .integer(line), "character": .integer(character)],
                ])
            return answer["result"]?.arrayValue ?? []
        }
        #expect(try definition(3, 6).first?["range"]?["start"] == ["line": 5, "character": 3])
        #expect(try definition(3, 26).first?["range"]?["start"] == ["line": 6, "character": 3])
        #expect(try definition(3, 50).first?["range"]?["start"] == ["line": 7, "character": 3])
        #expect(try definition(9, 5).first?["uri"] == .string(project.uri("content/includes/shared.rst")))
        #expect(try definition(11, 20).first?["uri"] == .string(project.uri("content/includes/shared.rst")))
        let references = try server.request(
            "textDocument/references",
            [
                "textDocument": ["uri": .string(uri)], "position": ["line": 5, "character": 6],
                "context": ["includeDeclaration": false],
            ])
        let ranges = references["result"]?.arrayValue?.compactMap { $0["range"]?["start"] } ?? []
        #expect(ranges == [["line": 3, "character": 4]], "\(references)")
        let withDeclaration = try server.request(
            "textDocument/references",
            [
                "textDocument": ["uri": .string(uri)], "position": ["line": 3, "character": 8],
                "context": ["includeDeclaration": true],
            ])
        #expect(withDeclaration["result"]?.arrayValue?.count == 2, "\(withDeclaration)")
        #expect(try server.shutDown() == 0)
    }

    // MARK: - Completion

    @Test func completesRolesDirectivesAndTags() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try LanguageServerProcess()
        try server.initialize(rootURI: project.rootURI)
        let uri = project.uri("content/page.rst")
        server.open(uri, text: "Title\n=====\n\nSee :man\n\n.. code\n\n.. only:: not la\n")
        func labels(_ line: Int, _ character: Int) throws -> [String] {
            let answer = try server.request(
                "textDocument/completion",
                [
                    "textDocument": ["uri": .string(uri)],
                    "position": ["line": .integer(line), "character": .integer(character)],
                ])
            return answer["result"]?["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } ?? []
        }
        let roles = try labels(3, 8)
        #expect(roles.contains("manual") && roles.contains("binary"), "\(roles.prefix(20))")
        let directives = try labels(5, 7)
        #expect(
            directives.contains("code-block") && directives.contains("only") && directives.contains("literalinclude"),
            "\(directives.prefix(20))")
        let tags = try labels(7, 16)
        #expect(tags.contains("latex") && tags.contains("html") && tags.contains("not"), "\(tags)")
        #expect(try labels(0, 3).isEmpty, "nothing to complete in a title")
        #expect(try server.shutDown() == 0)
    }
}
