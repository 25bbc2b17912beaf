import StepDocTestSupport
import StepPreview
import StepProject
import Testing

/// Reading request heads: what is accepted, what each malformed head becomes.
struct HTTPRequestHeadTests {
    static func head(_ text: String) throws(HTTPRequestHead.Problem) -> HTTPRequestHead {
        try HTTPRequestHead(parsing: Array(text.utf8)[...])
    }

    @Test func readsTheRequestLineAndFieldsWithNamesLowercased() throws {
        let head = try Self.head("GET /a%2e%2e/b?x=1 HTTP/1.1\r\nHost:  127.0.0.1:8080 \r\nX-Thing: a:b\r\n\r\n")
        #expect(head.method == "GET" && head.target == "/a%2e%2e/b?x=1" && head.minorVersion == 1, "\(head)")
        #expect(head.field("host") == "127.0.0.1:8080")
        #expect(head.field("x-thing") == "a:b")
        #expect(head.keepsAlive)
    }

    @Test func findsTheEndOfAHeadWithCRLFOrBareLF() {
        #expect(HTTPRequestHead.length(in: Array("GET / HTTP/1.1\r\nHost: x\r\n\r\nNEXT".utf8)[...]) == 27)
        #expect(HTTPRequestHead.length(in: Array("GET / HTTP/1.1\nHost: x\n\nNEXT".utf8)[...]) == 24)
        #expect(HTTPRequestHead.length(in: Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8)[...]) == nil)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false),
        ("GET / HTTP/1.1\r\nHost: x\r\nConnection: Keep-Alive, Close\r\n\r\n", false),
        ("GET / HTTP/1.0\r\n\r\n", false),
        ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", false),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", false),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", true),
    ])
    func keepsTheConnectionOnlyWhenHTTPAllowsAndNoBodyIsLeftUnread(text: String, keepsAlive: Bool) throws {
        #expect(try Self.head(text).keepsAlive == keepsAlive, "\(text.debugDescription)")
    }

    @Test func takesAnHTTP10RequestWithoutHost() throws {
        #expect(try Self.head("GET / HTTP/1.0\r\n\r\n").field("host") == nil)
        #expect(try Self.head("GET / HTTP/1.1\r\nhost: a\r\n\r\n").field("host") == "a")
    }

    @Test(arguments: [
        ("\r\n\r\n", 400),
        ("GET /\r\n\r\n", 400),
        ("GET  / HTTP/1.1\r\n\r\n", 400),
        ("G(T / HTTP/1.1\r\n\r\n", 400),
        ("GET /caf\u{E9} HTTP/1.1\r\n\r\n", 400),
        ("GET / FTP/1.1\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\n\r\n", 505),
        ("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nno colon\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n: empty name\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", 400),
        // RFC 9112 §3.2: an HTTP/1.1 request without a Host field, or with two.
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", 400),
    ])
    func refusesMalformedHeads(text: String, status: Int) {
        #expect(throws: HTTPRequestHead.Problem.self, "\(text.debugDescription)") {
            _ = try Self.head(text)
        }
        do {
            _ = try Self.head(text)
        } catch {
            #expect(error.status == status, "\(text.debugDescription): \(error)")
        }
    }
}
