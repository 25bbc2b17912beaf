import StepDocTestSupport
import StepModel
import StepProject
import Testing

/// `raw-html` in stepdoc.yml: `omit` unless the project says `pass`.
@Suite struct ConfigLoaderRawHTMLTests {
    @Test func leavesRawHTMLOutByDefault() throws {
        #expect(try ConfigLoader.parse("content: [content]\n", path: "stepdoc.yml").rawHTML == .omit)
        #expect(try ConfigLoader.parse("raw-html: omit\n", path: "stepdoc.yml").rawHTML == .omit)
    }

    @Test func passesRawHTMLWhenTold() throws {
        #expect(try ConfigLoader.parse("raw-html: pass\n", path: "stepdoc.yml").rawHTML == .pass)
    }

    @Test func rejectsAnotherValueAtIt() {
        let source = MarkedSource("raw-html: 1️⃣yes\n")
        #expect(
            throws: StepDocFailure.configuration(
                path: "stepdoc.yml", line: 1, column: source["1️⃣"].column,
                message: "'raw-html' must be 'omit' or 'pass', not 'yes'")
        ) {
            try ConfigLoader.parse(source.text, path: "stepdoc.yml")
        }
    }
}
