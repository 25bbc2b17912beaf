import StepDocChecks
import StepProject
import StepSyntax

/// `--format json`: every finding with its position, notes and fix-its, keys in a fixed order.
///
/// ```json
/// {"version": 1, "files": 2, "diagnostics": [{"id": .stepsNumbering, "severity": "error",
///   "file": "content/a.rst", "line": 9, "column": 4, "endLine": 9, "endColumn": 5, "summary": "…",
///   "explanation": null, "notes": [], "fixIts": []}]}
/// ```
///
/// Lines are 1-based and columns count UTF-8 bytes from 1, as in the text output; end positions are
/// exclusive. A finding without a position has `null` there. `version` changes only when a key's
/// meaning does; keys may be added.
public struct JSONReporter {
    /// The format's version, the document's first key.
    public static let formatVersion = 1

    public init() {}

    public func render(_ report: DiagnosticReport) -> String {
        JSONValue.object([
            ("version", .int(Self.formatVersion)),
            ("files", .int(report.files.count)),
            ("diagnostics", .array(report.diagnostics.map(value))),
        ]).rendered()
    }

    private func value(_ diagnostic: Diagnostic) -> JSONValue {
        .object(
            [("id", .string(diagnostic.id.rawValue)), ("severity", .string(diagnostic.severity.rawValue))]
                + position(diagnostic.location)
                + [
                    ("summary", .string(diagnostic.summary)),
                    ("explanation", .optional(diagnostic.explanation)),
                    (
                        "notes",
                        .array(
                            diagnostic.notes.map { note in
                                .object([("message", .string(note.message))] + position(note.location))
                            })
                    ),
                    (
                        "fixIts",
                        .array(
                            diagnostic.fixIts.map { fixIt in
                                .object(
                                    [("message", .string(fixIt.message))] + position(fixIt.location)
                                        + [("replacement", .string(fixIt.replacement))])
                            })
                    ),
                ])
    }

    private func position(_ location: DiagnosticLocation?) -> [(String, JSONValue)] {
        [
            ("file", .optional(location?.file)),
            ("line", .optional(location?.range.lowerBound.line)),
            ("column", .optional(location?.range.lowerBound.column)),
            ("endLine", .optional(location?.range.upperBound.line)),
            ("endColumn", .optional(location?.range.upperBound.column)),
        ]
    }
}
