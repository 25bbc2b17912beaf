import StepSyntax
import Yams

/// Reads giza steps YAML files (`steps-*.yaml`) into steps, as giza does: one YAML document per step,
/// `source:`/`inherit:` resolved through the include resolver (the named step's fields, overridden
/// by the inheriting step's), `replacement` applied, numbers from `stepnum` or counted on.
///
/// Problems are findings with positions in the YAML files: `steps.yaml` for what is not a step as
/// giza reads one, `steps.inherit` for a `source` that names no file or step.
struct GizaYAMLReader {
    let includes: any IncludeResolver
    let maximumDepth: Int
    private(set) var diagnostics: [Diagnostic] = []
    /// The invalid UTF-8 and NUL bytes of every file read (this one and those inherited from), at the
    /// byte: such a file's text holds U+FFFD where its bytes were, so it must not be regenerated.
    private(set) var encodingProblems: [Diagnostic] = []
    /// Files read for inheritance, by path: their steps as written (unresolved).
    private var cache: [String: [GizaYAMLStep]] = [:]
    /// Placeholders of the earlier copies of duplicate keys in the file being read → the key's name.
    private var shadowedKeys: [String: String] = [:]
    /// Lines above the text being read, in the file it stands in (a `.. tabs::` directive's content is
    /// read without the lines above it): Yams' marks count from the text, positions from the file.
    var lineOffset = 0

    init(includes: any IncludeResolver, maximumDepth: Int) {
        self.includes = includes
        self.maximumDepth = maximumDepth
    }

    /// The steps of `file`, inheritance resolved and replacements applied, each with its number.
    mutating func steps(of file: SourceFile) -> [(step: GizaYAMLStep, number: Int)] {
        let written = documents(of: file)
        cache[file.path] = written
        var result: [(GizaYAMLStep, Int)] = []
        var seen: [String: SourceRange] = [:]
        var previous = 0
        for step in written {
            let before = diagnostics.count
            let resolved = resolve(step, depth: 0, chain: [])
            // Problems inside the files inherited from are theirs, reported when they are read; here
            // they become one finding at the `source` that leads to them.
            let added = Array(diagnostics[before...])
            diagnostics.removeSubrange(before...)
            diagnostics += added.filter { $0.location?.file == file.path }
            let elsewhere = added.filter { $0.location?.file != file.path }
            if let source = step.source, let problem = elsewhere.first(where: { $0.severity == .error }) {
                diagnose(
                    .error, .stepsInherit,
                    "step '\(source.ref)' of '\(source.file)' cannot be read completely: \(problem.summary)",
                    source.range, file: file.path,
                    notes: problem.location.map { [DiagnosticNote(message: "the problem is here", location: $0)] } ?? []
                )
            }
            let number = resolved.stepnum ?? previous + 1
            previous = number
            if let ref = resolved.ref {
                if let first = seen[ref] {
                    diagnose(
                        .warning, .stepsYAML, "ref '\(ref)' is used by an earlier step too", step.range,
                        file: file.path,
                        notes: [
                            DiagnosticNote(
                                message: "first used here", location: DiagnosticLocation(file: file.path, range: first))
                        ])
                } else {
                    seen[ref] = step.range
                }
            }
            result.append((resolved.replaced(), number))
        }
        let isBlank = file.bytes.dropFirst(file.hasByteOrderMark ? 3 : 0).allSatisfy {
            $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D
        }
        if result.isEmpty, !isBlank, !diagnostics.contains(where: { $0.severity == .error }) {
            let start = SourceLocation(line: 1, column: 1)
            diagnose(
                .warning, .stepsStructure, "no steps found: no YAML document in the file is a step", start..<start,
                file: file.path, explanation: StepFilesMustHaveSteps.yamlExplanation)
        }
        return result
    }

    // MARK: - Inheritance

    private mutating func resolve(_ step: GizaYAMLStep, depth: Int, chain: [String]) -> GizaYAMLStep {
        guard let source = step.source else { return step }
        let key = source.file + "#" + source.ref
        guard !chain.contains(key) else {
            diagnose(
                .error, .stepsInherit, "step '\(source.ref)' of '\(source.file)' inherits from itself", source.range,
                file: step.file)
            return step
        }
        guard depth < maximumDepth else {
            diagnose(
                .error, .limitsIncludeDepth,
                "inheritance is nested more than \(maximumDepth) levels deep", source.range, file: step.file)
            return step
        }
        let steps: [GizaYAMLStep]
        switch includes.resolve(source.file, from: step.file) {
        case .failure(let failure):
            diagnose(
                .error, .stepsInherit, "cannot inherit from '\(source.file)': " + failure.summary, source.range,
                file: step.file,
                explanation:
                    "giza looks the file up beside this one, or from the source root for a path starting with '/'.")
            return step
        case .file(let file):
            if let cached = cache[file.path] {
                steps = cached
            } else {
                steps = documents(of: file)
                cache[file.path] = steps
            }
        }
        guard let base = steps.first(where: { $0.ref == source.ref }) else {
            let refs = steps.compactMap(\.ref)
            diagnose(
                .error, .stepsInherit,
                "'\(source.file)' has no step with ref '\(source.ref)'"
                    + DidYouMean.phrase(for: source.ref, among: refs),
                source.range, file: step.file)
            return step
        }
        return step.inheriting(from: resolve(base, depth: depth + 1, chain: chain + [key]))
    }

    // MARK: - Documents

    /// The steps of a file as written, one per YAML document.
    private mutating func documents(of file: SourceFile) -> [GizaYAMLStep] {
        // The text below has U+FFFD for each bad byte: each is an error at its place first, as in a
        // reST file (a Latin-1 file must not read as clean).
        let encoding = file.encodingDiagnostics()
        diagnostics += encoding
        encodingProblems += encoding
        var text = String(decoding: file.bytes, as: UTF8.self)
        shadowedKeys = [:]
        // giza's PyYAML keeps the last value of a key given twice; Yams refuses the document. Each
        // earlier copy is renamed in place (same length, so every position holds) and the file read
        // again; the fields then warn at the later copy and skip the renamed one.
        let findingsBefore = diagnostics.count
        while true {
            var steps: [GizaYAMLStep] = []
            var failure: Error? = nil
            do {
                var sequence = try Yams.compose_all(yaml: text, .default, .default, .utf8)
                while let node = sequence.next() {
                    if let step = self.step(node, file: file) { steps.append(step) }
                }
                failure = sequence.error
            } catch {
                failure = error
            }
            guard let failure else { return steps }
            if case .duplicatedKeysInMapping(_, let context) as YamlError = failure,
                shadowedKeys.count < Self.maximumShadowedKeys,
                let renamed = renamingKey(at: location(context.mark, file), in: text)
            {
                text = renamed
                // The steps read so far are read again with the rest; their findings must not repeat.
                diagnostics.removeSubrange(findingsBefore...)
                continue
            }
            syntaxError(failure, file: file)
            return steps
        }
    }

    /// At most this many duplicate keys are read past in one file; beyond, it is an error as before.
    static let maximumShadowedKeys = 1000

    /// `text` with the plain key at `location` replaced by a placeholder of the same length (`~12`),
    /// remembered in ``shadowedKeys``; `nil` when there is no plain key there or it is too short.
    private mutating func renamingKey(at location: SourceLocation, in text: String) -> String? {
        var bytes = Array(text.utf8)
        var lineStart = 0
        var line = 1
        while line < location.line, lineStart < bytes.count {
            if bytes[lineStart] == 0x0A { line += 1 }
            lineStart += 1
        }
        let start = lineStart + location.column - 1
        var end = start
        func isKeyByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
                || byte == 0x2D
        }
        while end < bytes.count, isKeyByte(bytes[end]) { end += 1 }
        let placeholder = Array("~\(shadowedKeys.count)".utf8)
        guard end > start, end - start >= placeholder.count, end < bytes.count, bytes[end] == UInt8(ascii: ":")
        else { return nil }
        let name = String(decoding: bytes[start..<end], as: UTF8.self)
        let padded = placeholder + Array(repeating: UInt8(ascii: "~"), count: end - start - placeholder.count)
        bytes.replaceSubrange(start..<end, with: padded)
        shadowedKeys[String(decoding: padded, as: UTF8.self)] = name
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The field a mapping key names, or `nil` for one to skip; a field given again in the same mapping
    /// (`seen`) is a warning at the later copy, whose value is the one kept.
    private mutating func fieldName(_ key: Node, file: SourceFile, seen: inout [String: SourceRange]) -> String? {
        guard let written = key.string else { return nil }
        let name = shadowedKeys[written] ?? written
        let range = range(key, file)
        if let earlier = seen[name] {
            diagnose(
                .warning, .stepsYAML, "'\(name)' is given again; giza keeps this value and drops the earlier one",
                range, file: file.path, explanation: "Remove one of the two.",
                notes: [
                    DiagnosticNote(
                        message: "the earlier '\(name)'", location: DiagnosticLocation(file: file.path, range: earlier))
                ])
        }
        seen[name] = range
        return shadowedKeys[written] == nil ? name : nil
    }

    private mutating func step(_ node: Node, file: SourceFile) -> GizaYAMLStep? {
        guard case .mapping(let mapping) = node else {
            if case .scalar(let scalar) = node, scalar.string.isEmpty { return nil }
            diagnose(
                .error, .stepsYAML, "a step is a mapping of fields (title, ref, content …)", range(node, file),
                file: file.path)
            return nil
        }
        var step = GizaYAMLStep(range: range(node, file), file: file.path)
        var seen: [String: SourceRange] = [:]
        for (key, value) in mapping {
            guard let name = fieldName(key, file: file, seen: &seen) else { continue }
            switch name {
            case "title", "heading":
                (step.title, step.titleCharacter) = heading(value, file: file)
            case "stepnum", "number":
                step.stepnum = integer(value, field: name, file: file)
                step.stepnumRange = range(value, file)
            case "level":
                if let level = value.int {
                    step.level = level
                } else if let text = value.string, let character = text.unicodeScalars.first,
                    let index = GizaYAMLStep.characters.firstIndex(of: character)
                {
                    step.level = index + 1
                } else {
                    wrongType(value, field: name, expected: "a level 1–6 or a heading character", file: file)
                }
            case "ref":
                step.ref = string(value, field: name, file: file)
            case "optional":
                step.isOptional = boolean(value, field: name, file: file)
            case "pre": step.pre = text(value, field: name, file: file)
            case "content": step.content = text(value, field: name, file: file)
            case "post": step.post = text(value, field: name, file: file)
            case "action":
                step.actions = actions(value, file: file)
            case "source", "inherit":
                step.source = source(value, file: file)
            case "replacement":
                step.replacement = replacements(value, file: file)
            case "edition", "final":
                break
            default:
                diagnose(
                    .warning, .stepsYAML,
                    "unknown step field '\(name)'"
                        + DidYouMean.phrase(for: name, among: Self.stepFields), range(key, file), file: file.path,
                    explanation: "giza ignores it.")
            }
        }
        if step.ref == nil, let source = step.source { step.ref = source.ref }
        return step
    }

    static let stepFields = [
        "title", "stepnum", "level", "ref", "optional", "pre", "content", "post", "action", "source", "inherit",
        "replacement", "edition",
    ]

    private mutating func actions(_ node: Node, file: SourceFile) -> [GizaYAMLAction] {
        switch node {
        case .mapping: return action(node, file: file).map { [$0] } ?? []
        case .sequence(let sequence): return sequence.compactMap { action($0, file: file) }
        default:
            wrongType(node, field: "action", expected: "a mapping or a list of mappings", file: file)
            return []
        }
    }

    private mutating func action(_ node: Node, file: SourceFile) -> GizaYAMLAction? {
        guard case .mapping(let mapping) = node else {
            wrongType(node, field: "action", expected: "a mapping", file: file)
            return nil
        }
        var action = GizaYAMLAction()
        var seen: [String: SourceRange] = [:]
        for (key, value) in mapping {
            guard let name = fieldName(key, file: file, seen: &seen) else { continue }
            switch name {
            case "heading", "title": action.heading = heading(value, file: file).0
            case "optional": action.isOptional = boolean(value, field: name, file: file) ?? false
            case "pre": action.pre = text(value, field: name, file: file)
            case "code": action.code = text(value, field: name, file: file)
            case "language": action.language = string(value, field: name, file: file)
            case "copyable": action.isCopyable = boolean(value, field: name, file: file) ?? false
            case "content": action.content = text(value, field: name, file: file)
            case "post": action.post = text(value, field: name, file: file)
            case "level", "edition": break
            default:
                diagnose(
                    .warning, .stepsYAML,
                    "unknown action field '\(name)'"
                        + DidYouMean.phrase(for: name, among: Self.actionFields), range(key, file), file: file.path,
                    explanation: "giza ignores it.")
            }
        }
        return action
    }

    static let actionFields = ["heading", "optional", "pre", "code", "language", "copyable", "content", "post"]

    /// A title or heading: a string, or `{text, character}`.
    private mutating func heading(_ node: Node, file: SourceFile) -> (YAMLText?, Unicode.Scalar?) {
        guard case .mapping(let mapping) = node else { return (text(node, field: "title", file: file), nil) }
        var title: YAMLText? = nil
        var character: Unicode.Scalar? = nil
        for (key, value) in mapping {
            switch key.string {
            case "text": title = text(value, field: "text", file: file)
            case "character":
                if let scalar = value.string?.unicodeScalars.first, GizaYAMLStep.characters.contains(scalar) {
                    character = scalar
                } else {
                    wrongType(value, field: "character", expected: "one of = - ~ ` ^ '", file: file)
                }
            default: break
            }
        }
        if title == nil {
            diagnose(
                .error, .stepsYAML, "a title written as a mapping needs its 'text'", range(node, file),
                file: file.path)
        }
        return (title, character)
    }

    private mutating func source(_ node: Node, file: SourceFile) -> GizaYAMLStep.Source? {
        guard case .mapping(let mapping) = node, let path = mapping["file"]?.string, let ref = mapping["ref"]?.string
        else {
            wrongType(node, field: "source", expected: "a mapping with 'file' and 'ref'", file: file)
            return nil
        }
        return GizaYAMLStep.Source(file: path, ref: ref, range: range(node, file))
    }

    private mutating func replacements(_ node: Node, file: SourceFile) -> [String: String] {
        guard case .mapping(let mapping) = node else {
            wrongType(node, field: "replacement", expected: "a mapping of names to text", file: file)
            return [:]
        }
        var result: [String: String] = [:]
        for (key, value) in mapping {
            if let name = key.string, let text = value.string { result[name] = text }
        }
        return result
    }

    // MARK: - Scalars

    mutating func text(_ node: Node, field: String, file: SourceFile) -> YAMLText? {
        guard case .scalar(let scalar) = node else {
            wrongType(node, field: field, expected: "text", file: file)
            return nil
        }
        let start = location(scalar.mark, file)
        let lineCount = scalar.string.split(separator: "\n", omittingEmptySubsequences: false).count
        switch scalar.style {
        case .literal, .folded:
            // The text starts on the line after the indicator, at the block's indentation.
            let header = file.text(ofLine: start.line - lineOffset)
            let headerBytes = Array(header.utf8)
            let indicator = headerBytes.dropFirst(max(0, start.column - 1)).prefix { $0 != 0x20 && $0 != 0x23 }
            let keyIndent = headerBytes.prefix { $0 == 0x20 }.count
            var indent: Int
            if let digit = indicator.first(where: { $0 >= 0x31 && $0 <= 0x39 }) {
                indent = keyIndent + Int(digit - 0x30)
            } else {
                indent = 0
                var line = start.line + 1 - lineOffset
                while line <= file.lineCount {
                    let text = file.text(ofLine: line)
                    if text.utf8.contains(where: { $0 != 0x20 }) {
                        indent = text.utf8.prefix { $0 == 0x20 }.count
                        break
                    }
                    line += 1
                }
            }
            let last = min(file.lineCount + lineOffset, start.line + max(1, lineCount - 1))
            let end = SourceLocation(line: last, column: file.text(ofLine: last - lineOffset).utf8.count + 1)
            return YAMLText(
                text: scalar.string, file: file, line: start.line + 1, column: indent + 1,
                range: start..<max(start, end))
        case .singleQuoted, .doubleQuoted:
            let end = SourceLocation(line: start.line, column: start.column + scalar.string.utf8.count + 2)
            return YAMLText(
                text: scalar.string, file: file, line: start.line, column: start.column + 1, range: start..<end)
        case .plain, .any:
            let end = SourceLocation(line: start.line, column: start.column + scalar.string.utf8.count)
            return YAMLText(text: scalar.string, file: file, line: start.line, column: start.column, range: start..<end)
        }
    }

    mutating func string(_ node: Node, field: String, file: SourceFile) -> String? {
        guard case .scalar(let scalar) = node else {
            wrongType(node, field: field, expected: "text", file: file)
            return nil
        }
        return scalar.string
    }

    private mutating func integer(_ node: Node, field: String, file: SourceFile) -> Int? {
        guard let value = node.int else {
            wrongType(node, field: field, expected: "a whole number", file: file)
            return nil
        }
        return value
    }

    private mutating func boolean(_ node: Node, field: String, file: SourceFile) -> Bool? {
        guard let value = node.bool else {
            wrongType(node, field: field, expected: "true or false", file: file)
            return nil
        }
        return value
    }

    private mutating func wrongType(_ node: Node, field: String, expected: String, file: SourceFile) {
        diagnose(.error, .stepsYAML, "'\(field)' must be \(expected)", range(node, file), file: file.path)
    }

    // MARK: - Positions

    /// A Yams mark (1-based line, column in Unicode scalars) as a location (column in UTF-8 bytes).
    func location(_ mark: Mark?, _ file: SourceFile) -> SourceLocation {
        guard let mark, mark.line >= 1 else { return SourceLocation(line: 1, column: 1) }
        let text = file.text(ofLine: mark.line)
        let prefix = text.unicodeScalars.prefix(max(0, mark.column - 1))
        var bytes = 0
        for scalar in prefix { bytes += UTF8.width(scalar) }
        return SourceLocation(line: mark.line + lineOffset, column: bytes + 1)
    }

    func range(_ node: Node, _ file: SourceFile) -> SourceRange {
        let start = location(node.mark, file)
        if case .scalar(let scalar) = node, !scalar.string.contains("\n") {
            return start..<SourceLocation(line: start.line, column: start.column + max(1, scalar.string.utf8.count))
        }
        let line = file.text(ofLine: start.line - lineOffset)
        return start..<SourceLocation(line: start.line, column: max(start.column + 1, line.utf8.count + 1))
    }

    private mutating func syntaxError(_ error: Error, file: SourceFile) {
        var location = SourceLocation(line: 1, column: 1)
        var message = "not valid YAML"
        if let error = error as? YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                location = self.location(mark, file)
                message = "not valid YAML: \(problem)"
            case .reader(let problem, _, _, _):
                message = "not valid YAML: \(problem)"
            case .duplicatedKeysInMapping(let duplicates, let context):
                location = self.location(context.mark, file)
                message = "a field is given twice: \(duplicates.joined(separator: ", "))"
            default:
                break
            }
        }
        diagnose(
            .error, .stepsYAML, message, location..<SourceLocation(line: location.line, column: location.column + 1),
            file: file.path, explanation: "The documents after this point are not read.")
    }

    mutating func diagnose(
        _ severity: Diagnostic.Severity, _ id: RuleID, _ summary: String, _ range: SourceRange, file: String,
        explanation: String? = nil, notes: [DiagnosticNote] = []
    ) {
        diagnostics.append(
            Diagnostic(
                severity: severity, id: id, summary: summary, explanation: explanation,
                location: DiagnosticLocation(file: file, range: range), notes: notes))
    }
}
