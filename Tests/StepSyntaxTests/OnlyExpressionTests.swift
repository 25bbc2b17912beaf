import StepSyntax
import Testing

@Suite struct OnlyExpressionTests {
    @Test(arguments: [
        ("html or dirhtml or singlehtml", Set(["html"]), true),
        ("not(html or dirhtml or singlehtml)", Set(["html"]), false),
        ("not(html or dirhtml or singlehtml)", Set(["text"]), true),
        ("not latex", Set(["html"]), true),
        ("latex or epub", Set(["epub"]), true),
        ("not html and latex", Set(["latex"]), true),  // not binds tighter than and
        ("html or latex and epub", Set(["html"]), true),  // and binds tighter than or
        ("(html or latex) and epub", Set(["html"]), false),
        ("true", Set<String>(), true),
    ])
    func evaluatesLikeSphinx(_ text: String, _ tags: Set<String>, _ expected: Bool) throws {
        let expression = try OnlyExpression.parse(text).get()
        #expect(expression.evaluate(tags: tags) == expected)
    }

    @Test func printsACanonicalForm() throws {
        #expect(
            try OnlyExpression.parse("not(html or dirhtml or singlehtml)").get().description
                == "not (html or dirhtml or singlehtml)")
        #expect(try OnlyExpression.parse("a and (b or c)").get().description == "a and (b or c)")
    }

    @Test(arguments: [
        ("", 0, "expected a tag name, found the end of the expression"),
        ("html or", 7, "expected a tag name, found the end of the expression"),
        ("(html", 5, "expected ')' to close the '(', found the end of the expression"),
        ("html && latex", 5, "unexpected '&' after the expression"),
        ("html latex", 5, "unexpected 'latex' after the expression"),
        ("and html", 0, "expected a tag name, found 'and'"),
    ])
    func reportsMalformedExpressionsWithTheirOffset(_ text: String, _ offset: Int, _ message: String) {
        guard case .failure(let error) = OnlyExpression.parse(text) else {
            Issue.record("'\(text)' parsed")
            return
        }
        #expect(error.offset == offset)
        #expect(error.message == message)
    }

    @Test func refusesExpressionsNestedTooDeeply() {
        let deep = String(repeating: "(", count: 500) + "html" + String(repeating: ")", count: 500)
        guard case .failure(let error) = OnlyExpression.parse(deep) else {
            Issue.record("parsed")
            return
        }
        #expect(error.message == "expression is nested too deeply")
    }
}
