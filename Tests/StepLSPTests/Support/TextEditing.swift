import StepLSP

/// Applies LSP text edits (UTF-16 positions) to a text, as an editor does: all positions refer to the
/// text before the edits, so they are applied from the last to the first.
func applying(_ edits: [JSON], to text: String) throws -> String {
    var document = TextDocument(uri: "file:///edit", languageID: "rst", version: 0, text: text)
    let parsed = try edits.map { edit -> (PositionRange, String) in
        guard let range = edit["range"], let start = range["start"], let end = range["end"],
            let startLine = start["line"]?.intValue, let startCharacter = start["character"]?.intValue,
            let endLine = end["line"]?.intValue, let endCharacter = end["character"]?.intValue,
            let newText = edit["newText"]?.stringValue
        else { throw ClientFailure(description: "not a text edit: \(edit)") }
        return (
            PositionRange(
                start: Position(line: startLine, character: startCharacter),
                end: Position(line: endLine, character: endCharacter)), newText
        )
    }
    for (range, newText) in parsed.sorted(by: { $0.0.start > $1.0.start }) {
        document.replace(range, with: newText, encoding: .utf16)
    }
    return document.text
}

/// The edits of a code action's workspace edit for `uri`.
func edits(of action: JSON, for uri: String) -> [JSON] {
    action["edit"]?["changes"]?[uri]?.arrayValue ?? []
}
