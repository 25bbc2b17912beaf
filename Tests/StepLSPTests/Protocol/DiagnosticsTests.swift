import Foundation
import StepLSP
import Testing

/// publishDiagnostics from the real server: every finding, with its rule id, documentation link,
/// severity, notes and positions in UTF-16, for unsaved text, with the project's stepdoc.yml.
@Suite struct DiagnosticsTests {
    static let shortUnderline = """
        .. only:: html or dirhtml or singlehtml

           .. raw:: html

              <div class="sequence-block"><div class="bullet-block"><div class="sequence-step">1</div></div>

           Öffne die Tür 😀 now
           ````````````

           Body with :nosuchrole:`x` in it.

           .. raw:: html

              </div>

        .. only:: not(html or dirhtml or singlehtml)

           Step 1: Öffne die Tür 😀 now
           ````````````````````````````

           Body with :nosuchrole:`x` in it.

        """

    private func diagnostic(_ list: [JSON], code: String) throws -> JSON {
        try #require(list.first { $0["code"] == .string(code) }, "no \(code) in \(list)")
    }

    @Test func publishesFindingsWithRuleIDsLinksSeveritiesAndNotes() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try LanguageServerProcess()
        try server.initialize(rootURI: project.rootURI)
        let uri = project.uri("content/steps.rst")
        server.open(uri, text: Self.shortUnderline)
        let list = try server.diagnostics(for: uri)
        let underline = try diagnostic(list, code: "rst.title-underline")
        #expect(underline["severity"] == 2)
        #expect(underline["source"] == "stepdoc")
        #expect(underline["codeDescription"]?["href"]?.stringValue?.hasPrefix("https://") == true)
        #expect(underline["range"]?["start"] == ["line": 7, "character": 3], "\(underline)")
        #expect(underline["range"]?["end"] == ["line": 7, "character": 15], "\(underline)")
        let related = try #require(underline["relatedInformation"]?.arrayValue?.first, "\(underline)")
        #expect(related["message"] == "the title")
        #expect(related["location"]?["uri"] == .string(uri))
        // The title holds Ö, ü (2 bytes each) and 😀 (4 bytes, 2 UTF-16 units): 20 UTF-16 units, 25 bytes.
        #expect(related["location"]?["range"]?["end"] == ["line": 6, "character": 23], "\(related)")
        let role = try diagnostic(list, code: "rst.unknown-role")
        #expect(role["range"]?["start"] == ["line": 9, "character": 13], "\(role)")
        #expect(try server.shutDown() == 0)
    }

    @Test func countsUTF16UnitsInIncrementalChanges() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try LanguageServerProcess()
        try server.initialize(rootURI: project.rootURI)
        let uri = project.uri("content/steps.rst")
        server.open(uri, text: Self.shortUnderline)
        _ = try server.diagnostics(for: uri)
        // Insert "🙂 " just after the 😀 of the HTML title (it spans UTF-16 characters 17 and 18).
        server.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(uri), "version": 2],
                "contentChanges": [
                    [
                        "range": ["start": ["line": 6, "character": 19], "end": ["line": 6, "character": 19]],
                        "text": "🙂 ",
                    ],
                    // and put the unknown role of line 9 after a 𝄞 (another astral character).
                    [
                        "range": ["start": ["line": 9, "character": 3], "end": ["line": 9, "character": 3]],
                        "text": "𝄞",
                    ],
                ],
            ])
        let list = try server.diagnostics(for: uri, version: 2)
        let underline = try diagnostic(list, code: "rst.title-underline")
        let title = try #require(underline["relatedInformation"]?.arrayValue?.first)
        #expect(title["location"]?["range"]?["end"] == ["line": 6, "character": 26], "\(title)")
        let role = try diagnostic(list, code: "rst.unknown-role")
        #expect(role["range"]?["start"] == ["line": 9, "character": 15], "\(role)")
        // Full text replacement still works after incremental ones.
        server.notify(
            "textDocument/didChange",
            ["textDocument": ["uri": .string(uri), "version": 3], "contentChanges": [["text": "Title\n=====\n"]]])
        let replaced = try server.diagnostics(for: uri, version: 3)
        #expect(!replaced.contains { $0["code"] == "rst.unknown-role" }, "\(replaced)")
        #expect(try server.shutDown() == 0)
    }

    @Test func unsavedTextWinsOverTheDisk() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let seed = try ScratchProject.seedText()
        try project.write(seed, to: "content/seed.rst")
        let server = try LanguageServerProcess()
        try server.initialize(rootURI: project.rootURI)
        let uri = project.uri("content/seed.rst")
        server.open(uri, text: seed.replacingOccurrences(of: "sequence-step\">3<", with: "sequence-step\">4<"))
        let list = try server.diagnostics(for: uri)
        #expect(list.contains { $0["code"] == "steps.numbering" }, "the edited number is not checked: \(list)")
        #expect(project.read("content/seed.rst") == seed, "the file on disk changed")
        // Reverting the edit clears the finding.
        server.notify(
            "textDocument/didChange",
            ["textDocument": ["uri": .string(uri), "version": 2], "contentChanges": [["text": .string(seed)]]])
        let clean = try server.diagnostics(for: uri, version: 2)
        #expect(!clean.contains { $0["code"] == "steps.numbering" }, "\(clean)")
        #expect(try server.shutDown() == 0)
    }

    /// A copy of the seed project, with the version the step documents changed from 2.6 to 3.0.
    private func parityProject(configAt configFolder: String, fileAt filePath: String) throws -> (
        ScratchProject, String
    ) {
        let project = try ScratchProject()
        let prefix = configFolder.isEmpty ? "" : configFolder + "/"
        try project.write(
            """
            content: [content]
            procedures:
              atlas-live-migration-prerequisites:
                checks: atlas-live-migration-prerequisites
            """, to: prefix + "stepdoc.yml")
        let text = try ScratchProject.seedText().replacingOccurrences(of: "MongoDB 2.6+", with: "MongoDB 3.0+")
        try project.write(text, to: filePath)
        return (project, text)
    }

    @Test(arguments: [
        ("", "content/atlas-live-migration-prerequisites.rst"),
        ("docs", "docs/content/atlas-live-migration-prerequisites.rst"),
    ])
    func findsStepdocYMLAndChecksParity(configFolder: String, filePath: String) throws {
        let (project, text) = try parityProject(configAt: configFolder, fileAt: filePath)
        defer { project.remove() }
        let server = try LanguageServerProcess()
        // The workspace folder is the scratch folder; stepdoc.yml is there or in docs/ beside the content.
        try server.initialize(rootURI: project.rootURI)
        let uri = project.uri(filePath)
        server.open(uri, text: text)
        let list = try server.diagnostics(for: uri)
        let mismatch = try diagnostic(list, code: "parity.value-mismatch")
        #expect(mismatch["severity"] == 1)
        #expect(mismatch["message"]?.stringValue?.contains("3.0") == true, "\(mismatch)")
        let declaration = try #require(mismatch["relatedInformation"]?.arrayValue?.first, "\(mismatch)")
        #expect(declaration["location"]?["uri"]?.stringValue?.hasSuffix(".swift") == true, "\(declaration)")
        #expect(try server.shutDown() == 0)
    }

    @Test func showsABrokenStepdocYMLBesideTheDocument() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        try project.write("content: [content]\nnot-a-key: 1\n", to: "stepdoc.yml")
        let server = try LanguageServerProcess()
        try server.initialize(rootURI: project.rootURI)
        let uri = project.uri("content/a.rst")
        server.open(uri, text: "Title\n=====\n")
        let list = try server.diagnostics(for: uri)
        let config = try diagnostic(list, code: "config.invalid")
        #expect(config["message"]?.stringValue?.hasPrefix("stepdoc.yml:2:1") == true, "\(config)")
        #expect(
            config["relatedInformation"]?.arrayValue?.first?["location"]?["uri"] == .string(project.uri("stepdoc.yml")))
        // Fixed on disk and saved: read again.
        try project.write("content: [content]\n", to: "stepdoc.yml")
        server.notify(
            "workspace/didChangeWatchedFiles", ["changes": [["uri": .string(project.uri("stepdoc.yml")), "type": 2]]])
        let fixed = try server.diagnostics(for: uri)
        #expect(!fixed.contains { $0["code"] == "config.invalid" }, "\(fixed)")
        #expect(try server.shutDown() == 0)
    }

    @Test func publishesNothingForADocumentThatIsNotAStepFile() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try LanguageServerProcess()
        try server.initialize(rootURI: project.rootURI)
        let uri = project.uri("script.py")
        server.open(uri, text: "print('hello')\n:nosuchrole:`x`\n", languageID: "python")
        #expect(try server.diagnostics(for: uri).isEmpty)
        let binary = project.uri("blob.rst")
        server.open(binary, text: String(repeating: "\u{01}\u{02}\u{03}", count: 100))
        #expect(try server.diagnostics(for: binary).isEmpty)
        let symbols = try server.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])
        #expect(symbols["result"] == .null, "\(symbols)")
        #expect(try server.shutDown() == 0)
    }

    @Test func checksABurstOfChangesOnceAtItsLastVersion() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try LanguageServerProcess()
        try server.initialize(rootURI: project.rootURI)
        let uri = project.uri("content/steps.rst")
        server.open(uri, text: Self.shortUnderline)
        _ = try server.diagnostics(for: uri, version: 1)
        var burst: [UInt8] = []
        for version in 2...31 {
            let change: JSON = [
                "jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": [
                    "textDocument": ["uri": .string(uri), "version": .integer(version)],
                    "contentChanges": [
                        [
                            "range": ["start": ["line": 9, "character": 3], "end": ["line": 9, "character": 3]],
                            "text": "x",
                        ]
                    ],
                ],
            ]
            let body = change.serialized
            burst += Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        }
        server.sendRaw(burst)
        let last = try server.diagnostics(for: uri, version: 31)
        #expect(last.contains { $0["code"] == "rst.unknown-role" })
        // Give a late publish for an older version the time to show up.
        let symbols = try server.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])
        #expect(symbols["result"] != nil)
        let stale = server.pending.filter { $0["method"] == "textDocument/publishDiagnostics" }
        #expect(stale.isEmpty, "versions checked besides the last: \(stale.compactMap { $0["params"]?["version"] })")
        #expect(try server.shutDown() == 0)
    }

    @Test func clearsDiagnosticsWhenADocumentCloses() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let server = try LanguageServerProcess()
        try server.initialize(rootURI: project.rootURI)
        let uri = project.uri("content/steps.rst")
        server.open(uri, text: Self.shortUnderline)
        #expect(try !server.diagnostics(for: uri).isEmpty)
        server.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        #expect(try server.diagnostics(for: uri).isEmpty)
        #expect(try server.shutDown() == 0)
    }
}
