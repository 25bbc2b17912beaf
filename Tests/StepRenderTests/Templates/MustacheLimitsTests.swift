import StepRender
import Testing

/// Sections nest no deeper than partials may (32): a template of 30,000 nested sections overflowed the
/// stack (SIGSEGV) and 20,000 took 14 s, each lookup searching a context stack as deep as the nesting.
@Suite struct MustacheLimitsTests {
    struct Context: TemplateObject {
        var page: Context2

        func templateValue(for key: String) -> TemplateValue? {
            key == "page" ? .object(page) : nil
        }
    }

    struct Context2: TemplateObject {
        var title: String

        func templateValue(for key: String) -> TemplateValue? {
            key == "title" ? .string(title) : nil
        }
    }

    static func nested(_ depth: Int, inverted: Bool = false) -> String {
        let sigil = inverted ? "^" : "#"
        return String(repeating: "{{\(sigil)page}}", count: depth) + "{{title}}"
            + String(repeating: "{{/page}}", count: depth)
    }

    @Test(arguments: [33, 20_000, 30_000])
    func refusesSectionsNestedDeeperThanTheLimitAtTheFirstTooDeep(_ depth: Int) {
        let column = 32 * "{{#page}}".utf8.count + 1
        #expect(
            throws: TemplateError.syntax(
                path: "page.mustache", line: 1, column: column, message: "sections are nested more than 32 deep")
        ) {
            try MustacheTemplate(Self.nested(depth), path: "page.mustache")
        }
        #expect(throws: TemplateError.self) { try MustacheTemplate(Self.nested(depth, inverted: true), path: "p") }
    }

    @Test func rendersSectionsNestedToTheLimit() throws {
        let template = try MustacheTemplate(Self.nested(32), path: "page.mustache")
        let context = Context(page: Context2(title: "T"))
        #expect(template.render(.object(context), partials: [:]) == "T")
    }

    @Test func rendersManySectionsSideBySideInLinearOutput() throws {
        let one = "{{#page}}{{title}}{{/page}}"
        let template = try MustacheTemplate(String(repeating: one, count: 30_000), path: "page.mustache")
        let output = template.render(.object(Context(page: Context2(title: "ab"))), partials: [:])
        #expect(output.utf8.count == 60_000)
    }
}
