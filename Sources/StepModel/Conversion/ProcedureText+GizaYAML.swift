import StepSyntax

extension ProcedureText {
    /// The steps of a giza steps YAML file as text, each body written as giza's step template writes
    /// it (pre, actions, content, post; code blocks, headings and blank lines exactly as giza's
    /// `rstcloth` makes them), in today's giza era.
    ///
    /// - Throws: ``RegenerationRefusal`` when the YAML cannot be read completely, a file it reads is
    ///   not UTF-8 or holds NUL bytes, or a step has no title (giza would write a bare "Step N").
    public init(gizaYAML file: SourceFile, options: LoweringOptions = LoweringOptions()) throws(RegenerationRefusal) {
        var reader = GizaYAMLReader(includes: options.includes, maximumDepth: options.maximumIncludeDepth)
        let steps = reader.steps(of: file)
        // Bytes that are not UTF-8 (here or in a file inherited from) would be written as U+FFFD.
        var problems =
            reader.encodingProblems + reader.diagnostics.filter { $0.severity == .error && $0.id == .stepsYAML }
        var texts: [StepText] = []
        for (step, number) in steps {
            guard let title = step.title else {
                problems.append(
                    Diagnostic(
                        severity: .error, id: .stepsStructure, summary: "step \(number) has no title",
                        location: DiagnosticLocation(file: step.file, range: step.range)))
                continue
            }
            texts.append(
                StepText(
                    number: number, title: (step.isOptional == true ? "Optional: " : "") + title.text,
                    headingCharacter: GizaYAMLStep.character(level: step.headingLevel), ref: step.ref,
                    body: Self.gizaBody(step)))
        }
        guard problems.isEmpty else { throw RegenerationRefusal(file: file.path, diagnostics: problems) }
        let layout = GizaLayout(
            era: .notHTMLDoubledUnderline, lineEnding: file.lineEnding, hasByteOrderMark: file.hasByteOrderMark)
        self.init(layout: layout, steps: texts)
    }

    /// A step's body as giza's `render_step_content` writes it, indented three spaces.
    static func gizaBody(_ step: GizaYAMLStep) -> [String] {
        var lines: [String] = []
        func content(_ text: YAMLText?) {
            guard let text else { return }
            for line in text.text.split(separator: "\n", omittingEmptySubsequences: false) {
                var end = line.endIndex
                while end > line.startIndex, line[line.index(before: end)].isWhitespace {
                    end = line.index(before: end)
                }
                lines.append("   " + line[..<end])
            }
            lines.append("")
        }
        content(step.pre)
        let actionCharacter = GizaYAMLStep.character(level: step.headingLevel + 1)
        for action in step.actions ?? [] {
            if let heading = action.heading {
                let text = (action.isOptional ? "Optional: " : "") + heading.text
                lines += [
                    "   " + text, "   " + GizaWriter.underline(text, actionCharacter, era: .notHTMLDoubledUnderline),
                    "",
                ]
            }
            content(action.pre)
            if let code = action.code {
                if action.isCopyable { lines += ["   .. cssclass:: copyable-code", ""] }
                lines.append("   .. code-block::" + (action.language.map { " " + $0 } ?? ""))
                lines.append("   ")
                lines += code.text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }
                lines.append("")
            }
            content(action.content)
            content(action.post)
        }
        content(step.content)
        content(step.post)
        return lines
    }
}
