import StepModel
import StepRender
import Testing

/// Lettered, roman and auto-numbered lists as docutils reads them: `#.` goes on in the first item's style.
@Suite struct ListNumberingTests {
    private let lettered = ["a. first", "#. second", "#. third"]

    @Test func continuesALetteredListWithAutoNumberedItemsInHTML() throws {
        let html = try RenderTestSupport.bodyHTML(lettered)
        #expect(html.components(separatedBy: "<ol").count == 2, "one list: \(html)")
        #expect(html.contains("<ol type=\"a\">"), "\(html)")
        #expect(html.contains("second") && html.contains("third"))
    }

    @Test func writesLettersInPlainText() {
        let text = RenderTestSupport.bodyText(lettered)
        #expect(text == "a. first\nb. second\nc. third\n", "\(text)")
    }

    @Test func keepsNumbersAndTheStartInCommonMark() {
        let markdown = RenderTestSupport.pageMarkdown(["c. third", "#. fourth"])
        #expect(markdown.contains("3.  third\n4.  fourth"), "\(markdown)")
    }

    @Test(arguments: [
        (["A. one", "#. two"], "type=\"A\"", "A. one\nB. two\n"),
        (["i. one", "#. two"], "type=\"i\"", "i. one\nii. two\n"),
        (["I. one", "II. two"], "type=\"I\"", "I. one\nII. two\n"),
        (["(a) one", "(b) two"], "type=\"a\"", "a. one\nb. two\n"),
        (["a) one", "#) two"], "type=\"a\"", "a. one\nb. two\n"),
        (["c. one", "#. two"], "type=\"a\" start=\"3\"", "c. one\nd. two\n"),
    ])
    func readsEachEnumerationStyle(body: [String], htmlAttributes: String, text: String) throws {
        let html = try RenderTestSupport.bodyHTML(body)
        #expect(html.contains("<ol \(htmlAttributes)>"), "\(html)")
        #expect(html.components(separatedBy: "<ol").count == 2, "\(html)")
        #expect(RenderTestSupport.bodyText(body) == text)
    }

    @Test func startsArabicListsWhereTheyStart() throws {
        let html = try RenderTestSupport.bodyHTML(["3. three", "#. four"])
        #expect(html.contains("<ol start=\"3\">"), "\(html)")
        #expect(RenderTestSupport.bodyText(["3. three", "#. four"]) == "3. three\n4. four\n")
    }

    @Test func startsANewListWhenAnExplicitItemFollowsAnAutomaticOne() throws {
        // docutils: once an item is `#.`, the list is automatic and `3.` is a new list.
        let html = try RenderTestSupport.bodyHTML(["1. one", "#. two", "", "3. three"])
        #expect(html.components(separatedBy: "<ol").count == 3, "\(html)")
    }
}
