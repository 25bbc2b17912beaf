import StepProject

/// One client's event stream: the encoded events as they come, and the subscription that ends when
/// the stream is released.
package struct EventStreamBody: AsyncSequence, Sendable {
    package typealias Element = [UInt8]

    let stream: AsyncStream<[UInt8]>
    let subscription: Subscription

    package func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator(), subscription: subscription)
    }

    /// Unsubscribes the client when the last reference goes: the server drops the stream when a write
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

    package struct Iterator: AsyncIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        let subscription: Subscription

        /// The next event's bytes, or nil once the stream has ended.
        package mutating func next() async -> [UInt8]? {
            await base.next()
        }
    }
}
