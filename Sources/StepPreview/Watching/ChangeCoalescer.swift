import StepProject

/// Groups a watcher's changes into batches, one per burst.
///
/// Saving a file often touches it several times (truncate, write, close; or write a temporary file and
/// rename it), and an editor may save several files at once: the first change opens a window of
/// `window`, and everything seen until it closes is rendered together.
package enum ChangeCoalescer {
    /// The batches of `changes`; the stream ends after the last batch once `changes` ends.
    package static func batches(of changes: AsyncStream<FileChange>, window: Duration) -> AsyncStream<ChangeBatch> {
        let (batches, output) = AsyncStream.makeStream(of: ChangeBatch.self)
        let pending = PendingChanges()
        // A wake-up per window, not per change: the newest one is all that matters.
        let (wakeUps, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let collect = Task {
            for await change in changes where await pending.add(change) {
                wake.yield()
            }
            wake.finish()
        }
        let deliver = Task {
            for await _ in wakeUps {
                try? await Task.sleep(for: window)
                let batch = await pending.take()
                if !batch.isEmpty { output.yield(batch) }
            }
            let last = await pending.take()
            if !last.isEmpty { output.yield(last) }
            output.finish()
        }
        output.onTermination = { _ in
            collect.cancel()
            deliver.cancel()
        }
        return batches
    }
}

/// The changes seen since the last batch was taken.
private actor PendingChanges {
    private var batch = ChangeBatch()

    /// Adds a change; `true` when it is the first of a new batch.
    func add(_ change: FileChange) -> Bool {
        let wasEmpty = batch.isEmpty
        batch.add(change)
        return wasEmpty
    }

    func take() -> ChangeBatch {
        defer { batch = ChangeBatch() }
        return batch
    }
}
