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

    /// The spec's behaviour on contexts of any shape: templates parsed without the vocabulary, and the
    /// test's values turned into template values by hand (stepdoc has no reflection).
    func render(_ template: String, _ context: Any, partials: [String: String] = [:]) throws -> String {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in partials { templates[name] = try MustacheTemplate(text, path: name + ".mustache") }
        return try MustacheTemplate(template, path: "page.mustache").render(Self.value(context), partials: templates)
    }

    struct Object: TemplateObject {
        var members: [String: TemplateValue]
        func templateValue(for key: String) -> TemplateValue? { members[key] }
    }

    static func value(_ any: Any) -> TemplateValue {
        switch any {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let item as Item: return .object(Object(members: ["name": .string(item.name), "done": .bool(item.done)]))
        case let page as Page:
            var members: [String: TemplateValue] = [
                "title": .string(page.title), "items": .list(page.items.map(value)), "empty": .list(page.empty.map(value)),
            ]
            if let note = page.note { members["note"] = .string(note) }
            return .object(Object(members: members))
        case let list as [Any]: return .list(list.map(value))
        case let members as [String: Any]: return .object(Object(members: members.mapValues(value)))
        default: return .null
        }
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

    @Test(arguments: [
        ("<h1>{{titel}}</h1>", "page.mustache:1:5: unknown key 'titel' in '{{titel}}'; did you mean 'title'?"),
        ("a\n  {{#procedure.stepz}}{{/procedure.stepz}}", "page.mustache:2:3: unknown key 'stepz' in '{{procedure.stepz}}'; did you mean 'steps'?"),
        ("{{{bodyHtml}}}", "page.mustache:1:1: unknown key 'bodyHtml' in '{{bodyHtml}}'; did you mean 'bodyHTML'?"),
        ("{{> procedur}}", "page.mustache:1:1: no template 'procedur' for '{{> procedur}}'; did you mean 'procedure'?"),
    ])
    func refusesAnUnknownKeyOrPartialWhenTheSetLoads(_ template: String, _ message: String) {
        let error = #expect(throws: TemplateError.self) {
            try TemplateSet(name: "t", sources: ["page": ("page.mustache", template), "procedure": ("p", "")], stylesheet: "")
        }
        #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
    }

    @Test func acceptsEveryKeyOfTheVocabularyAndTheBuiltInSets() throws {
        let every = TemplateVocabulary.known.sorted().map { "{{\($0)}}" }.joined()
        _ = try TemplateSet(name: "t", sources: ["page": ("page", every), "procedure": ("p", "{{.}}")], stylesheet: "")
    }

    @Test func reportsAMissingRequiredTemplate() {
        #expect(throws: TemplateError.missingTemplate(set: "t", template: "procedure.mustache")) {
            try TemplateSet(name: "t", sources: ["page": ("page", "")], stylesheet: "")
        }
    }
}
