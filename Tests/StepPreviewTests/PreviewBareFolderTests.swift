import Foundation
import StepDocTestSupport
import StepRender
import Testing

/// `stepdoc preview` in a folder with nothing but a step file: the built-in templates serve it.
@Suite(.serialized) struct PreviewBareFolderTests {
    @Test func servesAStyledPageWithoutATemplatesFolder() async throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(try Data(contentsOf: Fixtures.seedFile()), to: "steps.rst")
        let preview = try PreviewProcess(["preview", "--port", "0", "steps.rst"], in: folder.directory)
        let url = try #require(await preview.servingURL(), "\(preview.standardOutput) \(preview.standardError)")
        let port = try #require(UInt16(url.split(separator: ":").last?.dropLast() ?? ""), "\(url)")
        let client = LoopbackHTTPClient(port: port)
        let page = try await client.get("/steps.html")
        #expect(page.status == 200, "\(page)")
        #expect(page.body.contains("Your current MongoDB database is running MongoDB"))
        let css = try await client.get("/style.css")
        #expect(css.status == 200)
        #expect(css.body == BuiltinTemplates.files(ofSet: "default")?["style.css"])
        #expect(await preview.stop() == 0, "\(preview.standardError)")
        #expect(preview.standardError.isEmpty, "\(preview.standardError)")
    }
}
