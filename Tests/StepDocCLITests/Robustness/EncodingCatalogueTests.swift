import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// The catalogue of bad inputs, part 1: bytes that are not the text a step file should be. Each case
/// runs the real `stepdoc` and checks the finding's id and position, and the exit status.
@Suite struct EncodingCatalogueTests {
    /// A file with no steps is a warning at 1:1 (exit 0, 1 with --strict): it renders as an empty page,
    /// which is rarely meant, but a file in progress should not fail a build.
    @Test(arguments: [
        ("empty", [UInt8](), "no steps found: the file is empty"),
        ("whitespace", Array("   \n\n\t\n  \r\n".utf8), "no steps found: the file holds only whitespace"),
        ("bom", [0xEF, 0xBB, 0xBF], "no steps found: the file is empty"),
        ("bom-and-newlines", [0xEF, 0xBB, 0xBF, 0x0A, 0x0A], "no steps found: the file holds only whitespace"),
    ])
    func warnsAtTheFirstCharacterWhenAFileHasNoSteps(name: String, bytes: [UInt8], summary: String) async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(bytes: bytes, to: "content/\(name).rst")
        let run = try await project.check(["content/\(name).rst"])
        expectFinding(run, "steps.structure", severity: "warning", at: (1, 1), status: 0)
        #expect(run.finding("steps.structure")?.summary == summary, "\(run)")
        #expect(run.findings.count == 1, "\(run)")
        let strict = try await project.check(["--strict", "content/\(name).rst"])
        expectFinding(strict, "steps.structure", at: (1, 1), status: 1)
    }

    /// Invalid UTF-8 is an error where the bad byte is; the text around it still reads (as U+FFFD).
    @Test func reportsInvalidUTF8InATitleAtTheBadByte() async throws {
        let source = MarkedSource(GizaSource.step("1", "Install the Mongo1️⃣¤DB tools") + GizaSource.step("2", "Check"))
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(bytes: Self.replacingPlaceholder(in: source.text), to: "content/title.rst")
        let run = try await project.check(["content/title.rst"])
        expectFinding(run, "rst.invalid-utf8", severity: "error", at: source["1️⃣"], status: 1)
        #expect(!run.findings.contains { $0.id == "steps.branches-agree" }, "both copies hold the same byte\n\(run)")
    }

    @Test func reportsInvalidUTF8InACodeBlockAtTheBadByte() async throws {
        let body = ["Run:", "", ".. code-block:: sh", "", "   mongosh --host 1️⃣¤db.example.com"]
        let source = MarkedSource(GizaSource.step("1", "Connect", body) + GizaSource.step("2", "Check"))
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(bytes: Self.replacingPlaceholder(in: source.text), to: "content/code.rst")
        let run = try await project.check(["content/code.rst"])
        expectFinding(run, "rst.invalid-utf8", severity: "error", at: source["1️⃣"], status: 1)
    }

    /// A stray NUL is an error at the byte; a file that is mostly NULs is not a text file at all (exit 2).
    @Test func reportsANulByteAtItsPosition() async throws {
        let source = MarkedSource(
            GizaSource.step("1", "Connect", ["Run the 1️⃣\u{0}command."]) + GizaSource.step("2", "Check"))
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/nul.rst")
        let run = try await project.check(["content/nul.rst"])
        expectFinding(run, "rst.invalid-character", severity: "error", at: source["1️⃣"], status: 1)

        try project.write(bytes: [UInt8](repeating: 0, count: 512) + Array("Step".utf8), to: "content/binary.rst")
        let binary = try await project.check(["content/binary.rst"])
        expectFinding(binary, "io.unreadable", severity: "error", file: "content/binary.rst", at: (1, 1), status: 2)
    }

    /// Old Mac line ends read as lines: positions count them as any other line end.
    @Test func readsCarriageReturnLineEndsAndCountsLinesByThem() async throws {
        let source = MarkedSource(
            GizaSource.step("1", "Connect") + GizaSource.html("1️⃣3", "Check", ["Text."])
                + GizaSource.print("3", "Check", ["Text."]))
        let project = try BadInputProject()
        defer { project.remove() }
        let bytes = Array(source.text.utf8).map { $0 == 0x0A ? 0x0D : $0 }
        try project.write(bytes: bytes, to: "content/cr.rst")
        let run = try await project.check(["content/cr.rst"])
        expectFinding(run, "steps.numbering", severity: "error", at: source["1️⃣"], status: 1)
        #expect(run.findings.count == 1, "\(run)")
    }

    /// A line indented with a tab among lines indented with spaces nests deeper than it looks (8
    /// columns): a warning at the tab, and the step still reads.
    @Test func warnsAtALineIndentedWithATab() async throws {
        let text = GizaSource.step("1", "Connect") + GizaSource.step("2", "Check", ["Read the output."])
        let source = MarkedSource(text.replacingOccurrences(of: "   Read the output.", with: "1️⃣\tRead the output."))
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/tabs.rst")
        let run = try await project.check(["content/tabs.rst"])
        expectFinding(run, "rst.markup", severity: "warning", at: source["1️⃣"], status: 0)
        #expect(run.finding("rst.markup")?.summary == "indentation mixes tabs and spaces", "\(run)")
    }

    // MARK: - Every other text stepdoc reads (issue 19): YAML, includes, literal includes, templates, facts

    /// A Latin-1 steps YAML file used to pass with "no problems" (its bytes read as U+FFFD): an error at
    /// the byte, in a title and in a body further down.
    @Test(arguments: [
        ("title", "title:\n  text: Caf1️⃣¤ step\nref: one\ncontent: |\n  Some text.\n"),
        ("body", "title:\n  text: Install\nref: one\ncontent: |\n  Some text.\n  Caf1️⃣¤ au lait.\n"),
    ])
    func reportsInvalidUTF8InStepsYAMLAtTheBadByte(place: String, text: String) async throws {
        let source = MarkedSource(text)
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(bytes: Self.replacingPlaceholder(in: source.text, with: 0xE9), to: "content/steps-\(place).yaml")
        let run = try await project.check(["content/steps-\(place).yaml"])
        expectFinding(
            run, "rst.invalid-utf8", severity: "error", file: "content/steps-\(place).yaml", at: source["1️⃣"],
            status: 1)
    }

    /// A NUL byte in a steps YAML file is an error at the byte, as in a reST file.
    @Test func reportsANulByteInStepsYAMLAtItsPosition() async throws {
        let source = MarkedSource("title:\n  text: Install\nref: one\ncontent: |\n  Some 1️⃣\u{0}text.\n")
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/steps-nul.yaml")
        let run = try await project.check(["content/steps-nul.yaml"])
        expectFinding(run, "rst.invalid-character", severity: "error", at: source["1️⃣"], status: 1)
    }

    /// `convert` of a Latin-1 steps YAML file (or one that inherits from a Latin-1 file) made the
    /// U+FFFD permanent: it refuses, at the byte, and writes nothing.
    @Test(arguments: ["own", "inherited"])
    func convertRefusesStepsYAMLThatIsNotUTF8(which: String) async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        let latin1 = MarkedSource("title:\n  text: Caf1️⃣¤ step\nref: one\ncontent: |\n  Some text.\n")
        let bytes = Self.replacingPlaceholder(in: latin1.text, with: 0xE9)
        let input: String
        if which == "own" {
            input = "content/steps-a.yaml"
            try project.write(bytes: bytes, to: input)
        } else {
            input = "content/steps-b.yaml"
            try project.write(bytes: bytes, to: "content/steps-base.yaml")
            try project.write("source:\n  file: steps-base.yaml\n  ref: one\n", to: input)
        }
        let run = try await project.run(["convert", "--to", "giza", input])
        #expect(run.status != 0, "\(run)")
        let file = which == "own" ? input : "content/steps-base.yaml"
        #expect(
            run.standardError.contains("\(file):\(latin1["1️⃣"].line):\(latin1["1️⃣"].column)")
                && run.standardError.contains("rst.invalid-utf8"),
            "\(run)")
        let output = project.path(input.replacingOccurrences(of: ".yaml", with: ".rst"))
        #expect(!FileManager.default.fileExists(atPath: output), "convert wrote \(output)\n\(run)")
    }

    /// A literal include of a Latin-1 file used to be shown with U+FFFD: an error at the byte, in the
    /// included file.
    @Test func reportsInvalidUTF8InALiteralIncludeAtTheBadByte() async throws {
        let source = MarkedSource(
            GizaSource.step("1", "Run", ["Run:", "", ".. literalinclude:: /includes/code.py"]) + GizaSource.step("2", "Check"))
        let code = MarkedSource("x = 1\nprint(\"caf1️⃣¤\")\n")
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/steps.rst")
        try project.write(bytes: Self.replacingPlaceholder(in: code.text, with: 0xE9), to: "content/includes/code.py")
        let run = try await project.check(["content"])
        expectFinding(
            run, "rst.invalid-utf8", severity: "error", file: "content/includes/code.py", at: code["1️⃣"], status: 1)
    }

    /// A literal include of a binary file used to be shown with its NUL bytes dropped: `io.unreadable`
    /// at the first NUL, and no code shown.
    @Test func reportsABinaryLiteralIncludeAsUnreadable() async throws {
        let source = MarkedSource(
            GizaSource.step("1", "Run", ["Run:", "", ".. literalinclude:: /includes/tool.bin"]) + GizaSource.step("2", "Check"))
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/steps.rst")
        try project.write(bytes: Array("ELF".utf8) + [0x00, 0x01, 0x02, 0x0A, 0x00], to: "content/includes/tool.bin")
        let run = try await project.check(["content"])
        expectFinding(run, "io.unreadable", severity: "error", file: "content/includes/tool.bin", at: (1, 4), status: 1)
        #expect(
            run.finding("io.unreadable")?.summary
                == "literal include '/includes/tool.bin' is not a text file: NUL byte at byte offset 3", "\(run)")
    }

    /// An included reST file that is not UTF-8: an error at the byte, in the included file.
    @Test func reportsInvalidUTF8InAnIncludedFileAtTheBadByte() async throws {
        let source = MarkedSource(
            GizaSource.step("1", "Run", ["Run:", "", ".. include:: /includes/text.rst"]) + GizaSource.step("2", "Check"))
        let included = MarkedSource("Some text.\n\nCaf1️⃣¤ au lait.\n")
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(source.text, to: "content/steps.rst")
        try project.write(bytes: Self.replacingPlaceholder(in: included.text, with: 0xE9), to: "content/includes/text.rst")
        let run = try await project.check(["content"])
        expectFinding(
            run, "rst.invalid-utf8", severity: "error", file: "content/includes/text.rst", at: included["1️⃣"],
            status: 1)
    }

    /// A template that is not UTF-8 was "cannot read: not UTF-8" at no place: `rst.invalid-utf8` at the
    /// byte of the template, exit 2 (the build cannot start), nothing written.
    @Test func reportsATemplateThatIsNotUTF8AtTheBadByte() async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        try project.write(GizaSource.step("1", "Run") + GizaSource.step("2", "Check"), to: "content/steps.rst")
        let template = MarkedSource("<title>{{title}}</title>\n<p>Caf1️⃣¤</p>\n{{#procedure}}{{> procedure}}{{/procedure}}\n")
        try project.write(
            bytes: Self.replacingPlaceholder(in: template.text, with: 0xE9), to: "templates/mine/page.mustache")
        try project.write("content: [content]\ntemplates: templates\ntemplate: mine\noutput: out\n", to: "stepdoc.yml")
        let run = try await project.run(["build"])
        expectFinding(
            run, "rst.invalid-utf8", file: "templates/mine/page.mustache", at: template["1️⃣"], status: 2)
        #expect(!FileManager.default.fileExists(atPath: project.path("out/html/steps.html")), "\(run)")
    }

    /// Facts that are not UTF-8: an error at the byte (facts' own id), in a string and between tokens.
    @Test(arguments: [
        "{\"buildInfo\": {\"version\": \"4.01️⃣¤\"}}\n", "{\"buildInfo\": {\"version\": \"4.0\"}, 1️⃣¤}\n",
    ])
    func reportsFactsThatAreNotUTF8AtTheBadByte(text: String) async throws {
        let project = try BadInputProject()
        defer { project.remove() }
        let facts = MarkedSource(text)
        try project.write(bytes: Self.replacingPlaceholder(in: facts.text, with: 0xE9), to: "facts.json")
        let run = try await project.run(["preflight", "--facts", "facts.json"])
        expectFinding(run, "io.unreadable", file: "facts.json", at: facts["1️⃣"], status: 2)
        #expect(run.findings.first?.summary.contains("0xE9") == true, "\(run)")
    }

    /// The text with each "¤" replaced by the invalid byte 0xFF (one byte, where "¤" has two, so
    /// positions before it are unchanged).
    static func replacingPlaceholder(in text: String, with byte: UInt8 = 0xFF) -> [UInt8] {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar == "¤" { bytes.append(byte) } else { bytes.append(contentsOf: String(scalar).utf8) }
        }
        return bytes
    }
}
