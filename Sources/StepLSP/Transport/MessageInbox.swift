import Foundation

/// The queue between the thread that reads the client and the thread that answers it.
///
/// A class with a lock (NSCondition) because two threads share it; every member is reached under the
/// lock, which is why it is `@unchecked Sendable`.
final class MessageInbox: @unchecked Sendable {
    enum Item: Sendable, Equatable {
        case event(FrameDecoder.Event)
        /// The client closed its end (or reading failed).
        case end
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0

    func post(_ item: Item) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// The next item, waiting until `deadline` (for ever when `nil`); `nil` when the deadline passed.
    func take(before deadline: Date?) -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count {
            if let deadline {
                if !condition.wait(until: deadline) && head == items.count { return nil }
            } else {
                condition.wait()
            }
        }
        let item = items[head]
        head += 1
        if head > 64, head * 2 > items.count {
            items.removeSubrange(0..<head)
            head = 0
        }
        return item
    }

    /// Whether a `$/cancelRequest` for `id` is waiting.
    func holdsCancellation(of id: JSON) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return items[head...].contains { item in
            guard case .event(.message(let message)) = item else { return false }
            return message["method"] == .string("$/cancelRequest") && message["params"]?["id"] == id
        }
    }

    /// Whether any item is waiting.
    var isEmpty: Bool {
        condition.lock()
        defer { condition.unlock() }
        return head == items.count
    }
}
