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

    /// The text with each "¤" replaced by the invalid byte 0xFF (one byte, where "¤" has two, so
    /// positions before it are unchanged).
    static func replacingPlaceholder(in text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar == "¤" { bytes.append(0xFF) } else { bytes.append(contentsOf: String(scalar).utf8) }
        }
        return bytes
    }
}
