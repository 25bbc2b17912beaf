import StepSyntax

extension ProcedureLowerer {
    /// A step's text fields read as reStructuredText, in the order giza writes them.
    struct ParsedYAMLStep {
        enum Part {
            case blocks([BlockNode], file: String)
            case heading(YAMLText, level: Int, isOptional: Bool)
            case code(YAMLText, language: String?, isCopyable: Bool)
        }

        var step: GizaYAMLStep
        var number: Int
        var level: Int
        var parts: [Part]
    }

    /// Lowers the steps of a giza YAML file: each step one copy, its body the blocks giza would write
    /// (pre, each action's heading, pre, code, content and post, then content and post), read from
    /// the YAML fields so every range points into the YAML file.
    mutating func lowerGizaYAML(_ steps: [(step: GizaYAMLStep, number: Int)]) -> Procedure {
        // Title styles in the order giza's output shows them: a step heading, then its body's.
        var styles = options.parseOptions.titleStyles
        func level(of character: Unicode.Scalar) -> Int {
            let style = TitleStyle(character: character, hasOverline: false)
            if let index = styles.firstIndex(of: style) { return index + 1 }
            styles.append(style)
            return styles.count
        }
        var parsed: [ParsedYAMLStep] = []
        for (step, number) in steps {
            let stepLevel = level(of: GizaYAMLStep.character(level: step.headingLevel))
            var parts: [ParsedYAMLStep.Part] = []
            func add(_ text: YAMLText?) {
                guard let text else { return }
                parts.append(.blocks(parse(text, styles: &styles), file: text.file.path))
            }
            add(step.pre)
            for action in step.actions ?? [] {
                if let heading = action.heading {
                    let actionLevel = level(of: GizaYAMLStep.character(level: step.headingLevel + 1))
                    parts.append(.heading(heading, level: actionLevel, isOptional: action.isOptional))
                }
                add(action.pre)
                if let code = action.code {
                    parts.append(.code(code, language: action.language, isCopyable: action.isCopyable))
                }
                add(action.content)
                add(action.post)
            }
            add(step.content)
            add(step.post)
            parsed.append(ParsedYAMLStep(step: step, number: number, level: stepLevel, parts: parts))
        }
        titleStyles = styles
        for step in parsed {
            for case .blocks(let blocks, _) in step.parts { collectDefinitions(in: blocks) }
        }
        for step in parsed { add(yamlCopy(step)) }
        var procedure = finish()
        procedure.format = .gizaYAML
        procedure.era = .notHTMLDoubledUnderline
        return procedure
    }

    /// The text read as reStructuredText where it stands in the YAML file.
    mutating func parse(_ text: YAMLText, styles: inout [TitleStyle]) -> [BlockNode] {
        var parseOptions = options.parseOptions
        parseOptions.titleStyles = styles
        parseOptions.firstLine = text.line
        let source = text.indentedSource
        bytesParsed += source.bytes.count
        let tree = SyntaxTree(parsing: source, options: parseOptions)
        diagnostics.append(contentsOf: tree.diagnostics)
        styles = tree.titleStyles
        // The text sits at its YAML indentation: read as one block quote, whose content it is.
        if text.column > 1, tree.blocks.count == 1, case .blockQuote(let children) = tree.blocks[0].kind {
            return children
        }
        return tree.blocks
    }

    private mutating func yamlCopy(_ parsed: ParsedYAMLStep) -> StepCopy {
        let step = parsed.step
        let savedFile = currentFile
        defer { currentFile = savedFile }
        if step.title == nil {
            currentFile = step.file
            diagnose(
                .error, .stepsStructure, "step \(parsed.number) has no title", step.range,
                explanation: "giza writes 'Step \(parsed.number)' alone; give the step a 'title'.")
        }
        // A step without a title is kept (giza writes it as a bare "Step N"), so the numbers after it hold.
        let titleText =
            step.title
            ?? YAMLText(
                text: "", file: SourceFile(path: step.file, bytes: []), line: step.range.lowerBound.line,
                column: step.range.lowerBound.column, range: step.range.lowerBound..<step.range.lowerBound)
        currentFile = titleText.file.path
        let title = inlines(titleText)
        let isOptional = step.isOptional ?? false
        var body: [Block] = []
        for part in parsed.parts {
            switch part {
            case .blocks(let blocks, let file):
                currentFile = file
                body += lowerBlocks(blocks)
            case .heading(let text, let level, let optional):
                currentFile = text.file.path
                var inlines = self.inlines(text)
                if optional { inlines.insert(Inline(.text("Optional: "), range: text.start..<text.start), at: 0) }
                body.append(
                    Block(.heading(Heading(level: level, inlines: inlines, text: inlines.plainText)), range: text.range)
                )
            case .code(let text, let language, let isCopyable):
                let code = Block(
                    .codeBlock(
                        CodeBlock(
                            language: language.flatMap { $0.isEmpty ? nil : $0 },
                            code: Self.literalCode(text.text))), range: text.range)
                body.append(
                    isCopyable
                        ? Block(.container(Container(classes: ["copyable-code"], body: [code])), range: text.range)
                        : code)
            }
        }
        let headingText = (isOptional ? "Optional: " : "") + titleText.text
        let width = headingText.unicodeScalars.count
        // Inherited fields may come from another file, in any order: span what is there.
        let bodyRange: SourceRange
        if let lower = body.map(\.range.lowerBound).min(), let upper = body.map(\.range.upperBound).max() {
            bodyRange = lower..<max(lower, upper)
        } else {
            bodyRange = titleText.range.upperBound..<titleText.range.upperBound
        }
        // A step's range spans its fields when they are all written in its own file.
        let sameFile =
            titleText.file.path == step.file
            && parsed.parts.allSatisfy { part in
                switch part {
                case .blocks(_, let file): file == step.file
                case .heading(let text, _, _), .code(let text, _, _): text.file.path == step.file
                }
            }
        let upper = sameFile ? max(titleText.range.upperBound, bodyRange.upperBound) : titleText.range.upperBound
        return StepCopy(
            branch: .html, expression: nil, numberText: String(parsed.number),
            numberRange: step.stepnumRange ?? titleText.range, number: parsed.number, title: title,
            titleText: title.plainText, titleRange: titleText.range, isOptional: isOptional,
            heading: HeadingAdornment(
                level: parsed.level, character: GizaYAMLStep.character(level: step.headingLevel), textWidth: width,
                underlineLength: 2 * width, range: titleText.range),
            label: nil, body: body, bodyRange: bodyRange, range: titleText.range.lowerBound..<upper)
    }

    /// A title or heading's inline markup, with positions in the YAML file.
    private mutating func inlines(_ text: YAMLText) -> [Inline] {
        var found: [Diagnostic] = []
        let nodes = InlineParser.parse(
            Array(text.text.utf8), map: InlineSourceMap(line: text.line, column: text.column), file: text.file.path,
            diagnostics: &found)
        diagnostics.append(contentsOf: found)
        return lowerInlines(nodes)
    }

    /// Code as the reST reader takes it from a `code-block` giza writes: trailing whitespace and
    /// blank lines around it dropped, the common indentation removed.
    static func literalCode(_ code: String) -> String {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " || line[line.index(before: end)] == "\t" {
                end = line.index(before: end)
            }
            return line[..<end]
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        let indent = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return lines.map { $0.isEmpty ? "" : String($0.dropFirst(indent)) }.joined(separator: "\n")
    }
}
