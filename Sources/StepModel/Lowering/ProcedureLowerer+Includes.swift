import StepSyntax

extension ProcedureLowerer {
    /// Reads an `include`: the file's blocks become the include's body, read with the includer's
    /// title styles. Missing files, cycles and files outside the source root are errors; the include is
    /// then rendered as nothing.
    mutating func include(_ directive: Directive) -> Include {
        let path = directive.argument.trimmingWhitespace()
        let range = directive.argumentRange ?? directive.nameRange
        guard let file = readIncluded(path, directive: directive, range: range) else {
            return Include(path: path, resolvedPath: nil, body: [])
        }
        var parseOptions = options.parseOptions
        parseOptions.titleStyles = titleStyles
        // The included blocks sit inside the include directive: they count from its depth.
        parseOptions.startingDepth = nesting + 1
        let included = SyntaxTree(parsing: file, options: parseOptions)
        diagnostics.append(contentsOf: included.diagnostics)
        let savedFile = currentFile
        currentFile = file.path
        includeStack.append(file.path)
        collectDefinitions(in: included.blocks)
        let body = lowerBlocks(included.blocks)
        includeStack.removeLast()
        currentFile = savedFile
        return Include(path: path, resolvedPath: file.path, body: body)
    }

    mutating func literalInclude(_ directive: Directive) -> LiteralInclude {
        let path = directive.argument.trimmingWhitespace()
        let range = directive.argumentRange ?? directive.nameRange
        let language = directive.option("language")
        let isCopyable = directive.option("copyable")?.lowercased() != "false"
        guard let file = readIncluded(path, directive: directive, range: range) else {
            return LiteralInclude(path: path, resolvedPath: nil, language: language, code: nil, isCopyable: isCopyable)
        }
        // The code is shown as it is: a binary file (NUL bytes) is not code, and bytes that are not
        // UTF-8 would be shown as U+FFFD. Both are errors at the byte, in the included file.
        if let nul = file.nulOffsets.first {
            let start = file.location(ofOffset: nul)
            diagnostics.append(
                Diagnostic(
                    severity: .error, id: .ioUnreadable,
                    summary: "literal include '\(path)' is not a text file: NUL byte at byte offset \(nul)",
                    explanation: "A literalinclude shows a text file as code; this one holds NUL bytes (a binary "
                        + "file, or text saved as UTF-16). Nothing is shown for it.",
                    location: DiagnosticLocation(
                        file: file.path, range: start..<SourceLocation(line: start.line, column: start.column + 1)),
                    notes: [
                        DiagnosticNote(
                            message: "included here", location: DiagnosticLocation(file: currentFile, range: range))
                    ]))
            return LiteralInclude(path: path, resolvedPath: file.path, language: language, code: nil, isCopyable: isCopyable)
        }
        diagnostics.append(
            contentsOf: file.encodingDiagnostics().map {
                var diagnostic = $0
                diagnostic.notes.append(
                    DiagnosticNote(message: "included here", location: DiagnosticLocation(file: currentFile, range: range)))
                return diagnostic
            })
        var lines = String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if lines.last == "" { lines.removeLast() }
        // Sphinx's order: start, end, lines, dedent.
        for (option, isStart) in [("start-after", true), ("start-at", true), ("end-before", false), ("end-at", false)] {
            guard let marker = directive.option(option), !marker.isEmpty else { continue }
            guard let index = lines.firstIndex(where: { $0.contains(marker) }) else {
                diagnose(
                    .error, .rstInclude, "':\(option):' text '\(marker)' is not in '\(path)'",
                    directive.options.first { $0.name == option }?.range ?? range,
                    explanation: "The included text would be empty or wrong; check the marker against the file.")
                continue
            }
            switch option {
            case "start-after": lines = Array(lines[(index + 1)...])
            case "start-at": lines = Array(lines[index...])
            case "end-before": lines = Array(lines[..<index])
            default: lines = Array(lines[...index])
            }
            _ = isStart
        }
        if let selection = directive.option("lines") {
            if let parsed = LineSelection.parse(selection) {
                let chosen = parsed.expanded(upTo: lines.count)
                lines = chosen.map { lines[$0 - 1] }
            } else {
                diagnose(
                    .warning, .rstDirective, "':lines:' value '\(selection)' is not a list of line numbers",
                    directive.options.first { $0.name == "lines" }?.range ?? range)
            }
        }
        if let dedent = directive.option("dedent") {
            let amount: Int
            if dedent.isEmpty {
                amount =
                    lines.filter { !$0.allSatisfy { $0 == " " } }
                    .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
            } else if let value = Int(dedent), value >= 0 {
                amount = value
            } else {
                diagnose(
                    .warning, .rstDirective, "':dedent:' value '\(dedent)' is not a number of spaces",
                    directive.options.first { $0.name == "dedent" }?.range ?? range)
                amount = 0
            }
            lines = lines.map { line in
                let spaces = line.prefix(while: { $0 == " " }).count
                return String(line.dropFirst(min(spaces, amount)))
            }
        }
        return LiteralInclude(
            path: path, resolvedPath: file.path, language: language, code: lines.joined(separator: "\n"),
            isCopyable: isCopyable)
    }

    static let minimumIncludeCharge = 1024

    private mutating func readIncluded(_ path: String, directive: Directive, range: SourceRange) -> SourceFile? {
        guard !path.isEmpty else {
            diagnose(.error, .rstInclude, "'\(directive.name)' needs the path of a file", directive.nameRange)
            return nil
        }
        // Once the budget is spent, no include is read, found or reported again: one finding, at the
        // include that went over, and no work for the thousands an include bomb still names.
        guard !includeBudgetSpent else { return nil }
        guard includeStack.count < options.maximumIncludeDepth else {
            diagnose(
                .error, .limitsIncludeDepth,
                "includes are nested more than \(options.maximumIncludeDepth) deep at '\(path)'", range,
                explanation: "Include chain: " + ([filePath] + includeStack).joined(separator: " → "))
            return nil
        }
        let key = currentFile + "\u{0}" + path
        let resolved = resolvedIncludes[key] ?? options.includes.resolve(path, from: currentFile)
        resolvedIncludes[key] = resolved
        switch resolved {
        case .failure(let failure):
            // Every failure is an error, a missing file too: the included text would be silently
            // absent from the output.
            diagnose(.error, .rstInclude, failure.summary, range)
            return nil
        case .file(let file):
            if file.path == filePath || includeStack.contains(file.path) {
                let chain = [filePath] + includeStack + [file.path]
                diagnose(
                    .error, .rstInclude, "include cycle: '\(path)' includes itself",
                    range, explanation: "Include chain: " + chain.joined(separator: " → "))
                return nil
            }
            // Each include counts at least 1 KiB: reading one costs more than its bytes, and an include
            // bomb is made of many small files.
            includedBytes += max(file.bytes.count, Self.minimumIncludeCharge)
            guard includedBytes <= options.maximumIncludedBytes else {
                includeBudgetSpent = true
                diagnose(
                    .error, .limitsIncludedBytes,
                    "included text exceeds \(options.maximumIncludedBytes) bytes in all at '\(path)'", range,
                    explanation:
                        "Each include counts every time it is read; includes that include others many times "
                        + "multiply. The includes from here on are not read. Raise 'limits.max-included-bytes' in "
                        + "stepdoc.yml if the text is really this large. Include chain: "
                        + ([filePath] + includeStack + [file.path]).joined(separator: " → "))
                return nil
            }
            return file
        }
    }
}
