import Dispatch
import Foundation
import StepProject

/// Runs async work from a synchronous command and blocks the calling thread until it ends.
///
/// The command line's `main` is synchronous; the preview is a server. The work runs on Swift's
/// concurrency pool while the main thread waits here, so it never holds a pool thread itself.
package enum SynchronousWait {
    package static func run<Success: Sendable>(_ work: @escaping @Sendable () async throws -> Success) throws -> Success
    {
        let box = ResultBox<Success>()
        Task {
            do {
                box.set(.success(try await work()))
            } catch {
                box.set(.failure(error))
            }
        }
        return try box.wait().get()
    }

    private final class ResultBox<Success: Sendable>: @unchecked Sendable {
        // @unchecked: `result` is written once under `lock` before `done` is signalled.
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<Success, any Error>?

        func set(_ result: Result<Success, any Error>) {
            lock.lock()
            self.result = result
            lock.unlock()
            done.signal()
        }

        func wait() -> Result<Success, any Error> {
            done.wait()
            lock.lock()
            defer { lock.unlock() }
            return result ?? .failure(CancellationError())
        }
    }
}
