import StepProject

/// The open event streams, and the reloads sent down them.
///
/// Each page the preview serves opens `/events`; when a page's file changes, every stream gets an
/// `event: reload` naming it and each page decides whether it is the one. A client that went away is
/// dropped when its stream is released (the server stops reading it after a failed write), which the
/// keep-alive comments guarantee happens within one interval.
package actor ReloadBroadcaster {
    private var clients: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    private var isClosed = false

    /// Events a slow client may fall behind by before the oldest are dropped.
    private static let backlog = 64

    package init() {}

    /// The number of open streams.
    package var clientCount: Int { clients.count }

    /// A new stream for one client, starting with the reconnection delay and a `connected` comment, so
    /// the client sees at once that it is subscribed.
    package func subscribe() -> EventStreamBody {
        let (stream, continuation) = AsyncStream.makeStream(
            of: [UInt8].self, bufferingPolicy: .bufferingNewest(Self.backlog))
        let id = nextID
        nextID += 1
        continuation.yield(
            ServerSentEvent.retry(milliseconds: 1000).encoded + ServerSentEvent.comment("connected").encoded)
        if isClosed {
            continuation.finish()
        } else {
            clients[id] = continuation
        }
        return EventStreamBody(stream: stream, subscription: EventStreamBody.Subscription(id: id, broadcaster: self))
    }

    package func unsubscribe(_ id: Int) {
        clients.removeValue(forKey: id)?.finish()
    }

    /// Sends `event` to every open stream.
    package func send(_ event: ServerSentEvent) {
        for continuation in clients.values { continuation.yield(event.encoded) }
    }

    /// Tells open pages that these pages changed.
    package func reload(_ pages: [String]) {
        for page in pages { send(.reload(page)) }
    }

    package func sendKeepAlive() {
        send(.comment("keep-alive"))
    }

    /// Ends every stream (and refuses new ones), so the HTTP server can close its connections.
    package func close() {
        isClosed = true
        for continuation in clients.values { continuation.finish() }
        clients.removeAll()
    }
}
