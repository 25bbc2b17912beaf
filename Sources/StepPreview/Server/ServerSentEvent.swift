import StepProject

/// One message of a `text/event-stream` (the HTML standard's server-sent events).
package struct ServerSentEvent: Sendable, Equatable {
    /// The bytes on the wire, ending with the blank line that dispatches the event.
    package let encoded: [UInt8]

    /// `event: NAME` with `data` on as many `data:` lines as it has lines, as the standard splits them.
    package static func event(_ name: String, data: String) -> ServerSentEvent {
        var text = "event: \(Self.singleLine(name))\n"
        for line in data.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            text += "data: \(line)\n"
        }
        return ServerSentEvent(encoded: Array((text + "\n").utf8))
    }

    /// A comment line, which browsers ignore: keeps idle connections (and proxies) from timing out.
    package static func comment(_ text: String) -> ServerSentEvent {
        ServerSentEvent(encoded: Array(": \(Self.singleLine(text))\n\n".utf8))
    }

    /// How long a browser waits before reconnecting after the stream breaks.
    package static func retry(milliseconds: Int) -> ServerSentEvent {
        ServerSentEvent(encoded: Array("retry: \(milliseconds)\n\n".utf8))
    }

    /// The page-reload event: `data` is the page's name, or `*` for every page.
    package static func reload(_ page: String) -> ServerSentEvent {
        event("reload", data: page)
    }

    /// The name every open page reloads for (a template changed).
    package static let everyPage = "*"

    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
