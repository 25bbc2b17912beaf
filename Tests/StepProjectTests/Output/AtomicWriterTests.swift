import Foundation
import StepDocTestSupport
import StepProject
import Testing

/// The temporary files of atomic writes: what a killed run leaves is removed, nothing else.
@Suite struct AtomicWriterTests {
    @Test func removesStrayTemporariesInEveryFolderButKeepsThoseOfALiveRun() throws {
        let project = try StepDocProcess()
        defer { project.remove() }
        // A process that has exited (its pid reaped) stands for a killed build.
        let exited = Process()
        exited.executableURL = URL(fileURLWithPath: "/bin/true")
        try exited.run()
        exited.waitUntilExit()
        let dead = exited.processIdentifier
        let files = [
            "out/html/page.html": "kept",
            "out/html/.page.html.stepdoc-tmp-\(dead)": "stray",
            "out/html/deep/er/.x.html.stepdoc-tmp-\(dead)": "stray",
            "out/html/.other.html.stepdoc-tmp-\(getppid())": "a live run's",
            "out/html/\(String(repeating: "long-name-", count: 20)).html": "kept",
        ]
        for (path, text) in files { try project.write(Array(text.utf8), to: path) }
        AtomicWriter.removeStrayTemporaries(under: project.directory.appendingPathComponent("out/html").path)
        for (path, text) in files {
            let exists = FileManager.default.fileExists(atPath: project.directory.appendingPathComponent(path).path)
            #expect(exists == (text != "stray"), "\(path)")
        }
    }
}
