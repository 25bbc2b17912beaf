import StepDocTestSupport
import StepSyntax
import Testing

/// Inline markup, following docutils' recognition rules.
@Suite struct InlineMarkupTests {
    /// The inline nodes of the first paragraph of `text`.
    func inlines(_ text: String) -> ([InlineNode], [Diagnostic]) {
        let tree = SyntaxTree(parsing: SourceFile(path: "t.rst", text: text))
        guard case .paragraph(let paragraph)? = tree.blocks.first?.kind else { return ([], tree.diagnostics) }
        return (paragraph.inlines, tree.diagnostics)
    }

    func kinds(_ text: String) -> [InlineKind] {
        inlines(text).0.map(\.kind)
    }

    @Test func readsEmphasisStrongAndLiterals() {
        #expect(
            kinds("a *b* **c** ``d``") == [
                .text("a "), .emphasis("b"), .text(" "), .strong("c"), .text(" "), .literal("d"),
            ])
    }

    @Test(arguments: [
        "2*3*4",  // start-string not preceded by whitespace or punctuation
        "a * b * c",  // start-string followed by whitespace
        "'*' and \"*\"",  // quoted start-strings are text
        "(*)",
        "snake_case_name",  // an underscore inside a word is no reference
    ])
    func leavesTextThatIsNotMarkupAlone(_ text: String) {
        #expect(kinds(text).allSatisfy { if case .text = $0 { true } else { false } }, "\(kinds(text))")
    }

    @Test func endStringMayBeFollowedByPunctuation() {
        #expect(
            kinds("*a*. **b**, ``c``;") == [
                .emphasis("a"), .text(". "), .strong("b"), .text(", "), .literal("c"), .text(";"),
            ])
    }

    @Test func literalKeepsBackslashesAndBackticks() {
        #expect(kinds(#"``a\*b`c``"#) == [.literal(#"a\*b`c"#)])
    }

    @Test func backslashEscapesMarkup() {
        #expect(kinds(#"\*not emphasis\* and a\ b"#) == [.text("*not emphasis* and ab")])
    }

    @Test func readsRolesInBothPositions() {
        let nodes = kinds(":manual:`Enable Auth </tutorial/enable-authentication>` and `x`:authrole:")
        guard case .interpretedText(let prefix) = nodes[0], case .interpretedText(let suffix) = nodes[2] else {
            Issue.record("\(nodes)")
            return
        }
        #expect(prefix.role == "manual")
        #expect(prefix.titleAndTarget.title == "Enable Auth")
        #expect(prefix.titleAndTarget.target == "/tutorial/enable-authentication")
        #expect(suffix.role == "authrole")
        #expect(suffix.content == "x")
    }

    @Test func escapedAngleBracketIsNotATarget() {
        guard case .interpretedText(let text) = kinds(#":ref:`a \<b>`"#).first else {
            Issue.record("no role")
            return
        }
        #expect(text.titleAndTarget.title == nil)
        #expect(text.titleAndTarget.target == "a <b>")
    }

    @Test func readsHyperlinkReferences() {
        let nodes = kinds("`contact us <https://example.com/c>`_, `alias <other_>`_, `named`_, word_ and `anon`__")
        let references = nodes.compactMap { if case .reference(let reference) = $0 { reference } else { nil } }
        #expect(
            references.map(\.target) == [
                .embeddedURI("https://example.com/c"), .embeddedAlias("other"), .name("named"), .name("word"),
                .anonymous,
            ])
        #expect(references.map(\.text) == ["contact us", "alias", "named", "word", "anon"])
    }

    @Test func embeddedURIMayStartOnTheNextLine() {
        let (nodes, _) = inlines("Update your `MongoDB drivers\n<https://docs.mongodb.com/ecosystem/\ndrivers>`_ now")
        guard case .reference(let reference)? = nodes.dropFirst().first?.kind else {
            Issue.record("\(nodes)")
            return
        }
        #expect(reference.text == "MongoDB drivers")
        #expect(reference.target == .embeddedURI("https://docs.mongodb.com/ecosystem/drivers"))
        #expect(nodes[1].range.lowerBound == SourceLocation(line: 1, column: 13))
        #expect(nodes[1].range.upperBound == SourceLocation(line: 3, column: 11))
    }

    @Test func recognisesStandaloneURIsAndEmail() {
        let nodes = kinds("See https://example.com/a_b. Mail docs@example.com, or Note: this.")
        let uris = nodes.compactMap { if case .standaloneURI(let uri) = $0 { uri } else { nil } }
        #expect(
            uris == [
                StandaloneURI(text: "https://example.com/a_b", isEmail: false),
                StandaloneURI(text: "docs@example.com", isEmail: true),
            ])
    }

    @Test func readsSubstitutionsTargetsAndFootnotes() {
        #expect(
            kinds("|name| and |link|_ and _`inline target` and [1]_") == [
                .substitutionReference(SubstitutionReference(name: "name", isReference: false)), .text(" and "),
                .substitutionReference(SubstitutionReference(name: "link", isReference: true)), .text(" and "),
                .inlineTarget("inline target"), .text(" and "), .footnoteReference("1"),
            ])
    }

    @Test func markupMaySpanLines() {
        #expect(kinds("a *b\nc* d") == [.text("a "), .emphasis("b\nc"), .text(" d")])
    }

    @Test(arguments: [
        ("a 1️⃣``b c", "literal"),
        ("a 1️⃣:role:`unterminated", "interpreted text or phrase reference"),
        ("x 1️⃣*emphasis", "emphasis"),
    ])
    func warnsAboutUnterminatedMarkupAtItsStart(_ marked: String, _ what: String) {
        let source = MarkedSource(marked)
        let (_, diagnostics) = inlines(source.text)
        let diagnostic = diagnostics.first { $0.id == "rst.markup" }
        #expect(diagnostic?.summary == "inline \(what) start-string without end-string")
        #expect(
            diagnostic?.location?.range.lowerBound == SourceLocation(line: source["1️⃣"].line, column: source["1️⃣"].column)
        )
    }

    @Test func rangesCountBytesNotCharacters() {
        let source = MarkedSource("héllo 1️⃣*wörld*")
        let (nodes, _) = inlines(source.text)
        #expect(nodes.last?.range.lowerBound == SourceLocation(line: 1, column: source["1️⃣"].column))
        #expect(source["1️⃣"].column == 8)
    }
}
