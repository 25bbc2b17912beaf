import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// Request targets → routes: the table of what the preview serves, and everything it refuses.
@Suite struct PreviewRouteTests {
    @Test(arguments: [
        ("/", PreviewRoute.index), ("/index.html", .index), ("/?x=1", .index), ("/events", .events),
        ("/style.css", .stylesheet), ("/a.html", .page("a")), ("/a.txt", .text("a")),
        ("/sub/a-b_c.html", .page("sub/a-b_c")), ("/my%20steps.html", .page("my steps")),
        ("/caf%C3%A9.txt", .text("café")), ("/a.html?scroll=1", .page("a")), ("/a.html#step-2", .page("a")),
    ])
    func routesTheShapesItServes(target: String, route: PreviewRoute) {
        #expect(
            PreviewRoute(target: target) == route, "\(target) → \(String(describing: PreviewRoute(target: target)))")
    }

    @Test(arguments: [
        "", "*", "a.html", "http://127.0.0.1/a.html", "//etc/passwd", "//a.html", "/../Package.swift",
        "/%2e%2e/Package.swift", "/%2E%2E/a.html", "/..%2fa.html", "/a/../b.html", "/./a.html", "/a//b.html",
        "/a.html/", "/.html", "/.txt", "/a%5c..%5cb.html", "/a\\b.html", "/%00.html", "/a%0a.html", "/%ff.html",
        "/a%2.html", "/a%zz.html", "/Package.swift", "/content/a.rst", "/etc/passwd", "/events/", "/style.css/x",
    ])
    func refusesEverythingElse(target: String) {
        #expect(PreviewRoute(target: target) == nil, "\(target) → \(String(describing: PreviewRoute(target: target)))")
    }

    @Test(arguments: ["a", "sub/a", "my steps", "café", "100%", "a#b?c", "x&y<z>"])
    func encodesPageNamesSoTheyRouteBack(name: String) {
        let page = PreviewRoute.pagePath(name)
        let text = PreviewRoute.textPath(name)
        #expect(PreviewRoute(target: page) == .page(name), "\(name) → \(page)")
        #expect(PreviewRoute(target: text) == .text(name), "\(name) → \(text)")
        #expect(!page.contains(" ") && !page.contains("<") && !page.contains("#"), "\(page)")
    }
}
