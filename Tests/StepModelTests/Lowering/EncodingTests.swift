import StepModel
import StepSyntax
import Testing

/// Bytes that are not UTF-8, and NUL bytes, in the text the model reads besides a reST file itself:
/// giza steps YAML, included and literally included files. Each is an error at the byte, as in a reST
/// file (issue 19: a Latin-1 YAML file passed, its bytes silently U+FFFD; a binary literal include had
/// its NUL bytes dropped).
@Suite struct EncodingTests {
    /// Serves files as bytes, so that they can be anything but UTF-8.
    struct ByteIncludes: IncludeResolver {
        let files: [String: [UInt8]]

        func resolve(_ path: String, from includingFile: String) -> IncludeResult {
            guard let bytes = files[path] else { return .failure(.missing(path: path)) }
            return .file(SourceFile(path: path, bytes: bytes))
        }
    }

    static let latin1Title = Array("title:\n  text: Caf".utf8) + [0xE9] + Array(" step\nref: one\ncontent: |\n  Text.\n".utf8)

    static func lower(_ file: SourceFile, includes: [String: [UInt8]] = [:]) -> (Procedure, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var suppressions = Suppressions(file: file.path)
        let procedure = Procedure(
            reading: file, options: LoweringOptions(includes: ByteIncludes(files: includes)),
            diagnostics: &diagnostics, suppressions: &suppressions)
        return (procedure, diagnostics)
    }

    static func position(_ diagnostic: Diagnostic?) -> String? {
        position(diagnostic?.location)
    }

    static func position(_ location: DiagnosticLocation?) -> String? {
        guard let location else { return nil }
        return "\(location.file):\(location.range.lowerBound.line):\(location.range.lowerBound.column)"
    }

    @Test func reportsInvalidUTF8InStepsYAMLAtTheByte() {
        let (_, diagnostics) = Self.lower(SourceFile(path: "steps-a.yaml", bytes: Self.latin1Title))
        let finding = diagnostics.first { $0.id == .rstInvalidUTF8 }
        #expect(Self.position(finding) == "steps-a.yaml:2:12", "\(diagnostics)")
        #expect(finding?.severity == .error)
        #expect(finding?.summary == "invalid UTF-8 at byte offset 18")
    }

    @Test func reportsANulByteInStepsYAMLAtTheByte() {
        let bytes = Array("title:\n  text: Step\nref: one\ncontent: |\n  Te".utf8) + [0] + Array("xt.\n".utf8)
        let (_, diagnostics) = Self.lower(SourceFile(path: "steps-a.yaml", bytes: bytes))
        #expect(Self.position(diagnostics.first { $0.id == .rstInvalidCharacter }) == "steps-a.yaml:5:5", "\(diagnostics)")
    }

    @Test func refusesToRegenerateStepsYAMLThatIsNotUTF8() {
        #expect(throws: RegenerationRefusal.self) {
            try ProcedureText(gizaYAML: SourceFile(path: "steps-a.yaml", bytes: Self.latin1Title))
        }
        // Inherited from: the U+FFFD would be copied into the conversion just the same.
        let inheriting = SourceFile(path: "steps-b.yaml", text: "source:\n  file: steps-a.yaml\n  ref: one\n")
        do {
            _ = try ProcedureText(
                gizaYAML: inheriting,
                options: LoweringOptions(includes: ByteIncludes(files: ["steps-a.yaml": Self.latin1Title])))
            Issue.record("an inherited Latin-1 title was converted")
        } catch {
            #expect(error.diagnostics.map(Self.position) == ["steps-a.yaml:2:12"])
        }
        // The same file in UTF-8 converts.
        let utf8 = SourceFile(path: "steps-a.yaml", text: "title:\n  text: Café step\nref: one\ncontent: |\n  Text.\n")
        #expect(throws: Never.self) { try ProcedureText(gizaYAML: utf8) }
    }

    static func literalInclude(_ procedure: Procedure) -> LiteralInclude? {
        func find(_ blocks: [Block]) -> LiteralInclude? {
            for block in blocks {
                if case .literalInclude(let include) = block.kind { return include }
            }
            return nil
        }
        return procedure.steps.lazy.compactMap { find($0.body) }.first ?? find(procedure.looseContent)
    }

    @Test func reportsInvalidUTF8InALiteralIncludeAtTheByteOfTheIncludedFile() {
        let file = SourceFile(path: "t.rst", text: "Text.\n\n.. literalinclude:: /code.py\n")
        let code = Array("x = 1\nprint('caf".utf8) + [0xE9] + Array("')\n".utf8)
        let (_, diagnostics) = Self.lower(file, includes: ["/code.py": code])
        let finding = diagnostics.first { $0.id == .rstInvalidUTF8 }
        #expect(Self.position(finding) == "/code.py:2:11", "\(diagnostics)")
        #expect(finding?.notes.map { Self.position($0.location) } == ["t.rst:3:21"])
    }

    @Test func reportsABinaryLiteralIncludeAsUnreadableAndShowsNoCode() {
        let file = SourceFile(path: "t.rst", text: "Text.\n\n.. literalinclude:: /tool.bin\n")
        let (procedure, diagnostics) = Self.lower(file, includes: ["/tool.bin": [0x7F, 0x45, 0x00, 0x01, 0x0A]])
        let finding = diagnostics.first { $0.id == .ioUnreadable }
        #expect(Self.position(finding) == "/tool.bin:1:3", "\(diagnostics)")
        #expect(finding?.severity == .error)
        #expect(Self.literalInclude(procedure)?.code == nil)
        #expect(!diagnostics.contains { $0.id == .rstInvalidCharacter }, "one finding for the file, not one per NUL")
    }

    @Test func reportsInvalidUTF8InAnIncludedFileAtTheByte() {
        let file = SourceFile(path: "t.rst", text: "Text.\n\n.. include:: /inc.rst\n")
        let (_, diagnostics) = Self.lower(file, includes: ["/inc.rst": Array("One.\n\nCaf".utf8) + [0xE9, 0x0A]])
        #expect(Self.position(diagnostics.first { $0.id == .rstInvalidUTF8 }) == "/inc.rst:3:4", "\(diagnostics)")
    }

    @Test func readsUTF8LiteralIncludesWithoutFindings() {
        let file = SourceFile(path: "t.rst", text: "Text.\n\n.. literalinclude:: /code.py\n")
        let (procedure, diagnostics) = Self.lower(file, includes: ["/code.py": Array("print('café')\n".utf8)])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(Self.literalInclude(procedure)?.code == "print('café')")
    }
}
