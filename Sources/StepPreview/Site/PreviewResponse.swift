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

    /// A file's bytes with the content type its extension names.
    package static func file(_ bytes: [UInt8], name: String) -> PreviewResponse {
        let types = [
            "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml",
            "webp": "image/webp", "js": "text/javascript; charset=utf-8",
        ]
        let suffix = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return PreviewResponse(status: 200, contentType: types[suffix] ?? "application/octet-stream", body: bytes)
    }

    /// A page whose file resolves outside the served folders now (a link swapped in while the preview
    /// runs).
    package static let refused = PreviewResponse.text(
        "forbidden: this page's file resolves outside the content folder now\n", status: 403)

    /// The same answer for every path that is not served: it says nothing about the path.
    package static let notFound = PreviewResponse.text("not found\n", status: 404)
}
