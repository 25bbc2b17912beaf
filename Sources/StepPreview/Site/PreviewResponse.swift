import StepProject

/// What the site answers to a route, before it becomes an HTTP response.
package struct PreviewResponse: Sendable, Equatable {
    package var status: Int
    package var contentType: String
    package var body: [UInt8]

    package init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    package static func html(_ text: String, status: Int = 200) -> PreviewResponse {
        PreviewResponse(status: status, contentType: "text/html; charset=utf-8", body: Array(text.utf8))
    }

    package static func text(_ text: String, status: Int = 200) -> PreviewResponse {
        PreviewResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    package static func stylesheet(_ text: String) -> PreviewResponse {
        PreviewResponse(status: 200, contentType: "text/css; charset=utf-8", body: Array(text.utf8))
    }

    /// The same answer for every path that is not served: it says nothing about the path.
    package static let notFound = PreviewResponse.text("not found\n", status: 404)
}
