import StepEscaping
import Testing

/// Each format's escaping, once: what must change, and that plain text passes through unchanged.
@Suite struct TextEscapingTests {
    @Test func escapesTheFiveHTMLSpecialCharacters() {
        #expect(TextEscaping.html(#"<a href="x">&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(TextEscaping.html("plain ünïcode") == "plain ünïcode")
        var output = "pre "
        TextEscaping.appendHTML("a<b", to: &output)
        #expect(output == "pre a&lt;b")
    }

    @Test func writesXMLControlsAsReplacementsAndKeepsAttributeLineEnds() {
        #expect(TextEscaping.xmlText("a<b>&\u{1B}\n") == "a&lt;b&gt;&amp;\u{FFFD}\n")
        #expect(TextEscaping.xmlAttribute("\"a\"\n\tb\r") == "&quot;a&quot;&#10;&#9;b&#13;")
    }

    @Test func writesJSONStringsWithEveryControlEscaped() {
        #expect(
            TextEscaping.json("q\"\\\n\r\t\u{08}\u{0C}\u{01}\u{7F}\u{2028}") == #""q\"\\\n\r\t\b\f\u0001\u007f\u2028""#)
        #expect(TextEscaping.json("é") == "\"é\"")
    }

    @Test func writesJavaScriptThatCannotCloseAScriptElement() {
        let literal = TextEscaping.javaScript("</script><!--\"\\\n\u{2029}")
        #expect(literal == #""\u003c/script\u003e\u003c!--\"\\\n\u2029""#)
        #expect(!literal.contains("<"))
    }

    @Test func escapesGitHubCommandDataAndProperties() {
        #expect(TextEscaping.gitHubCommandData("50%\r\nnext: a,b") == "50%25%0D%0Anext: a,b")
        #expect(TextEscaping.gitHubCommandProperty("C:\\a,b%") == "C%3A\\a%2Cb%25")
    }

    @Test func keepsMarkdownTableCellsOnOneLineWithoutMarkup() {
        #expect(TextEscaping.markdownTableCell("a|b\\c\n<i>&") == "a\\|b\\\\c &lt;i&gt;&amp;")
    }

    @Test func quotesYAMLScalarsAsPyYAMLReadsThem() {
        #expect(TextEscaping.yamlDoubleQuoted("say \"hi\"\\\t\u{01}") == #""say \"hi\"\\\t\x01""#)
    }

    @Test func writesSwiftStringLiterals() {
        #expect(TextEscaping.swiftString("a\"b\\\n\u{01}") == #""a\"b\\\n\u{1}""#)
    }

    @Test func makesTerminalControlSequencesVisible() {
        #expect(TextEscaping.terminal("user\u{1B}[2J\u{07}\u{00}\u{9B}x") == "user\\u{1B}[2J\\u{7}\\u{0}\\u{9B}x")
        #expect(TextEscaping.terminal("tab\tand\nnewline stay") == "tab\tand\nnewline stay")
    }
}
