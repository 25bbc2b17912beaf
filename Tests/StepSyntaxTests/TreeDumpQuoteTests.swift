import StepSyntax
import Testing

/// `TreeDump.quote` escapes only the characters it keeps (it used to escape a whole paragraph to show
/// 80 characters of it); what it returns is what escaping everything and then cutting returned.
@Suite struct TreeDumpQuoteTests {
    /// The former definition: escape all, then cut.
    static func reference(_ text: String, limit: Int = 80) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\n": escaped += "\\n"
            case "\"": escaped += "\\\""
            default: escaped.append(character)
            }
        }
        if escaped.count > limit { escaped = String(escaped.prefix(limit - 1)) + "…" }
        return "\"" + escaped + "\""
    }

    @Test(arguments: [
        "", "short", String(repeating: "a", count: 80), String(repeating: "a", count: 81),
        String(repeating: "line\n", count: 40), String(repeating: "\"q\"", count: 30),
        String(repeating: "é", count: 100), String(repeating: "\n\u{301}", count: 60),
        String(repeating: "a", count: 78) + "\n\n\n", String(repeating: "👩‍👩‍👧", count: 90),
        String(repeating: "x", count: 10_000) + "\n",
    ])
    func quotesAsEscapingEverythingThenCuttingDid(_ text: String) {
        #expect(TreeDump.quote(text) == Self.reference(text))
        #expect(TreeDump.quote(text, limit: 5) == Self.reference(text, limit: 5))
    }
}
