import StepSyntax

extension ProcedureLowerer {
    /// The steps of a `.. procedure::` directive: each `.. step:: Title` child is a step with one copy
    /// (the HTML copy, as renderers use it), numbered by position; other children are loose content.
    mutating func procedureItems(_ directive: Directive) -> [Item] {
        guard case .blocks(let children) = directive.content else { return [] }
        if let style = directive.option("style"), style != "normal", style != "connected" {
            let range = directive.options.first { $0.name == "style" }?.range ?? directive.nameRange
            diagnose(.warning, .rstDirective, "procedure style '\(style)' is not 'normal' or 'connected'", range)
        }
        var items: [Item] = []
        var position = 0
        for child in children {
            guard case .directive(let step) = child.kind, step.name == "step" else {
                items.append(contentsOf: lowerBlocks([child]).map { .loose($0) })
                continue
            }
            position += 1
            procedureStepCount += 1
            let numbers = layoutComment?.numbers
            let number =
                numbers.flatMap { procedureStepCount <= $0.count ? $0[procedureStepCount - 1] : nil } ?? position
            items.append(.copy(procedureStepCopy(step, range: child.range, number: number)))
        }
        return items
    }

    private mutating func procedureStepCopy(_ step: Directive, range: SourceRange, number: Int) -> StepCopy {
        let argumentRange = step.argumentRange ?? step.nameRange
        if step.argument.isEmpty {
            diagnose(
                .error, .stepsStructure, "step \(number) has no title", step.nameRange,
                explanation: "A step is written '.. step:: Title', with its body indented below.")
        }
        var parsed: [Diagnostic] = []
        let map = InlineSourceMap(line: argumentRange.lowerBound.line, column: argumentRange.lowerBound.column)
        let nodes = InlineParser.parse(Array(step.argument.utf8), map: map, file: currentFile, diagnostics: &parsed)
        diagnostics.append(contentsOf: parsed)
        var title = lowerInlines(nodes)
        var titleStart = argumentRange.lowerBound
        var isOptional = false
        if step.argument.hasPrefix("Optional: ") {
            isOptional = true
            Self.dropPrefix(&title, byteCount: "Optional: ".utf8.count)
            titleStart.column += "Optional: ".utf8.count
        }
        var children: [BlockNode] = []
        if case .blocks(let blocks) = step.content { children = blocks }
        var label: String? = nil
        if let first = children.first, case .hyperlinkTarget(let target) = first.kind, case .label = target.destination
        {
            label = target.name
            children.removeFirst()
        }
        let body = lowerBlocks(children)
        let headerEnd = argumentRange.upperBound
        let bodyRange: SourceRange
        if let first = children.first, let last = children.last {
            bodyRange = first.range.lowerBound..<last.range.upperBound
        } else {
            bodyRange = headerEnd..<headerEnd
        }
        let heading = HeadingAdornment(
            level: 0, character: layoutComment?.headingCharacter ?? "~",
            textWidth: step.argument.unicodeScalars.count, underlineLength: 0,
            range: range.lowerBound..<headerEnd)
        return StepCopy(
            branch: .html, expression: nil, numberText: String(number), numberRange: step.nameRange, number: number,
            title: title, titleText: title.plainText, titleRange: titleStart..<argumentRange.upperBound,
            isOptional: isOptional, heading: heading, label: label, body: body, bodyRange: bodyRange, range: range)
    }

    /// The level a procedure's steps sit at: one above the highest heading in their bodies, so action
    /// headings render one level below the step as they do in giza files.
    static func procedureStepLevel(_ copies: [StepCopy]) -> Int {
        var lowest: Int? = nil
        for copy in copies {
            for block in copy.body {
                if case .heading(let heading) = block.kind { lowest = min(lowest ?? heading.level, heading.level) }
            }
        }
        return max(0, (lowest ?? 1) - 1)
    }
}
