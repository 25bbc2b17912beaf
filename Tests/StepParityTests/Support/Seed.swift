import Foundation
import MigrationChecks
import StepDocTestSupport
import StepModel
import StepParity
import StepSyntax
import Testing

/// The seed step file, read once, edited in memory by the tests.
enum Seed {
    /// The path diagnostics name, as `stepdoc check` run from the project root prints it.
    static let path = "content/atlas-live-migration-prerequisites.rst"

    static func text() throws -> String {
        try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
    }

    /// The text split before each `.. only::` line: the text before the first, then one chunk per
    /// step copy (HTML copy of step 1, other copy of step 1, HTML copy of step 2 …).
    static func chunks(_ text: String) -> [String] {
        var chunks: [String] = [""]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(".. only::") {
                chunks.append("")
            }
            chunks[chunks.count - 1] += line + "\n"
        }
        // split adds an empty last piece after the final newline.
        if chunks[chunks.count - 1].hasSuffix("\n\n") {
            chunks[chunks.count - 1].removeLast()
        }
        return chunks
    }

    /// Both copies of a step written as giza writes them, for steps added by a test.
    static func step(number: Int, title: String, body: String, marker: String = "") -> String {
        let htmlUnderline = String(repeating: "`", count: title.count)
        let printTitle = "Step \(number): \(title)"
        let printUnderline = String(repeating: "`", count: printTitle.count)
        return """

            .. only:: html or dirhtml or singlehtml

               .. raw:: html

                  <div class="sequence-block"><div class="bullet-block"><div class="sequence-step">\(number)</div></div>

               \(marker)\(title)
               \(htmlUnderline)

               \(body)

               .. raw:: html

                  </div>

            .. only:: not(html or dirhtml or singlehtml)

               \(printTitle)
               \(printUnderline)

               \(body)

            """
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced (unchanged when there is none).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

/// Parity of `text` (the seed path) against `suite`, with paths relative to the project root.
///
/// Every parity test runs twice: on the suite as compiled, and on the suite read back from its check
/// manifest, as stepdoc reads a package's checks; the findings must be the same, byte for byte.
func parity(
    _ text: String, suite: MigrationCheckSuite = AtlasLiveMigrationPrerequisites.suite(),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> (context: ParityContext, diagnostics: [Diagnostic]) {
    let file = SourceFile(path: Seed.path, text: text)
    var lowering: [Diagnostic] = []
    let procedure = Procedure(parsing: file, diagnostics: &lowering)
    let options = ParityOptions(workingDirectory: Fixtures.projectRoot().path)
    let context = ParityContext(procedure: procedure, file: file, suite: suite.definition, options: options)
    let diagnostics = ParityRules.check(context)
    do {
        let manifest = try CheckManifest(json: Array(CheckManifest([suite]).json().utf8))
        let fromManifest = ParityContext(
            procedure: procedure, file: file, suite: manifest.suites[0], options: options)
        let manifestDiagnostics = ParityRules.check(fromManifest)
        #expect(
            manifestDiagnostics == diagnostics,
            "through the manifest:\n\(describe(manifestDiagnostics))\ncompiled:\n\(describe(diagnostics))",
            sourceLocation: sourceLocation)
    } catch {
        Issue.record("the suite's manifest does not read back: \(error)", sourceLocation: sourceLocation)
    }
    return (context, diagnostics)
}

/// The location of `length` bytes at a marker of a seed edit.
func seedLocation(_ source: MarkedSource, _ marker: String, length: Int) -> DiagnosticLocation {
    let position = source[marker]
    let start = StepSyntax.SourceLocation(line: position.line, column: position.column)
    return DiagnosticLocation(
        file: Seed.path, range: start..<StepSyntax.SourceLocation(line: position.line, column: position.column + length))
}

/// Where `check` is declared, as parity prints it from the project root.
func declarationLocation(_ check: MigrationCheck?) -> DiagnosticLocation? {
    check.map { location($0.declaration) }
}

/// Where the first enforced value of `check` is written, as parity prints it from the project root.
func valueLocation(_ check: MigrationCheck?) -> DiagnosticLocation? {
    check?.values.first.map { location($0.declaration) }
}

private func location(_ declaration: Declaration) -> DiagnosticLocation {
    let start = StepSyntax.SourceLocation(line: declaration.line, column: declaration.column)
    return DiagnosticLocation(
        file: ParityOptions(workingDirectory: Fixtures.projectRoot().path).displayPath(declaration.file),
        range: start..<StepSyntax.SourceLocation(line: declaration.line, column: declaration.column + 1))
}

/// A compact description of findings for failure messages.
func describe(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { diagnostic in
        let where_ = diagnostic.location.map { "\($0.file):\($0.range.lowerBound)" } ?? "-"
        return "\(where_): [\(diagnostic.id)] \(diagnostic.summary)"
    }.joined(separator: "\n")
}
