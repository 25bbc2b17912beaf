import StepDocTestSupport
import StepProject
import StepReports
import StepSyntax

/// A report built by hand for the reporter tests: two procedures with findings and one clean file;
/// an error with a multi-line explanation and a note, a warning with a fix-it, a note, characters that
/// need escaping, curly quotes before positions (so UTF-16 columns differ from byte columns), and a
/// finding without a location. Built by hand so that no rule's wording changes the goldens.
enum SampleReport {
    static let alpha = MarkedSource(
        """
        Step 1: Install “Atlas” drivers
        ```````````````````````````````

           For “Atlas”, install the 1️⃣drivers2️⃣ now.

        Step 1: Install “Atlas” drivers
        ```````````````````````````````

           For “Atlas”, install the 3️⃣driver4️⃣ now.

        Step 2: Read the :5️⃣managa6️⃣:`/reference` page
        ``````````````````````````````````````````````

        7️⃣Trailing text.

        """)

    static let beta = MarkedSource(
        """
        Step 1: Connect
        ```````````````

           Run the connect command.

        Step 3️⃣34️⃣: Verify
        ``````````````

           Check the result.

        """)

    static let alphaPath = "procedures/alpha.rst"
    static let betaPath = "procedures/beta.rst"
    static let cleanPath = "procedures/gamma.rst"

    /// The sources, for excerpts and UTF-16 columns.
    static var sources: SourceExcerpts {
        SourceExcerpts([SourceFile(path: alphaPath, text: alpha.text), SourceFile(path: betaPath, text: beta.text)])
    }

    static var report: DiagnosticReport {
        DiagnosticReport(
            diagnostics: [
                Diagnostic(
                    severity: .error, id: "steps.branches-agree",
                    summary: "the body of step 1 differs between the branches",
                    explanation: "--- HTML branch\n+++ other branch\n-For “Atlas”, install the drivers now.\n"
                        + "+For “Atlas”, install the driver now.",
                    location: location(alphaPath, alpha, "1️⃣", "2️⃣"),
                    notes: [
                        DiagnosticNote(
                            message: "the other branch differs here", location: location(alphaPath, alpha, "3️⃣", "4️⃣"))
                    ]),
                Diagnostic(
                    severity: .warning, id: "rst.unknown-role",
                    summary: "unknown role 'managa'; did you mean 'manual'?",
                    explanation: "Its text is shown as it is.",
                    location: location(alphaPath, alpha, "5️⃣", "6️⃣"),
                    fixIts: [
                        FixIt(
                            message: "use 'manual'", location: location(alphaPath, alpha, "5️⃣", "6️⃣"),
                            replacement: "manual")
                    ]),
                Diagnostic(
                    severity: .note, id: "steps.structure", summary: "text after the last step belongs to no step",
                    location: location(alphaPath, alpha, "7️⃣", "7️⃣")),
                Diagnostic(
                    severity: .error, id: "steps.numbering",
                    summary: "step 3 follows step 1: \"2\" is missing & <skipped>",
                    location: location(betaPath, beta, "3️⃣", "4️⃣"),
                    notes: [
                        DiagnosticNote(
                            message: "the previous step, 1, is here",
                            location: DiagnosticLocation(
                                file: betaPath,
                                range: SourceLocation(line: 1, column: 6)..<SourceLocation(line: 1, column: 7)))
                    ],
                    fixIts: [
                        FixIt(
                            message: "renumber the step", location: location(betaPath, beta, "3️⃣", "4️⃣"), replacement: "2"
                        )
                    ]),
                Diagnostic(
                    severity: .error, id: "io.unreadable",
                    summary: "templates/default/page.mustache: cannot read: permission denied",
                    location: nil),
            ],
            files: [alphaPath, betaPath, cleanPath],
            steps: [
                alphaPath: [
                    StepSummary(number: "1", title: "Install “Atlas” drivers", range: lines(1, 10)),
                    StepSummary(number: "2", title: "Read the :managa:`/reference` page", range: lines(11, 13)),
                ],
                betaPath: [
                    StepSummary(number: "1", title: "Connect", range: lines(1, 5)),
                    StepSummary(number: "3", title: "Verify", range: lines(6, 10)),
                ],
                cleanPath: [StepSummary(number: "1", title: "Nothing to see", range: lines(1, 4))],
            ])
    }

    static func location(_ file: String, _ source: MarkedSource, _ start: String, _ end: String) -> DiagnosticLocation {
        let lower = source[start]
        let upper = source[end]
        return DiagnosticLocation(
            file: file,
            range: SourceLocation(
                line: lower.line, column: lower.column)..<SourceLocation(line: upper.line, column: upper.column))
    }

    static func lines(_ first: Int, _ last: Int) -> SourceRange {
        SourceLocation(line: first, column: 1)..<SourceLocation(line: last, column: 1)
    }

    /// The folder the reporters make paths relative to (none of the sample's paths leave it).
    static let currentDirectory = "/work/project"

    /// The fixture folder of a golden file.
    static func golden(_ name: String, testFile: String = #filePath) -> String {
        Fixtures.directory(testFile: testFile).appendingPathComponent("sample-report").appendingPathComponent(name).path
    }
}
