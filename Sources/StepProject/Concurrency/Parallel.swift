import Dispatch
import Synchronization

/// A parallel map that keeps input order; with one job it runs on the calling thread.
public enum Parallel {
    /// `transform` of every input on `jobs` threads; `progress` gets the number done after each.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], jobs: Int, progress: (@Sendable (Int) -> Void)? = nil,
        _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let workers = max(1, min(jobs, inputs.count))
        if workers == 1 {
            var outputs: [Output] = []
            outputs.reserveCapacity(inputs.count)
            for (index, input) in inputs.enumerated() {
                outputs.append(transform(input))
                progress?(index + 1)
            }
            return outputs
        }
        let slots = ResultSlots<Output>(count: inputs.count)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < inputs.count else { return }
                let completed = slots.store(transform(inputs[index]), at: index)
                progress?(completed)
            }
        }
        return slots.values()
    }
}

/// Output slots filled by several threads, each slot once.
private final class ResultSlots<Value: Sendable>: Sendable {
    private let storage: Mutex<(values: [Value?], completed: Int)>

    init(count: Int) {
        storage = Mutex(([Value?](repeating: nil, count: count), 0))
    }

    /// Stores a result; returns how many slots are filled now.
    func store(_ value: Value, at index: Int) -> Int {
        storage.withLock { storage in
            storage.values[index] = value
            storage.completed += 1
            return storage.completed
        }
    }

    func values() -> [Value] {
        storage.withLock { $0.values.compactMap { $0 } }
    }
}
