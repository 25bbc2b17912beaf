import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// giza → `.. procedure::` → giza gives back the giza file, byte for byte.
@Suite struct ProcedureDirectiveRoundTripTests {
    /// The seed and the real corpus, by name.
    static func gizaFiles() throws -> [(String, [UInt8])] {
        var files = [(Fixtures.seedFile().lastPathComponent, try [UInt8](Data(contentsOf: Fixtures.seedFile())))]
        for url in Fixtures.realCorpusFiles() {
            files.append((url.lastPathComponent, try [UInt8](Data(contentsOf: url))))
        }
        return files
    }

    static func procedureText(_ name: String, _ bytes: [UInt8]) throws -> [UInt8] {
        let file = SourceFile(path: name, bytes: bytes)
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(parsing: file, diagnostics: &diagnostics)
        let text = try ProcedureText(giza: file, procedure: procedure, lowering: diagnostics)
        return ProcedureDirectiveWriter.bytes(text)
    }

    static func gizaText(_ name: String, _ bytes: [UInt8]) -> (
        bytes: [UInt8], procedure: Procedure, diagnostics: [Diagnostic]
    ) {
        let file = SourceFile(path: name, bytes: bytes)
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(parsing: file, diagnostics: &diagnostics)
        let text = ProcedureText(procedureDirective: file, procedure: procedure)
        return (GizaWriter.bytes(text), procedure, diagnostics)
    }

    @Test func givesBackEveryGizaFileByteForByte() throws {
        let files = try Self.gizaFiles()
        for (name, bytes) in files {
            let procedure = try Self.procedureText(name, bytes)
            let back = Self.gizaText(name + ".procedure.rst", procedure)
            #expect(back.procedure.format == .procedureDirective, "\(name)")
            let original = String(decoding: bytes, as: UTF8.self)
            let result = String(decoding: back.bytes, as: UTF8.self)
            #expect(original == result, "\(name):\n\(lineDiff(original, result))")
        }
    }
}
