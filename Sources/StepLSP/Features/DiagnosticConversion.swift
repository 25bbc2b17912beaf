import Foundation
import StepModel
import StepProject
import StepSyntax

/// stepdoc's findings as LSP diagnostics: the rule id as `code`, its documentation as
/// `codeDescription`, notes as `relatedInformation`, severities mapped (a note is Information).
///
/// A finding located in another file (an included file, stepdoc.yml) is shown at the top of the
/// document, its message starting with where it is, and a related location there.
struct DiagnosticConversion {
    let analysis: DocumentAnalysis
    let encoding: PositionEncoding
    let capabilities: ClientCapabilities
    var locations: LocationConversion

    init(analysis: DocumentAnalysis, encoding: PositionEncoding, capabilities: ClientCapabilities) {
        self.analysis = analysis
        self.encoding = encoding
        self.capabilities = capabilities
        locations = LocationConversion(analysis: analysis, encoding: encoding)
    }

    /// The diagnostics to publish for the document.
    mutating func diagnostics() -> [JSON] {
        guard let source = analysis.source else { return [] }
        return source.diagnostics.map { convert($0) }
    }

    mutating func convert(_ diagnostic: Diagnostic) -> JSON {
        var message = diagnostic.summary
        var range = PositionRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0))
        var related: [JSON] = []
        if let location = diagnostic.location {
            if location.file == analysis.file.path {
                range = analysis.range(location.range, encoding: encoding)
            } else {
                message =
                    "\(location.file):\(location.range.lowerBound.line):\(location.range.lowerBound.column): "
                    + message
                related.append(["location": locations.location(location), "message": .string(diagnostic.summary)])
            }
        }
        if let explanation = diagnostic.explanation, !explanation.isEmpty { message += "\n\n" + explanation }
        for note in diagnostic.notes {
            if let location = note.location, capabilities.relatedInformation {
                related.append(["location": locations.location(location), "message": .string(note.message)])
            } else {
                message += "\nnote: " + note.message
                if let location = note.location {
                    message +=
                        " (\(location.file):\(location.range.lowerBound.line):\(location.range.lowerBound.column))"
                }
            }
        }
        var result: [String: JSON] = [
            "range": range.json,
            "severity": .integer(Self.severity(diagnostic.severity)),
            "code": .string(diagnostic.id.rawValue),
            "source": "stepdoc",
            "message": .string(message),
        ]
        if capabilities.codeDescription {
            let uri = RuleCatalogue.stepdoc[diagnostic.id]?.helpURI ?? StepDocVersion.rulesURI
            result["codeDescription"] = ["href": .string(uri)]
        }
        if !related.isEmpty, capabilities.relatedInformation { result["relatedInformation"] = .array(related) }
        let tags = Self.tags(for: diagnostic.id).filter { capabilities.diagnosticTags.contains($0) }
        if !tags.isEmpty { result["tags"] = .array(tags.map { .integer($0) }) }
        return .object(result)
    }

    /// DiagnosticSeverity: 1 error, 2 warning, 3 information, 4 hint.
    static func severity(_ severity: Diagnostic.Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }

    /// DiagnosticTag 1 (unnecessary: shown faded) where a finding marks text that does nothing: a second
    /// definition of a target, an include that is cut off by the depth limit.
    static func tags(for id: RuleID) -> [Int] {
        switch id {
        case .rstDuplicateTarget, .limitsIncludeDepth: [1]
        default: []
        }
    }
}

/// Parser locations (path relative to the project root, UTF-8 columns) as LSP locations, reading the
/// other files named once each to count their characters in the negotiated encoding.
struct LocationConversion {
    let analysis: DocumentAnalysis
    let encoding: PositionEncoding
    private var others: [String: (TextDocument, SourceFile)?] = [:]

    init(analysis: DocumentAnalysis, encoding: PositionEncoding) {
        self.analysis = analysis
        self.encoding = encoding
    }

    mutating func location(_ location: DiagnosticLocation) -> JSON {
        let (uri, range) = resolve(location)
        return ["uri": .string(uri), "range": range.json]
    }

    mutating func resolve(_ location: DiagnosticLocation) -> (uri: String, range: PositionRange) {
        if location.file == analysis.file.path {
            return (analysis.document.uri, analysis.range(location.range, encoding: encoding))
        }
        let path = DeclarationPaths.absolutePath(of: location.file, for: analysis)
        let uri = FileURI.uri(ofPath: path)
        if others[path] == nil {
            let reader = SourceReader(maximumSize: 16 * 1024 * 1024)
            others[path] = (try? reader.read(path)).map { file in
                (
                    TextDocument(
                        uri: uri, languageID: "", version: 0, text: String(decoding: file.bytes, as: UTF8.self)), file
                )
            }
        }
        if let (document, file) = others[path] ?? nil {
            return (uri, document.range(of: location.range, in: file, encoding: encoding))
        }
        let start = Position(line: location.range.lowerBound.line - 1, character: location.range.lowerBound.column - 1)
        let end = Position(line: location.range.upperBound.line - 1, character: location.range.upperBound.column - 1)
        return (uri, PositionRange(start: start, end: end))
    }
}

/// Absolute paths for the paths findings name. A check's declaration is relative to the root of the Swift
/// package that declares it (as manifests carry it): for the built-in suite that is stepdoc's own source
/// tree, found from where this file was compiled; for a manifest, a folder at or above the manifest; for a
/// runner, a folder at or above its executable. The first candidate that exists wins; else the project's.
enum DeclarationPaths {
    static func absolutePath(of path: String, for analysis: DocumentAnalysis) -> String {
        let inProject = analysis.project.absolutePath(path)
        guard !path.hasPrefix("/"), !FileManager.default.fileExists(atPath: inProject) else { return inProject }
        for base in packageRoots(for: analysis) {
            var folder = base
            while folder.count > 1 {
                let candidate = folder + "/" + path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        return inProject
    }

    private static func packageRoots(for analysis: DocumentAnalysis) -> [String] {
        switch analysis.registeredSuite?.origin {
        case .manifest(let manifest, _, _)?:
            return [(analysis.project.absolutePath(manifest) as NSString).deletingLastPathComponent]
        case .runner(let command)?:
            guard let executable = command.first else { return [] }
            return [(analysis.project.absolutePath(executable) as NSString).deletingLastPathComponent]
        case .builtIn?, nil:
            return [stepdocSources]
        }
    }

    /// The folder this file was compiled in (`…/Sources/StepLSP/Features`): stepdoc's own sources,
    /// where the built-in checks are declared, when the binary runs beside them.
    static let stepdocSources = ((#filePath as NSString).deletingLastPathComponent as NSString)
        .deletingLastPathComponent
}
