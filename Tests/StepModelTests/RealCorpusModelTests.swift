import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

/// Every real giza file of `../shared/corpus/real` lowers to its steps, both branches agreeing.
@Suite struct RealCorpusModelTests {
    /// File → (step numbers, era).
    static let expected: [String: ([Int], TemplateEra)] = [
        "docs-meta-codereview-toolchain-doubled-underline.rst": (Array(1...7), .notHTMLDoubledUnderline),
        "getting-started-csharp-driver-dup-hyperlink-target.rst": ([1, 2, 3], .latexOrEpub),
        "guides-prereqs-insert.rst": ([1, 2], .notHTML),
        "guides-read-and-or-query-gapped-stepnums.rst": ([1, 2, 3, 6, 7, 8], .notHTML),
        "guides-read-filter-tip.rst": (Array(1...6), .notHTML),
        "manual-windows-service-action-headings-latex-or-epub.rst": (Array(1...6), .latexOrEpub),
        "mms-legacy-2013-not-latex-with-ref-labels.rst": (Array(1...6), .legacy2013),
    ]

    @Test(.needsRealCorpus) func realFilesLowerToTheirSteps() throws {
        let files = Fixtures.realCorpusFiles()
        guard !files.isEmpty else {
            Issue.record("the trait said ../shared was here, but it is not")
            return
        }
        #expect(files.count == Self.expected.count, "corpus files: \(files.map(\.lastPathComponent))")
        for url in files {
            let name = url.lastPathComponent
            var diagnostics: [Diagnostic] = []
            let procedure = Procedure(
                parsing: SourceFile(path: name, bytes: try [UInt8](Data(contentsOf: url))), diagnostics: &diagnostics)
            let (numbers, era) = try #require(Self.expected[name], "no expectation for \(name)")
            #expect(procedure.steps.map(\.number) == numbers, "\(name)")
            #expect(procedure.era == era, "\(name)")
            for step in procedure.steps {
                let html = try #require(step.html, "\(name): step \(step.primary.numberText) lacks its HTML copy")
                let print = try #require(step.print, "\(name): step \(step.primary.numberText) lacks its other copy")
                #expect(html.titleText == print.titleText, "\(name): step \(html.numberText)")
                #expect(html.number == print.number, "\(name): step \(html.numberText)")
                #expect(!html.titleText.isEmpty)
            }
            // Only missing includes may be reported: the corpus files are otherwise clean.
            let unexpected = diagnostics.filter { !($0.id == "rst.include" && $0.summary.contains("does not exist")) }
            #expect(
                unexpected.isEmpty,
                "\(name): \(unexpected.map { "\($0.location?.range.lowerBound.description ?? "") \($0.id) \($0.summary)" })"
            )
        }
    }
}
