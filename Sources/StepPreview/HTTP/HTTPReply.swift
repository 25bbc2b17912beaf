import StepProject

/// What the preview sends back for one request: a status, header fields, and either the whole body or
/// an event stream that lasts until the client or the server goes away.
package struct HTTPReply: Sendable {
    package enum Body: Sendable {
        case bytes([UInt8])
        /// Sent with chunked transfer coding as the events come; the connection closes when it ends.
        case events(EventStreamBody)
    }

    package var status: Int
    /// Fields besides `Content-Length`, `Transfer-Encoding` and `Connection`, which the server sets.
    package var fields: [(name: String, value: String)]
    package var body: Body

    package init(status: Int, fields: [(name: String, value: String)], body: Body) {
        self.status = status
        self.fields = fields
        self.body = body
    }

    /// A short plain-text answer, for the statuses the server gives on its own.
    package static func plain(_ status: Int, _ text: String) -> HTTPReply {
        HTTPReply(
            status: status, fields: [("Content-Type", "text/plain; charset=utf-8")], body: .bytes(Array(text.utf8)))
    }

    /// The reason phrase of the statuses the preview sends.
    package static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }
}
