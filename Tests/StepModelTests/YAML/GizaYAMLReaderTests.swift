import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// giza steps YAML read into steps: fields, actions, inheritance, replacements, and findings placed
/// in the YAML file.
@Suite struct GizaYAMLReaderTests {
    static func read(_ text: String, files: [String: String] = [:]) -> (Procedure, [Diagnostic]) {
        let file = SourceFile(path: "steps-test.yaml", text: text)
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsingGizaYAML: file, options: LoweringOptions(includes: InMemoryIncludes(files)),
            diagnostics: &diagnostics)
        return (procedure, diagnostics + ProcedureRules.check(procedure, in: file))
    }

    static func at(_ source: MarkedSource, _ marker: String) -> StepSyntax.SourceLocation {
        StepSyntax.SourceLocation(line: source[marker].line, column: source[marker].column)
    }

    @Test func pointsFindingsIntoTheYAMLFile() {
        let source = MarkedSource(
            """
            title: "Grant the 1️⃣:autrole:`backup` role"
            ref: grant
            content: |
              First paragraph.

              Use the 2️⃣:badrole:`x` role.
            action:
              - pre: Run 3️⃣:nope:`y` first.
                language: sh
                code: |
                  ls
            ---
            title: Plain 4️⃣:other:`z` title
            ref: plain
            ...
            """)
        let (_, diagnostics) = Self.read(source.text)
        let roles = diagnostics.filter { $0.id == "rst.unknown-role" }.map { $0.location?.range.lowerBound }
        #expect(roles.count == 4, "\(diagnostics.map(\.summary))")
        #expect(Set(roles.compactMap { $0 }) == Set(["1️⃣", "2️⃣", "3️⃣", "4️⃣"].map { Self.at(source, $0) }))
        #expect(diagnostics.allSatisfy { $0.location?.file == "steps-test.yaml" })
    }

    @Test func buildsTheBodyInGizasOrder() throws {
        let (procedure, diagnostics) = Self.read(
            """
            title: Install it
            ref: install
            level: 4
            pre: Before.
            action:
              - heading: Linux
                optional: true
                language: sh
                copyable: true
                code: |
                  apt-get install it
              - pre: Then
                language: sh
                code: run it
            content: Middle.
            post: After.
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
        let step = try #require(procedure.steps.first)
        #expect(procedure.format == .gizaYAML)
        #expect(step.primary.heading.character == "`")
        let kinds = step.body.map { $0.dump.rendered.split(separator: " ").first.map(String.init) ?? "" }
        #expect(
            kinds == ["Paragraph", "Heading", "Container", "Paragraph", "CodeBlock", "Paragraph", "Paragraph"],
            "\(kinds)")
        if case .heading(let heading) = step.body[1].kind {
            #expect(heading.text == "Optional: Linux")
            #expect(heading.level == step.primary.heading.level + 1)
        }
        if case .codeBlock(let code) = step.body[4].kind {
            #expect(code == CodeBlock(language: "sh", code: "run it"))
        }
    }

    @Test func inheritsTheFieldsItDoesNotSet() throws {
        let base = """
            title: Copy the files.
            ref: copy
            pre: Base pre.
            post: Base post.
            """
        let (procedure, diagnostics) = Self.read(
            """
            source:
              file: steps-base.yaml
              ref: copy
            post: Own post.
            """, files: ["steps-base.yaml": base])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
        let step = try #require(procedure.steps.first)
        #expect(step.titleText == "Copy the files.")
        #expect(CanonicalBody.texts(step.body) == ["Base pre.", "Own post."])
    }

    @Test func reportsASourceThatNamesNoStepOrLoops() {
        let source = MarkedSource(
            """
            title: One
            ref: one
            source:
              1️⃣file: steps-base.yaml
              ref: cpy
            ---
            title: Two
            ref: two
            source:
              2️⃣file: steps-test.yaml
              ref: two
            """)
        let (_, diagnostics) = Self.read(
            source.text, files: ["steps-base.yaml": "title: Base\nref: copy\n", "steps-test.yaml": source.text])
        let inherit = diagnostics.filter { $0.id == "steps.inherit" }
        #expect(
            inherit.map(\.summary) == [
                "'steps-base.yaml' has no step with ref 'cpy'; did you mean 'copy'?",
                "step 'two' of 'steps-test.yaml' inherits from itself",
            ])
        #expect(inherit.map { $0.location?.range.lowerBound } == [Self.at(source, "1️⃣"), Self.at(source, "2️⃣")])
    }

    @Test func replacesPlaceholdersInEveryTextField() throws {
        let (procedure, _) = Self.read(
            """
            title: Start {{program}}
            ref: start
            content: Run {{program}} now.
            replacement:
              program: mongod
            """)
        let step = try #require(procedure.steps.first)
        #expect(step.titleText == "Start mongod")
        #expect(CanonicalBody.texts(step.body) == ["Run mongod now."])
    }

    @Test func numbersFromStepnumAndCountsOn() {
        let (procedure, diagnostics) = Self.read(
            """
            title: A
            ref: a
            ---
            title: B
            ref: b
            ---
            title: C
            ref: c
            stepnum: 5
            ---
            title: D
            ref: d
            """)
        #expect(procedure.steps.map(\.number) == [1, 2, 5, 6])
        #expect(diagnostics.map(\.summary) == ["step numbers skip from 2 to 5"])
    }

    @Test func readsATitleWithItsCharacter() {
        let (procedure, _) = Self.read("title:\n  text: Titled\n  character: '^'\nref: t\n")
        #expect(procedure.steps.first?.primary.heading.character == "^")
        #expect(procedure.steps.first?.titleText == "Titled")
    }

    @Test func reportsInvalidYAMLAtItsPosition() {
        let (_, diagnostics) = Self.read("title: One\nref: one\ncontent: |\n  text\n bad: [\n")
        let syntax = diagnostics.first { $0.id == "steps.yaml" }
        #expect(syntax?.summary.hasPrefix("not valid YAML") == true, "\(diagnostics.map(\.summary))")
        #expect(syntax?.location?.range.lowerBound.line == 5)
    }

    @Test func warnsAboutUnknownFieldsAndWrongTypes() {
        let (_, diagnostics) = Self.read("title: One\nref: one\ncontnet: Text.\nstepnum: two\n")
        #expect(
            diagnostics.map(\.summary) == [
                "unknown step field 'contnet'; did you mean 'content'?", "'stepnum' must be a whole number",
            ])
    }
}

/// The plain text of each top-level paragraph of a body.
enum CanonicalBody {
    static func texts(_ blocks: [Block]) -> [String] {
        blocks.compactMap { block in
            if case .paragraph(let inlines) = block.kind { inlines.plainText } else { nil }
        }
    }
}
