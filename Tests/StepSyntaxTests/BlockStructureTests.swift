import StepDocTestSupport
import StepSyntax
import Testing

/// Block-level reading: titles, lists, literal blocks, directives, targets.
@Suite struct BlockStructureTests {
    func parse(_ text: String) -> SyntaxTree {
        SyntaxTree(parsing: SourceFile(path: "t.rst", text: text))
    }

    func labels(_ text: String) -> [String] {
        parse(text).blocks.map { $0.dump.label }
    }

    @Test func assignsTitleLevelsByFirstAppearance() {
        let tree = parse(
            """
            Title
            =====

            Sub
            ---

            Again
            =====

            ~~~~~~
            Over
            ~~~~~~
            """)
        let levels = tree.blocks.compactMap { if case .sectionTitle(let title) = $0.kind { title.level } else { nil } }
        #expect(levels == [1, 2, 1, 3])
        #expect(tree.titleStyles.map(\.hasOverline) == [false, false, true])
    }

    @Test func shortUnderlineIsATitleWithAWarningAndFixIt() {
        let source = MarkedSource("Install the agent\n1️⃣`````\n")
        let tree = parse(source.text)
        guard case .sectionTitle(let title)? = tree.blocks.first?.kind else {
            Issue.record("\(labels(source.text))")
            return
        }
        #expect(title.text == "Install the agent")
        let diagnostic = tree.diagnostics.first
        #expect(diagnostic?.id == "rst.title-underline")
        #expect(diagnostic?.location?.range.lowerBound == SourceLocation(line: 2, column: 1))
        #expect(diagnostic?.fixIts.first?.replacement == String(repeating: "`", count: 17))
    }

    @Test func underlineShorterThanFourAndThanTheTitleIsText() {
        #expect(labels("A longer line\n--\n").first?.hasPrefix("Paragraph") == true)
    }

    @Test func readsNestedBulletAndEnumeratedLists() {
        let tree = parse(
            """
            - one
              continued

              - nested
            - two

            #. auto
            #. auto

            a. alpha
            b. beta

            (1) paren
            (2) paren

            i) roman
            ii) roman
            """)
        let summary = tree.blocks.map { String($0.dump.label.split(separator: "@")[0].dropLast()) }
        #expect(
            summary == [
                "BulletList '-'", "EnumeratedList arabic period start 1", "EnumeratedList lowerAlpha period start 1",
                "EnumeratedList arabic parentheses start 1", "EnumeratedList lowerRoman rightParenthesis start 1",
            ])
        guard case .bulletList(let list) = tree.blocks[0].kind else {
            Issue.record("the first block is not a bullet list")
            return
        }
        #expect(list.items.count == 2)
        #expect(list.items[0].blocks.count == 2)
        #expect(tree.diagnostics.isEmpty, "\(tree.diagnostics)")
    }

    @Test func sentenceStartingWithALetterAndPeriodIsAParagraph() {
        #expect(labels("A. Einstein was\na physicist.\n").first?.hasPrefix("Paragraph") == true)
    }

    @Test func readsLiteralBlocksAfterDoubleColon() {
        let tree = parse("Run this::\n\n    mongod --dbpath x\n      indented\n\nAfter.\n")
        #expect(tree.blocks.count == 3)
        guard case .paragraph(let paragraph) = tree.blocks[0].kind,
            case .literalBlock(let literal) = tree.blocks[1].kind
        else {
            Issue.record("\(labels(tree.file.text(from: 0, to: tree.file.bytes.count)))")
            return
        }
        #expect(paragraph.inlines.map(\.kind) == [.text("Run this:")])
        #expect(literal.text == "mongod --dbpath x\n  indented")
    }

    @Test func splitsDirectivesIntoArgumentOptionsAndContent() {
        let tree = parse(
            """
            .. code-block:: sh
               :copyable: false
               :emphasize-lines: 2

               mongo --version
                 indented

            .. note:: First line of content
               continues here.
            """)
        guard case .directive(let code) = tree.blocks[0].kind, case .directive(let note) = tree.blocks[1].kind else {
            Issue.record("\(tree.blocks.map(\.dump.label))")
            return
        }
        #expect(code.name == "code-block")
        #expect(code.argument == "sh")
        #expect(code.options.map(\.name) == ["copyable", "emphasize-lines"])
        #expect(code.option("copyable") == "false")
        #expect(code.content == .literal(LiteralBlock(text: "mongo --version\n  indented")))
        guard case .blocks(let children) = note.content, case .paragraph? = children.first?.kind else {
            Issue.record("note content: \(note.content)")
            return
        }
        #expect(note.argument.isEmpty)
    }

    @Test func warnsWhenADirectiveLacksTheBlankLineBeforeItsContent() {
        let source = MarkedSource(".. code-block:: sh\n1️⃣   mongo --version\n")
        let tree = parse(source.text)
        #expect(tree.diagnostics.first?.id == "rst.markup")
        #expect(tree.diagnostics.first?.location?.range.lowerBound.line == source["1️⃣"].line)
        guard case .directive(let code)? = tree.blocks.first?.kind else {
            Issue.record("the first block is not a directive")
            return
        }
        #expect(code.argument == "sh")
        #expect(code.content == .literal(LiteralBlock(text: "mongo --version")))
    }

    @Test func readsHyperlinkTargetsCommentsAndSubstitutions() {
        let tree = parse(
            """
            .. _MongoClient: http://api.mongodb.org/csharp/
               2.0.0/html

            .. _label:

            .. __: https://anonymous.example.com

            .. |service| replace:: Atlas

            .. a comment
               over two lines
            """)
        let labels = tree.blocks.map(\.dump.label)
        #expect(labels[0].hasPrefix("HyperlinkTarget \"MongoClient\" url \"http://api.mongodb.org/csharp/2.0.0/html\""))
        #expect(labels[1].hasPrefix("HyperlinkTarget \"label\" label"))
        #expect(labels[2].hasPrefix("HyperlinkTarget anonymous url \"https://anonymous.example.com\""))
        #expect(labels[3].hasPrefix("SubstitutionDefinition \"service\""))
        #expect(labels[4].hasPrefix("Comment"))
        #expect(tree.diagnostics.isEmpty)
    }

    @Test func readsDefinitionFieldAndLineBlocksAndTransitions() {
        let tree = parse(
            """
            term : classifier
               Definition.

            :field: body

            | line one
            |   line two

            ----------

            Last.
            """)
        let kinds = tree.blocks.map { $0.dump.label.split(separator: " ")[0] }
        #expect(kinds == ["DefinitionList", "FieldList", "LineBlock", "Transition", "Paragraph"])
    }

    @Test func readsBlockQuotes() {
        let tree = parse("Para.\n\n   Quoted text.\n")
        #expect(tree.blocks.map { $0.dump.label.split(separator: " ")[0] } == ["Paragraph", "BlockQuote"])
    }

    @Test func warnsAboutUnexpectedIndentation() {
        let source = MarkedSource("Line one\nline two\n1️⃣   indented\n")
        let tree = parse(source.text)
        let diagnostic = tree.diagnostics.first { $0.summary == "unexpected indentation" }
        #expect(diagnostic?.location?.range.lowerBound.line == source["1️⃣"].line)
    }

    @Test func keepsDeepNestingWithinTheLimit() {
        var text = ""
        for depth in 0..<200 {
            text += String(repeating: " ", count: depth * 3) + ".. note::\n\n"
        }
        text += String(repeating: " ", count: 600) + "deep\n"
        let tree = SyntaxTree(
            parsing: SourceFile(path: "deep.rst", text: text), options: ParseOptions(maximumNestingDepth: 64))
        #expect(tree.diagnostics.contains { $0.id == "limits.nesting-depth" })
    }
}
