import StepLSP
import Testing

/// Positions in the client's encoding, and edits at them.
@Suite struct TextDocumentTests {
    let document = TextDocument(uri: "file:///t.rst", languageID: "rst", version: 1, text: "aé😀b\r\nsecond\rthird\n")

    @Test func countsUTF16UnitsUTF8BytesAndScalars() {
        // "aé😀b": a (1 byte), é (2 bytes), 😀 (4 bytes, 2 UTF-16 units), b.
        #expect(document.offset(of: Position(line: 0, character: 4), encoding: .utf16) == 7)
        #expect(document.offset(of: Position(line: 0, character: 7), encoding: .utf8) == 7)
        #expect(document.offset(of: Position(line: 0, character: 3), encoding: .utf32) == 7)
        #expect(document.position(ofOffset: 7, encoding: .utf16) == Position(line: 0, character: 4))
        #expect(document.position(ofOffset: 8, encoding: .utf8) == Position(line: 0, character: 8))
    }

    @Test func clampsPositionsOutsideTheText() {
        #expect(
            document.offset(of: Position(line: 0, character: 99), encoding: .utf16) == 8,
            "the end of the line, before CRLF")
        #expect(document.offset(of: Position(line: 40, character: 0), encoding: .utf16) == document.bytes.count)
        #expect(document.offset(of: Position(line: -1, character: -1), encoding: .utf16) == 0)
        // Inside the surrogate pair of 😀: its start.
        #expect(document.offset(of: Position(line: 0, character: 3), encoding: .utf16) == 3)
        #expect(document.offset(of: Position(line: 0, character: 5), encoding: .utf8) == 3)
    }

    @Test func splitsLinesAtCRLFCRAndLF() {
        #expect(document.lineCount == 4)
        #expect(document.line(1) == "second")
        #expect(document.line(2) == "third")
        #expect(document.line(3) == "")
    }

    @Test func appliesIncrementalEdits() {
        var edited = document
        edited.replace(
            PositionRange(start: Position(line: 0, character: 2), end: Position(line: 1, character: 3)), with: "🙂\n",
            encoding: .utf16)
        #expect(edited.text == "aé🙂\nond\rthird\n")
        edited.replace(
            PositionRange(start: Position(line: 9, character: 0), end: Position(line: 0, character: 1)), with: "Z",
            encoding: .utf16)
        #expect(edited.text == "aZ", "a reversed range is read from its smaller end")
        edited.replace(nil, with: "new", encoding: .utf16)
        #expect(edited.text == "new")
    }

    @Test func readsAndWritesFileURIs() {
        #expect(FileURI.path(of: "file:///tmp/a%20b/%C3%BC.rst") == "/tmp/a b/ü.rst")
        #expect(FileURI.path(of: "file://localhost/x.rst") == "/x.rst")
        #expect(FileURI.path(of: "file://server/x.rst") == nil)
        #expect(FileURI.path(of: "untitled:Untitled-1") == nil)
        #expect(FileURI.path(of: "file:///a%00b") == nil)
        #expect(FileURI.uri(ofPath: "/tmp/a b/ü.rst") == "file:///tmp/a%20b/%C3%BC.rst")
    }
}
