import Dispatch
import StepSyntax

/// A bounded queue of top-level blocks from the thread that parses a file to the thread that lowers
/// it, so the two halves of reading a large file run at the same time.
final class BlockChannel: @unchecked Sendable {
    typealias Item = (block: BlockNode, styles: [TitleStyle])

    private var buffer: [Item] = []
    private var head = 0
    private var isClosed = false
    // Semaphores rather than Foundation locks: the model depends on nothing but the syntax module.
    private let lock = DispatchSemaphore(value: 1)
    private let available = DispatchSemaphore(value: 0)
    private let space: DispatchSemaphore

    init(capacity: Int) {
        space = DispatchSemaphore(value: capacity)
    }

    /// Hands a block over, waiting while the queue is full.
    func send(_ item: Item) {
        space.wait()
        lock.wait()
        buffer.append(item)
        lock.signal()
        available.signal()
    }

    /// No more blocks will come.
    func close() {
        lock.wait()
        isClosed = true
        lock.signal()
        available.signal()
    }

    /// The next block, or `nil` once the channel is closed and empty.
    func receive() -> Item? {
        available.wait()
        lock.wait()
        defer { lock.signal() }
        guard head < buffer.count else {
            // Closed: let any other receiver see it too.
            available.signal()
            return nil
        }
        let item = buffer[head]
        head += 1
        if head >= 256, head * 2 >= buffer.count {
            buffer.removeFirst(head)
            head = 0
        }
        space.signal()
        return item
    }
}

/// The lowering half of a pipelined read, owned by the thread that runs it.
final class PipelinedLowering: @unchecked Sendable {
    var lowerer: ProcedureLowerer
    var suppressions: Suppressions

    init(lowerer: ProcedureLowerer, suppressions: Suppressions) {
        self.lowerer = lowerer
        self.suppressions = suppressions
    }

    /// Lowers every block `channel` delivers, until it closes.
    func run(_ channel: BlockChannel, file: SourceFile) {
        while let (block, styles) = channel.receive() {
            lowerer.titleStyles = styles
            suppressions.collect([block], file: file)
            lowerer.consume(block)
        }
    }
}
