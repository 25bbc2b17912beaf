import StepModel
import StepRender
import Testing

/// Plain text keeps where links go, as `text-links` says.
@Suite struct TextLinkTests {
    private let body = ["See `the manual <https://example.com/manual>`__ and `the guide <https://example.com/g>`__."]

    private func text(_ style: TextLinkStyle) -> String {
        RenderTestSupport.bodyText(body, options: RenderOptions().withTextLinks(style))
    }

    @Test func numbersReferencesAtTheEndOfTheStepByDefault() {
        #expect(RenderOptions().textLinks == .references)
        #expect(
            text(.references)
                == "See the manual[1] and the guide[2].\n\n[1] https://example.com/manual\n[2] https://example.com/g\n",
            "\(text(.references))")
    }

    @Test func writesTheURLAfterTheTextInline() {
        #expect(
            text(.inline) == "See the manual <https://example.com/manual> and the guide\n<https://example.com/g>.\n")
    }

    @Test func writesTheTextAloneWithNone() {
        #expect(text(.none) == "See the manual and the guide.\n")
    }

    @Test func doesNotRepeatALinkWhoseTextIsItsURL() {
        #expect(RenderTestSupport.bodyText(["Go to https://example.com now."]) == "Go to https://example.com now.\n")
    }
}
