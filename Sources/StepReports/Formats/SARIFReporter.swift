import Foundation
import StepDocChecks
import StepModel
import StepProject
import StepSyntax

/// `--format sarif`: a SARIF 2.1.0 log, the format GitHub code scanning and other CI dashboards import.
///
/// One run; `tool.driver.rules` is the rule catalogue (plus any id a finding uses that the catalogue
/// lacks), each result points at its rule by id and index. Paths under the current folder become
/// relative URIs against `%SRCROOT%`, columns are UTF-16 code units (SARIF's default column kind), and
/// notes become related locations. GitHub rejects a whole log when one result has no location, so
/// findings without one are listed as notifications of the run's invocation instead. Each result's `stepdoc/v1` fingerprint is made of the rule, the
/// file, the step's title and the summary, not the line, so an alert survives edits above it.
public struct SARIFReporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of the fingerprint in `partialFingerprints`; a new way of computing it gets a new key.
    public static let fingerprintKey = "stepdoc/v1"
    static let sourceRoot = "%SRCROOT%"

    public var rules: RuleCatalogue
    /// Whether the run read everything it was asked to (SARIF's `executionSuccessful`).
    public var executionSuccessful: Bool
    private var columns: SourceColumns
    private let paths: ReportPath

    public init(
        rules: RuleCatalogue = .stepdoc, executionSuccessful: Bool = true, sources: SourceExcerpts = SourceExcerpts(),
        currentDirectory: String = FileManager.default.currentDirectoryPath, pathBase: String? = nil
    ) {
        self.rules = rules
        self.executionSuccessful = executionSuccessful
        columns = SourceColumns(sources: sources)
        paths = ReportPath(currentDirectory: currentDirectory, base: pathBase)
    }

    public mutating func render(_ report: DiagnosticReport) -> String {
        // Ids a finding uses that no module described still need an entry for ruleIndex to point at.
        let catalogue = rules.appending(
            report.diagnostics.map { diagnostic in
                RuleDescriptor(id: diagnostic.id, defaultSeverity: diagnostic.severity, summary: diagnostic.id.rawValue)
            })
        var occurrences: [String: Int] = [:]
        var results: [JSONValue] = []
        var notifications: [JSONValue] = []
        for diagnostic in report.diagnostics {
            let ruleIndex = catalogue.index(of: diagnostic.id) ?? 0
            guard diagnostic.location != nil else {
                notifications.append(notification(diagnostic, ruleIndex: ruleIndex))
                continue
            }
            let fingerprint = Self.fingerprint(diagnostic, steps: report.steps, paths: paths)
            occurrences[fingerprint, default: 0] += 1
            // Like GitHub's own line hashes: the n-th identical finding gets `:n`.
            let key = "\(fingerprint):\(occurrences[fingerprint, default: 1])"
            results.append(result(diagnostic, ruleIndex: ruleIndex, fingerprint: key))
        }
        let driver: JSONValue = .object([
            ("name", .string("stepdoc")),
            ("version", .string(StepDocVersion.current)),
            ("semanticVersion", .string(StepDocVersion.current)),
            ("informationUri", .string(StepDocVersion.informationURI)),
            ("rules", .array(catalogue.rules.map(rule))),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            (
                "invocations",
                .array([
                    .object(
                        [("executionSuccessful", .bool(executionSuccessful))]
                            + (notifications.isEmpty ? [] : [("toolExecutionNotifications", .array(notifications))]))
                ])
            ),
            ("artifacts", .array(report.files.map { .object([("location", artifactLocation($0))]) })),
            ("columnKind", .string("utf16CodeUnits")),
            ("results", .array(results)),
        ])
        return JSONValue.object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).rendered()
    }

    private func rule(_ rule: RuleDescriptor) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(rule.id.rawValue)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
        ]
        if let help = rule.helpURI { members.append(("helpUri", .string(help))) }
        members.append(("defaultConfiguration", .object([("level", .string(Self.level(rule.defaultSeverity)))])))
        return .object(members)
    }

    private mutating func result(_ diagnostic: Diagnostic, ruleIndex: Int, fingerprint: String) -> JSONValue {
        var text = diagnostic.summary
        if let explanation = diagnostic.explanation, !explanation.isEmpty { text += "\n\n" + explanation }
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(diagnostic.id.rawValue)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(Self.level(diagnostic.severity))),
            ("message", .object([("text", .string(text))])),
        ]
        if let location = diagnostic.location {
            members.append(("locations", .array([.object([("physicalLocation", physicalLocation(location))])])))
        }
        let related = diagnostic.notes.enumerated().compactMap { index, note -> JSONValue? in
            guard let location = note.location else { return nil }
            return .object([
                ("id", .int(index + 1)),
                ("physicalLocation", physicalLocation(location)),
                ("message", .object([("text", .string(note.message))])),
            ])
        }
        if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
        members.append(("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprint))])))
        if !diagnostic.fixIts.isEmpty {
            var fixes: [JSONValue] = []
            for fixIt in diagnostic.fixIts { fixes.append(fix(fixIt)) }
            members.append(("fixes", .array(fixes)))
        }
        return .object(members)
    }

    /// A finding without a location, as a notification about the run.
    private func notification(_ diagnostic: Diagnostic, ruleIndex: Int) -> JSONValue {
        var text = diagnostic.summary
        if let explanation = diagnostic.explanation, !explanation.isEmpty { text += "\n\n" + explanation }
        return .object([
            ("level", .string(Self.level(diagnostic.severity))),
            ("message", .object([("text", .string(text))])),
            ("associatedRule", .object([("id", .string(diagnostic.id.rawValue)), ("index", .int(ruleIndex))])),
        ])
    }

    private mutating func fix(_ fixIt: FixIt) -> JSONValue {
        .object([
            ("description", .object([("text", .string(fixIt.message))])),
            (
                "artifactChanges",
                .array([
                    .object([
                        ("artifactLocation", artifactLocation(fixIt.location.file)),
                        (
                            "replacements",
                            .array([
                                .object([
                                    ("deletedRegion", region(fixIt.location)),
                                    ("insertedContent", .object([("text", .string(fixIt.replacement))])),
                                ])
                            ])
                        ),
                    ])
                ])
            ),
        ])
    }

    private mutating func physicalLocation(_ location: DiagnosticLocation) -> JSONValue {
        .object([("artifactLocation", artifactLocation(location.file)), ("region", region(location))])
    }

    private func artifactLocation(_ path: String) -> JSONValue {
        let (uri, isRelative) = paths.uriReference(path)
        return .object([("uri", .string(uri))] + (isRelative ? [("uriBaseId", .string(Self.sourceRoot))] : []))
    }

    private mutating func region(_ location: DiagnosticLocation) -> JSONValue {
        let start = location.range.lowerBound
        let end = location.range.upperBound
        // SARIF lines and columns start at 1; a location at "line 0" (a whole file) is clamped.
        return .object([
            ("startLine", .int(max(1, start.line))),
            ("startColumn", .int(max(1, columns.utf16Column(start, in: location.file)))),
            ("endLine", .int(max(1, end.line, start.line))),
            ("endColumn", .int(max(1, columns.utf16Column(end, in: location.file)))),
        ])
    }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// FNV-1a (64 bits, hex) of rule id, file, step and summary. The step is named by its title, and
    /// by its number only when it has none, so inserting a step before it keeps the fingerprint.
    static func fingerprint(_ diagnostic: Diagnostic, steps: [String: [StepSummary]], paths: ReportPath) -> String {
        var parts = [diagnostic.id.rawValue, diagnostic.location.map { paths.relative($0.file) } ?? ""]
        if let location = diagnostic.location,
            let step = StepSummary.containing(location.range.lowerBound, in: steps[location.file] ?? [])
        {
            parts.append(step.title.isEmpty ? "step " + step.number : step.title)
        } else {
            parts.append("")
        }
        parts.append(diagnostic.summary)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{0}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
