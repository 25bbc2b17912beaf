import Foundation
import StepDocChecks
import StepModel
import StepParity
import StepSyntax

/// The quick fix for a step no check implements: the `Check(…)` skeleton parity suggests, inserted into
/// the Swift file of the suite, after the check of the nearest earlier step (else before the first
/// check), indented as that check is.
struct CheckInsertion {
    let analysis: DocumentAnalysis
    let encoding: PositionEncoding

    /// The code action for the undefined step whose title is at `range`, if the suite's source is here.
    func action(forStepTitleAt range: SourceRange, diagnostic: JSON) -> JSON? {
        guard let procedure = analysis.procedure, let suite = analysis.suite, let matching = analysis.matching,
            let stepIndex = procedure.steps.firstIndex(where: { $0.primary.titleRange == range })
        else { return nil }
        var anchor: (check: CheckDefinition, after: Bool)? = nil
        for earlier in stride(from: stepIndex - 1, through: 0, by: -1) {
            if let match = matching.matches(forStep: earlier).last {
                anchor = (suite.checks[match.check], true)
                break
            }
        }
        if anchor == nil, let first = suite.checks.first { anchor = (first, false) }
        guard let (check, after) = anchor else { return nil }
        let path = DeclarationPaths.absolutePath(of: check.declaration.file, for: analysis)
        guard let data = FileManager.default.contents(atPath: path), data.count < 16 * 1024 * 1024 else { return nil }
        let bytes = [UInt8](data)
        let swiftFile = SourceFile(path: path, bytes: bytes)
        let start = swiftFile.offset(of: SourceLocation(line: check.declaration.line, column: check.declaration.column))
        let lineStart = swiftFile.offset(of: SourceLocation(line: check.declaration.line, column: 1))
        let indent = String(decoding: bytes[lineStart..<start].prefix { $0 == 0x20 || $0 == 0x09 }, as: UTF8.self)
        let skeleton = CheckSkeleton(step: procedure.steps[stepIndex], takenIDs: Set(suite.checks.map(\.id)))
        let indented = skeleton.swiftSource.split(separator: "\n", omittingEmptySubsequences: false)
            .map { indent + $0 }.joined(separator: "\n")
        let offset: Int
        let text: String
        if after {
            guard let end = Self.endOfCall(bytes, openingParenthesis: start) else { return nil }
            var index = end
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                offset = index + 1
                text = "\n" + indented
            } else {
                offset = end
                text = ",\n" + indented
            }
        } else {
            offset = lineStart
            text = indented + "\n"
        }
        let document = TextDocument(
            uri: FileURI.uri(ofPath: path), languageID: "swift", version: 0,
            text: String(decoding: bytes, as: UTF8.self))
        let position = document.position(ofOffset: offset, encoding: encoding)
        let name = (path as NSString).lastPathComponent
        let edit: JSON = ["range": PositionRange(start: position, end: position).json, "newText": .string(text)]
        return [
            "title": .string("Add check '\(skeleton.id)' for this step to \(name)"),
            "kind": "quickfix",
            "diagnostics": [diagnostic],
            "edit": ["changes": .object([document.uri: [edit]])],
        ]
    }

    /// The offset just past a call that opens at `openingParenthesis`, with its trailing closure if it
    /// has one; strings and comments are skipped. `nil` when the file ends first.
    static func endOfCall(_ bytes: [UInt8], openingParenthesis: Int) -> Int? {
        guard openingParenthesis < bytes.count, bytes[openingParenthesis] == UInt8(ascii: "(") else { return nil }
        guard var index = matching(bytes, from: openingParenthesis) else { return nil }
        var look = index
        while look < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[look]) { look += 1 }
        if look < bytes.count, bytes[look] == UInt8(ascii: "{"), let end = matching(bytes, from: look) { index = end }
        return index
    }

    /// The offset past the bracket that closes the one at `start`.
    private static func matching(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return index + 1 }
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
