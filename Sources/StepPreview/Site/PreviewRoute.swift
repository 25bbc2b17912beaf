import StepProject

/// What a request path asks the preview for.
///
/// The preview never maps a URL to the file system: a path is one of these few shapes, and a page name
/// is then looked up in the site's table of procedures. Anything else — `..` or `.` segments (plain or
/// percent-encoded), empty segments (`//etc/passwd`), backslashes, control characters, absolute-form
/// targets — is not a route, and the server answers 404.
package enum PreviewRoute: Sendable, Equatable {
    /// `/`: every procedure, with its step and findings counts.
    case index
    /// `/NAME.html`: a procedure's page, NAME being its path relative to its content folder.
    case page(String)
    /// `/NAME.txt`: the plain-text rendering.
    case text(String)
    /// `/events`: the server-sent events that reload open pages.
    case events
    /// `/style.css`: the template set's stylesheet.
    case stylesheet
    /// `/_images/PATH` and `/_static/NAME`: an image a page shows, or the code highlighter, as a build
    /// writes them beside the pages. Served only when a page links it.
    case asset(String)

    /// The route of a request target as it came on the request line (still percent-encoded, with or
    /// without a query), or `nil` when it is none.
    package init?(target: String) {
        var path = Substring(target)
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        guard path.first == "/" else { return nil }  // absolute-form and asterisk targets
        switch path {
        case "/", "/index.html": self = .index
        case "/events": self = .events
        case "/style.css": self = .stylesheet
        default:
            guard let decoded = Self.decodedPath(path.dropFirst()) else { return nil }
            if decoded.hasPrefix("_images/") || decoded.hasPrefix("_static/") {
                self = .asset(decoded)
            } else if decoded.hasSuffix(".html"), decoded.count > 5 {
                self = .page(String(decoded.dropLast(5)))
            } else if decoded.hasSuffix(".txt"), decoded.count > 4 {
                self = .text(String(decoded.dropLast(4)))
            } else {
                return nil
            }
        }
    }

    /// The URL path of a procedure's page: `/NAME.html`, each segment percent-encoded.
    package static func pagePath(_ name: String) -> String {
        "/" + encodedName(name) + ".html"
    }

    /// The URL path of a procedure's plain text: `/NAME.txt`.
    package static func textPath(_ name: String) -> String {
        "/" + encodedName(name) + ".txt"
    }

    /// `relative` percent-decoded, or `nil` when a segment is empty, `.` or `..`, or the path holds
    /// anything a name cannot (a backslash, a control character, malformed escapes).
    private static func decodedPath(_ relative: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = relative.utf8[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2, let high = hexValue(utf8.removeFirst()), let low = hexValue(utf8.removeFirst())
                else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        let decoded = String(decoding: bytes, as: UTF8.self)
        guard decoded.utf8.elementsEqual(bytes) else { return nil }  // invalid UTF-8 was replaced
        for scalar in decoded.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\\" {
            return nil
        }
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty || segment == "." || segment == ".." { return nil }
        }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Percent-encodes everything but unreserved characters, keeping `/` between segments.
    private static func encodedName(_ name: String) -> String {
        var output = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                output += "%"
                output.unicodeScalars.append(digits[Int(byte >> 4)])
                output.unicodeScalars.append(digits[Int(byte & 0xF)])
            }
        }
        return output
    }
}
