import Dispatch
import StepModel
import StepSyntax
import Synchronization

/// Reads a large file on two threads: this one parses, another lowers what has been parsed, the two
/// halves handing top-level blocks over through a bounded queue.
enum PipelinedReading {
    /// The size from which a second thread pays for itself.
    static let threshold = 512 * 1024

    static func read(
        _ file: SourceFile, options: LoweringOptions, diagnostics: inout [Diagnostic],
        suppressions: inout Suppressions
    ) -> Procedure {
        let channel = BlockQueue(capacity: 64)
        let reader = Mutex(ProcedureReader(file: file, options: options))
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            // The lowering thread owns the reader until the queue closes; nobody else touches it.
            reader.withLock { reader in
                while let (block, styles) = channel.receive() { reader.consume(block, titleStyles: styles) }
            }
        }
        let parsed = SyntaxTree.stream(file, options: options.parseOptions) { block, styles in
            channel.send((block, styles))
        }
        channel.close()
        done.wait()
        return reader.withLock { reader in
            reader.finish(parsed: parsed, diagnostics: &diagnostics, suppressions: &suppressions)
        }
    }
}

/// A bounded queue of blocks from one thread to another: the sender waits while it is full, the
/// receiver while it is empty.
final class BlockQueue: Sendable {
    typealias Item = (block: BlockNode, styles: [TitleStyle])

    private struct State {
        var buffer: [Item] = []
        var head = 0
        var isClosed = false
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    private let space: DispatchSemaphore

    init(capacity: Int) {
        space = DispatchSemaphore(value: capacity)
    }

    /// Hands a block over, waiting while the queue is full.
    func send(_ item: Item) {
        space.wait()
        state.withLock { $0.buffer.append(item) }
        available.signal()
    }

    /// No more blocks will come.
    func close() {
        state.withLock { $0.isClosed = true }
        available.signal()
    }

    /// The next block, or `nil` once the queue is closed and empty.
    func receive() -> Item? {
        available.wait()
        let item: Item? = state.withLock { state in
            guard state.head < state.buffer.count else { return nil }
            let item = state.buffer[state.head]
            state.head += 1
            if state.head >= 256, state.head * 2 >= state.buffer.count {
                state.buffer.removeFirst(state.head)
                state.head = 0
            }
            return item
        }
        if item == nil {
            // Closed: let any other receiver see it too.
            available.signal()
        } else {
            space.signal()
        }
        return item
    }
}
