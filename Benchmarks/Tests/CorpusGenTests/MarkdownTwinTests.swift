import CorpusGen
import Testing

@Suite struct MarkdownTwinTests {
    let layout = CorpusLayout(fileCount: 5)

    @Test func holdsEachStepOnceWithTheSameTitlesAndNumbers() throws {
        for input in layout.inputs where input.name != "ten-mib" {
            let file = layout.generate(input, seed: 3, markdown: true)
            let markdown = String(decoding: file.markdown, as: UTF8.self)
            let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
            let titles = try GizaStepFileReader(file.rst).steps.map { $0.printAsWritten.heading.dropFirst(3) }
            #expect(headings.count == file.stepCount)
            #expect(
                headings.map { $0.prefix(while: { $0 != ":" }) }
                    == titles.map { "## " + $0.prefix(while: { $0 != ":" }) })
        }
    }

    @Test func writesTheMarkdownFormOfEveryPiece() throws {
        let input = try #require(layout.inputs.first { $0.name == "one-mib" })
        let markdown = String(decoding: layout.generate(input, seed: 1, markdown: true).markdown, as: UTF8.self)
        let wanted = [
            "## Step 1: ", "\n```sh\n", "\n```javascript\n", "\n> **Note:**", "\n- ",
            "](https://www.mongodb.com/docs/manual/",
            "](https://jira.mongodb.org/browse/", "`clusterMonitor`", "`mongod`", " *", " **",
        ]
        #expect(wanted.filter { !markdown.contains($0) } == [], "missing from one-mib.md")
        let leaked = [":manual:", ":authrole:", ">`_", ".. "].filter { markdown.contains($0) }
        #expect(leaked == [], "reST leaked into one-mib.md")
    }
}
