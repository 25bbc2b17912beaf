import FlyingSocks

/// One client's event stream as the bytes of an HTTP body, which FlyingFox sends with chunked encoding
/// as the events come.
package struct EventStreamBody: AsyncBufferedSequence {
    package typealias Element = UInt8

    let stream: AsyncStream<[UInt8]>
    let subscription: Subscription

    package func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator(), subscription: subscription)
    }

    /// Unsubscribes the client when the last reference goes: the server drops the body when a write
    /// fails, that is when the client has disconnected.
    final class Subscription: Sendable {
        let id: Int
        let broadcaster: ReloadBroadcaster

        init(id: Int, broadcaster: ReloadBroadcaster) {
            self.id = id
            self.broadcaster = broadcaster
        }

        deinit {
            let id = id
            let broadcaster = broadcaster
            Task { await broadcaster.unsubscribe(id) }
        }
    }

    package struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        let subscription: Subscription
        var pending: ArraySlice<UInt8> = []

        package mutating func next() async -> UInt8? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk[...]
            }
            return pending.popFirst()
        }

        /// Whole events at a time (or the rest of one, when the caller asked for less before).
        package mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk[...]
            }
            let buffer = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(buffer.count)
            return buffer
        }
    }
}
