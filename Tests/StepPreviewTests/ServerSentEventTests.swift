import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// The wire format of the reload stream.
@Suite struct ServerSentEventTests {
    private func text(_ event: ServerSentEvent) -> String {
        String(decoding: event.encoded, as: UTF8.self)
    }

    @Test func writesAReloadAsAnEventNamingThePage() {
        #expect(text(.reload("sub/page")) == "event: reload\ndata: sub/page\n\n")
    }

    @Test func splitsDataOverOneLinePerLine() {
        #expect(text(.event("reload", data: "a\nb\r\nc")) == "event: reload\ndata: a\ndata: b\ndata: c\n\n")
    }

    @Test func keepsCommentsAndEventNamesOnOneLine() {
        #expect(text(.comment("keep\nalive")) == ": keep alive\n\n")
        #expect(text(.event("re\nload", data: "x")) == "event: re load\ndata: x\n\n")
    }
}
