import StepRender
import Testing

/// The Mustache subset stepdoc's templates use, checked against the spec's behaviour.
@Suite struct MustacheTemplateTests {
    struct Item {
        var name: String
        var done: Bool
    }

    struct Page {
        var title: String
        var items: [Item]
        var empty: [Item]
        var note: String?
    }

    func render(_ template: String, _ context: Any, partials: [String: String] = [:]) throws -> String {
        var sources: [String: (path: String, text: String)] = [
            "page": ("page.mustache", template), "procedure": ("p", ""),
        ]
        for (name, text) in partials { sources[name] = (name + ".mustache", text) }
        let set = try TemplateSet(name: "t", sources: sources, stylesheet: "")
        return set.render(context, template: "page") ?? "<nothing>"
    }

    let page = Page(
        title: "A <b> & \"c\"", items: [Item(name: "x", done: true), Item(name: "y", done: false)], empty: [],
        note: nil)

    @Test func escapesDoubleMustachesAndNotTripleOnes() throws {
        #expect(
            try render("{{title}}|{{{title}}}|{{&title}}", page)
                == "A &lt;b&gt; &amp; &quot;c&quot;|A <b> & \"c\"|A <b> & \"c\"")
    }

    @Test func iteratesListsAndSkipsFalseyValues() throws {
        #expect(
            try render(
                "{{#items}}[{{name}}{{#done}}✓{{/done}}]{{/items}}{{#empty}}never{{/empty}}{{#note}}n{{/note}}", page)
                == "[x✓][y]")
    }

    @Test func rendersInvertedSectionsForFalseyValues() throws {
        #expect(try render("{{^empty}}none{{/empty}}{{^note}}-{{/note}}{{^items}}no{{/items}}", page) == "none-")
    }

    @Test func looksNamesUpTheContextStack() throws {
        #expect(
            try render(
                "{{#items}}{{title}}:{{name}} {{/items}}", ["title": "T", "items": [["name": "a"], ["name": "b"]]])
                == "T:a T:b ")
    }

    @Test func resolvesDottedNamesAndTheCurrentItem() throws {
        #expect(
            try render("{{page.title}} {{#names}}{{.}},{{/names}}", ["page": ["title": "P"], "names": ["a", "b"]])
                == "P a,b,")
    }

    @Test func removesStandaloneTagLines() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(template, page) == "<ul>\n  <li>x</li>\n  <li>y</li>\n</ul>\n")
    }

    @Test func indentsStandalonePartials() throws {
        #expect(
            try render("<div>\n  {{> item}}\n</div>\n", page, partials: ["item": "<p>\n{{title}}\n</p>\n"])
                == "<div>\n  <p>\n  A &lt;b&gt; &amp; &quot;c&quot;\n  </p>\n</div>\n")
    }

    @Test func keepsTextOutsideASCIIWholeAroundEscapesAndIndentation() throws {
        let context = ["title": "é<ü>ß&“q”'", "lines": "α\n\nβ"]
        #expect(try render("{{title}}|{{{title}}}", context) == "é&lt;ü&gt;ß&amp;“q”&#39;|é<ü>ß&“q”'")
        #expect(
            try render("<div>\n  {{> item}}\n</div>\n", context, partials: ["item": "ä\n{{{lines}}}\nö\n"])
                == "<div>\n  ä\n  α\n\nβ\n  ö\n</div>\n")
    }

    @Test(arguments: [
        ("{{#a}}open", "page.mustache:1:1: the section 'a' is never closed"),
        ("x\n{{/b}}", "page.mustache:2:1: '{{/b}}' closes a section that was never opened"),
        ("{{#a}}{{/b}}", "page.mustache:1:7: '{{/b}}' closes the section 'a', opened at 1:1"),
        ("ok {{title", "page.mustache:1:4: a tag is not closed with '}}'"),
        ("{{=<% %>=}}", "page.mustache:1:1: set-delimiter tags are not supported"),
    ])
    func reportsSyntaxErrorsWithTheirPosition(_ template: String, _ message: String) {
        let error = #expect(throws: TemplateError.self) { try render(template, page) }
        #expect(error?.description == message)
    }

    @Test func reportsAMissingRequiredTemplate() {
        #expect(throws: TemplateError.missingTemplate(set: "t", template: "procedure.mustache")) {
            try TemplateSet(name: "t", sources: ["page": ("page", "")], stylesheet: "")
        }
    }
}
