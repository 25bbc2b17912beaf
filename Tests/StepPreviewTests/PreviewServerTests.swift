import Foundation
import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// The preview server over real HTTP on loopback: pages, reloads, findings, and what it refuses.
@Suite(.serialized) struct PreviewServerTests {
    static let seedPage = "/\(PreviewProject.seedName).html"
    static let seedFile = "content/\(PreviewProject.seedName).rst"

    /// The seed with step 3's copy in the other branch removed; 1️⃣ marks the title of the copy left.
    static func seedWithStep3InOneBranch(_ seed: String) throws -> MarkedSource {
        let start = try #require(seed.range(of: "\n.. only:: not(html or dirhtml or singlehtml)\n\n   Step 3:"))
        let end = try #require(seed.range(of: "\n.. only:: html", range: start.upperBound..<seed.endIndex))
        var edited = seed
        edited.removeSubrange(start.lowerBound..<end.lowerBound)
        let title = "   Your current deployment is a MongoDB replica set.\n"
        let titleRange = try #require(edited.range(of: title))
        edited.replaceSubrange(titleRange, with: "   1️⃣Your current deployment is a MongoDB replica set.\n")
        return MarkedSource(edited)
    }

    /// The `<li …>` opening tag of a step in the default template.
    static func stepTag(_ anchor: String, in html: String) -> String? {
        guard let id = html.range(of: "id=\"\(anchor)\"") else { return nil }
        guard let open = html[..<id.lowerBound].range(of: "<li", options: .backwards) else { return nil }
        return String(html[open.lowerBound..<id.upperBound])
    }

    @Test func servesTheIndexEachPageItsTextAndTheStylesheet() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try await project.withPreview { preview in
            let index = try await preview.get("/")
            #expect(index.status == 200, "\(index)")
            #expect(index.headers["content-type"] == "text/html; charset=utf-8")
            #expect(index.body.contains("href=\"\(Self.seedPage)\""), "\(index.body)")
            #expect(index.body.contains("Atlas Live Migration Prerequisites"))
            #expect(index.body.contains("<td class=\"stepdoc-index-steps\">5</td>"), "\(index.body)")
            #expect(index.body.contains("no findings"), "\(index.body)")

            let page = try await preview.get(Self.seedPage)
            #expect(page.status == 200, "\(page)")
            #expect(page.body.contains("<span class=\"step-word\">Step </span>1"), "\(page.body.prefix(2000))")
            #expect(page.body.contains("Your data is currently in a MongoDB database."))
            #expect(page.body.contains("Your current MongoDB database is running MongoDB 2.6+"))
            #expect(page.body.contains("new EventSource(\"/events\")"), "the reload script is missing")
            #expect(page.body.contains("href=\"/\(PreviewProject.seedName).txt\">Plain text</a>"))

            let text = try await preview.get("/\(PreviewProject.seedName).txt")
            #expect(text.status == 200, "\(text)")
            #expect(text.headers["content-type"] == "text/plain; charset=utf-8")
            #expect(text.body.contains("Step 1: Your data is currently in a MongoDB database."), "\(text.body)")

            let style = try await preview.get("/style.css")
            #expect(style.status == 200)
            #expect(style.headers["content-type"] == "text/css; charset=utf-8")
            #expect(style.body.contains(".step-number"), "\(style.body.prefix(300))")
            #expect(page.headers["x-content-type-options"] == "nosniff")
            #expect(page.headers["cache-control"] == "no-store")
        }
    }

    @Test func reloadsAnOpenPageWithinASecondOfASaveAndServesTheNewText() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try await project.withPreview { preview in
            let stream = try await preview.events()
            defer { stream.close() }
            #expect(stream.head.contains("200 OK") && stream.head.contains("text/event-stream"), "\(stream.head)")
            let edited = try project.seed.replacingOccurrences(
                of: "please `contact us", with: "please, right now, `contact us")
            let saved = ContinuousClock.now
            try project.write(edited, to: Self.seedFile)
            let event = try #require(
                await stream.event { $0.name == "reload" }, "no reload event; got \(stream.received)")
            #expect(event.data == PreviewProject.seedName)
            let latency = event.arrival - saved
            // A sanity bound only: the latency itself is measured in Benchmarks/, not here.
            #expect(latency < .seconds(15), "the reload came \(latency) after the save")

            let page = try await preview.get(Self.seedPage)
            #expect(page.body.contains("please, right now,"), "\(page.body.prefix(3000))")
            let text = try await preview.get("/\(PreviewProject.seedName).txt")
            #expect(text.body.contains("right now"), "\(text.body)")
        }
    }

    @Test func showsATooShortUnderlineWithItsIdAndLineAndMarksTheStep() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let seed = try project.seed
        let underline = "   " + String(repeating: "`", count: 45) + "\n"
        let range = try #require(seed.range(of: underline), "the seed's first underline changed")
        var marked = seed
        marked.replaceSubrange(range, with: "   1️⃣" + String(repeating: "`", count: 10) + "\n")
        let broken = MarkedSource(marked)
        try await project.withPreview { preview in
            let stream = try await preview.events()
            defer { stream.close() }
            try project.write(broken.text, to: Self.seedFile)
            #expect(await stream.event { $0.name == "reload" } != nil, "no reload; got \(stream.received)")

            let page = try await preview.get(Self.seedPage).body
            let position = "\(project.path(Self.seedFile)):\(broken["1️⃣"].line):\(broken["1️⃣"].column)"
            #expect(page.contains("<code class=\"stepdoc-id\">rst.title-underline</code>"), "\(page.suffix(3000))")
            #expect(page.contains(position), "no \(position) in the panel:\n\(page.suffix(3000))")
            #expect(
                Self.stepTag("step-1", in: page)?.contains("has-findings") == true,
                "\(Self.stepTag("step-1", in: page) ?? "no step-1")")
            #expect(Self.stepTag("step-2", in: page)?.contains("has-findings") == false)
            let index = try await preview.get("/").body
            #expect(index.contains("1 warning"), "\(index)")
        }
    }

    @Test func showsAStepInOnlyOneBranchAsAnErrorOnThatStep() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let broken = try Self.seedWithStep3InOneBranch(project.seed)
        try await project.withPreview { preview in
            let stream = try await preview.events()
            defer { stream.close() }
            try project.write(broken.text, to: Self.seedFile)
            #expect(await stream.event { $0.name == "reload" } != nil, "no reload; got \(stream.received)")

            let page = try await preview.get(Self.seedPage).body
            let position = "\(project.path(Self.seedFile)):\(broken["1️⃣"].line):\(broken["1️⃣"].column)"
            #expect(page.contains("<code class=\"stepdoc-id\">steps.missing-branch</code>"), "\(page.suffix(3000))")
            #expect(
                page.contains("href=\"#step-3\">\(position)</a>"),
                "no link to step 3 at \(position):\n\(page.suffix(3000))")
            #expect(Self.stepTag("step-3", in: page)?.contains("has-findings") == true)
            #expect(page.contains("class=\"stepdoc-preview has-errors\""))
        }
    }

    @Test func keepsTheLastGoodRenderingUnderAnErrorWhenTheFileTurnsBinary() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try await project.withPreview { preview in
            let stream = try await preview.events()
            defer { stream.close() }
            try project.write(
                [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE, 0x00, 0x01], to: Self.seedFile)
            #expect(await stream.event { $0.name == "reload" } != nil, "no reload; got \(stream.received)")

            let page = try await preview.get(Self.seedPage)
            #expect(page.status == 200)
            #expect(
                page.body.contains("Your data is currently in a MongoDB database."), "the last good rendering is gone")
            #expect(page.body.contains("class=\"stepdoc-preview-banner\""), "\(page.body.suffix(3000))")
            #expect(page.body.contains("not a text file"), "\(page.body.suffix(3000))")
            let index = try await preview.get("/").body
            #expect(index.contains("cannot read:"), "\(index)")

            // Fixing the file clears the error.
            try project.write(try String(contentsOf: Fixtures.seedFile(), encoding: .utf8), to: Self.seedFile)
            #expect(
                await stream.event(after: 1) { $0.name == "reload" } != nil, "no second reload; got \(stream.received)")
            let fixed = try await preview.get(Self.seedPage).body
            #expect(!fixed.contains("class=\"stepdoc-preview-banner\""), "\(fixed.suffix(3000))")
        }
    }

    @Test func answers404ForEveryPathThatIsNotAPage() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try await project.withPreview { preview in
            let paths = [
                "/../Package.swift", "/%2e%2e/Package.swift", "/%2E%2E/%2e%2e/etc/passwd", "/..%2fPackage.swift",
                "//etc/passwd", "/etc/passwd", project.path(Self.seedFile),
                project.path("templates/default/page.mustache"),
                "/\(Self.seedFile)", "/\(PreviewProject.seedName).rst", "/\(PreviewProject.seedName)",
                "/./\(PreviewProject.seedName).html", "/content/../\(PreviewProject.seedName).html",
                "/missing.html", "/templates/default/page.mustache", "/content/", "/..", "/%00.html",
                "http://127.0.0.1/../Package.swift", "/\(PreviewProject.seedName).html%2f..%2f..%2fPackage.swift",
            ]
            for path in paths {
                let response = try await preview.get(path)
                #expect(response.status == 404, "\(path) answered \(response)")
                #expect(!response.body.contains("swift-tools-version") && !response.body.contains("root:"))
            }
            let post = try await preview.http.request(Self.seedPage, method: "POST")
            #expect(post.status == 405, "\(post)")
        }
    }

    @Test func answersHeadRequestsWithHeadersOnly() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try await project.withPreview { preview in
            let get = try await preview.get(Self.seedPage)
            let head = try await preview.http.request(Self.seedPage, method: "HEAD")
            #expect(head.status == 200, "\(head)")
            #expect(head.body.isEmpty, "\(head.body.prefix(200))")
            #expect(head.headers["content-length"] == String(get.body.utf8.count), "\(head.headers)")
            let events = try await preview.http.request("/events", method: "HEAD")
            #expect(events.status == 200 && events.headers["content-type"] == "text/event-stream; charset=utf-8")
            #expect(try await preview.http.request("/missing.html", method: "HEAD").status == 404)
        }
    }

    @Test func followsAStepFileNamedOnItsOwn() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try project.write(try project.seed, to: "content/other.rst")
        try await project.withPreview({ $0.contentPaths = [project.path(Self.seedFile)] }) { preview in
            #expect(try await preview.get("/other.html").status == 404, "a file beside the one named is served")
            let stream = try await preview.events()
            defer { stream.close() }
            try project.write(try project.seed + "\n", to: "content/other.rst")
            try project.write(
                try project.seed.replacingOccurrences(of: "Your data is", with: "Our data is"), to: Self.seedFile)
            let event = await stream.event { $0.name == "reload" }
            #expect(event?.data == PreviewProject.seedName, "\(stream.received)")
            #expect(try await preview.get(Self.seedPage).body.contains("Our data is"))
        }
    }

    @Test func doesNotServeAStepFileLinkedFromOutsideTheContentFolder() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try project.write(try project.seed, to: "outside/secret.rst")
        try FileManager.default.createSymbolicLink(
            atPath: project.path("content/escape.rst"), withDestinationPath: project.path("outside/secret.rst"))
        try await project.withPreview { preview in
            let page = try await preview.get("/escape.html")
            #expect(page.status == 404, "\(page)")
            #expect(try await preview.get("/escape.txt").status == 404)
            #expect(!(try await preview.get("/").body.contains("escape")))
        }
    }

    @Test func refusesRequestsForOtherHostNames() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try await project.withPreview { preview in
            let rebound = try await preview.http.get(Self.seedPage, headers: ["Host": "attacker.example:8080"])
            #expect(rebound.status == 403, "\(rebound)")
            let local = try await preview.http.get(Self.seedPage, headers: ["Host": "localhost:\(preview.port)"])
            #expect(local.status == 200, "\(local)")
        }
    }

    @Test func followsFilesAddedRenamedAndDeleted() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try await project.withPreview { preview in
            let stream = try await preview.events()
            defer { stream.close() }
            // Added, in a new subfolder.
            try project.write(try project.seed, to: "content/more/second.rst")
            let added = await stream.event { $0.data == "more/second" }
            #expect(added != nil, "no reload for the new file; got \(stream.received)")
            #expect(try await preview.get("/more/second.html").status == 200)
            #expect(try await preview.get("/").body.contains("href=\"/more/second.html\""))

            // Renamed: the old page says what happened, the new one appears.
            try FileManager.default.moveItem(
                atPath: project.path("content/more/second.rst"), toPath: project.path("content/third.rst"))
            #expect(
                await stream.event { $0.data == "third" } != nil, "no reload for the new name; got \(stream.received)")
            #expect(
                await stream.event(after: 1) { $0.data == "more/second" } != nil,
                "no reload for the old name; got \(stream.received)")
            let old = try await preview.get("/more/second.html")
            #expect(old.status == 404, "\(old)")
            #expect(old.body.contains("was deleted or renamed"), "\(old.body.suffix(2000))")
            #expect(try await preview.get("/third.html").status == 200)

            // Deleted.
            let before = stream.received.count
            try FileManager.default.removeItem(atPath: project.path(Self.seedFile))
            #expect(
                await stream.event(after: before) { $0.data == PreviewProject.seedName } != nil, "\(stream.received)")
            #expect(try await preview.get(Self.seedPage).status == 404)
            let index = try await preview.get("/").body
            #expect(!index.contains(Self.seedPage) && index.contains("/third.html"), "\(index)")
        }
    }

    @Test func rerendersEveryPageWhenATemplateChangesAndSaysWhenOneBreaks() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let pagePath = "templates/default/page.mustache"
        let template = try String(contentsOfFile: project.path(pagePath), encoding: .utf8)
        try await project.withPreview { preview in
            let stream = try await preview.events()
            defer { stream.close() }
            try project.write(
                template.replacingOccurrences(of: "<main class=\"page\">", with: "<main class=\"page\" data-edited>"),
                to: pagePath)
            #expect(await stream.event { $0.data == "*" } != nil, "no reload of every page; got \(stream.received)")
            #expect(try await preview.get(Self.seedPage).body.contains("data-edited"))

            try project.write(template.replacingOccurrences(of: "{{/procedure}}", with: ""), to: pagePath)
            #expect(
                await stream.event(after: 1) { $0.data == "*" } != nil,
                "no reload for the broken template; got \(stream.received)")
            let page = try await preview.get(Self.seedPage).body
            #expect(page.contains("data-edited"), "the last templates that loaded are not used")
            #expect(page.contains("templates: "), "\(page.suffix(2000))")
            #expect(page.contains("page.mustache"), "\(page.suffix(2000))")
        }
    }

    @Test func reloadsEveryOpenPageAtOnce() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try await project.withPreview { preview in
            var streams: [EventStreamClient] = []
            for _ in 0..<20 { streams.append(try await preview.events()) }
            defer { streams.forEach { $0.close() } }
            #expect(await preview.server.clientCount == 20)
            try project.write(try project.seed + "\n", to: Self.seedFile)
            for (number, stream) in streams.enumerated() {
                #expect(
                    await stream.event { $0.name == "reload" }?.data == PreviewProject.seedName,
                    "client \(number): \(stream.received)")
            }
        }
    }

    @Test func dropsClientsThatDisconnect() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try await project.withPreview { preview in
            let streams = [try await preview.events(), try await preview.events(), try await preview.events()]
            defer { streams[0].close() }
            #expect(await preview.server.clientCount == 3)
            streams[1].close()
            streams[2].close()
            // A write to a closed connection fails on the first or second try; keep-alives make them happen.
            let deadline = ContinuousClock.now + .seconds(30)
            while await preview.server.clientCount > 1, ContinuousClock.now < deadline {
                await preview.server.sendKeepAlive()
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(await preview.server.clientCount == 1)
            try project.write(try project.seed + "\n", to: Self.seedFile)
            #expect(await streams[0].event { $0.name == "reload" } != nil, "the open client lost its stream")
        }
    }

    @Test func rendersABurstOfSavesOnce() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        let seed = try project.seed
        // A window long enough that five saves fall in it even on a loaded machine.
        try await project.withPreview({ $0.debounce = .milliseconds(250) }) { preview in
            let stream = try await preview.events()
            defer { stream.close() }
            for round in 1...5 {
                try project.write(
                    seed.replacingOccurrences(of: "please `contact us", with: "please (\(round)) `contact us"),
                    to: Self.seedFile)
            }
            #expect(await stream.event { $0.name == "reload" } != nil, "no reload; got \(stream.received)")
            // Longer than a window: a second, wrongly split batch would be announced by now.
            try await Task.sleep(for: .milliseconds(300))
            #expect(stream.received.count == 1, "\(stream.received)")
            #expect(try await preview.get(Self.seedPage).body.contains("please (5)"))
        }
    }

    @Test func endsOpenEventStreamsWhenItStops() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        var settings = project.settings()
        settings.watchMode = .polling
        let server = try PreviewServer(settings: settings)
        let preview = try RunningPreview(server: server, url: try await server.start())
        let stream = try await preview.events()
        await server.stop()
        #expect(await stream.waitForEnd(), "the event stream is still open after stop()")
        await server.stop()  // a second stop does nothing
    }

    @Test func reloadsWhenWatchingByPolling() async throws {
        let project = try PreviewProject()
        defer { project.remove() }
        try await project.withPreview({
            $0.watchMode = .polling; $0.pollInterval = .milliseconds(50)
        }) { preview in
            let stream = try await preview.events()
            defer { stream.close() }
            try project.write(
                try project.seed.replacingOccurrences(of: "Your data is", with: "All your data is"), to: Self.seedFile)
            #expect(await stream.event { $0.name == "reload" }?.data == PreviewProject.seedName, "\(stream.received)")
            #expect(try await preview.get(Self.seedPage).body.contains("All your data is"))
        }
    }
}
