import StepSyntax
import Testing

/// Byte order marks, line ends, tabs, blank lines that hold spaces, invalid UTF-8.
@Suite struct InputHygieneTests {
    func paragraphText(_ bytes: [UInt8]) -> [String] {
        let tree = SyntaxTree(parsing: SourceFile(path: "t.rst", bytes: bytes))
        return tree.blocks.compactMap {
            guard case .paragraph(let paragraph) = $0.kind else { return nil }
            return paragraph.inlines.compactMap { if case .text(let text) = $0.kind { text } else { nil } }.joined()
        }
    }

    @Test func skipsAByteOrderMarkAndCountsColumnsAfterIt() {
        let file = SourceFile(path: "t.rst", bytes: [0xEF, 0xBB, 0xBF] + Array("*a*".utf8))
        let tree = SyntaxTree(parsing: file)
        #expect(file.hasByteOrderMark)
        #expect(tree.blocks.first?.range.lowerBound == SourceLocation(line: 1, column: 1))
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func readsEveryLineEnding(_ ending: String) {
        let text = ["First", "paragraph.", "", "Second."].joined(separator: ending)
        #expect(paragraphText(Array(text.utf8)) == ["First\nparagraph.", "Second."])
    }

    @Test func expandsTabsToEightColumnStopsInLiteralText() {
        let tree = SyntaxTree(parsing: SourceFile(path: "t.rst", text: ".. code-block:: sh\n\n\tindented\n\t  more\n"))
        guard case .directive(let directive)? = tree.blocks.first?.kind else {
            Issue.record("no directive")
            return
        }
        #expect(directive.content == .literal(LiteralBlock(text: "indented\n  more")))
    }

    @Test func treatsLinesOfSpacesAsBlank() {
        #expect(paragraphText(Array("One.\n   \nTwo.\n".utf8)) == ["One.", "Two."])
    }

    @Test func reportsInvalidUTF8WithItsByteOffset() {
        let bytes = Array("Title ok\n".utf8) + [0x41, 0xFF, 0x42]
        let tree = SyntaxTree(parsing: SourceFile(path: "t.rst", bytes: bytes))
        let diagnostic = tree.diagnostics.first { $0.id == "rst.invalid-utf8" }
        #expect(diagnostic?.summary == "invalid UTF-8 at byte offset 10")
        #expect(diagnostic?.location?.range.lowerBound == SourceLocation(line: 2, column: 2))
        #expect(paragraphText(bytes).last == "Title ok\nA\u{FFFD}B")
    }

    @Test func reportsNulBytes() {
        let tree = SyntaxTree(parsing: SourceFile(path: "t.rst", bytes: Array("ab".utf8) + [0] + Array("c".utf8)))
        #expect(tree.diagnostics.map(\.id) == ["rst.invalid-character"])
    }

    @Test func readsEmptyAndWhitespaceOnlyFiles() {
        #expect(SyntaxTree(parsing: SourceFile(path: "e.rst", bytes: [])).blocks.isEmpty)
        #expect(SyntaxTree(parsing: SourceFile(path: "w.rst", text: "  \n\t\n   ")).blocks.isEmpty)
    }
}
