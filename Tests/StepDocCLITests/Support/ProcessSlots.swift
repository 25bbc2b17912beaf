import StepDocTestSupport
import StepProject
import StepReports

/// One lane for the robustness tests' heavy work: `stepdoc` runs, builds of thousands of files,
/// megabyte-sized sources. Their tests are async and wait off the concurrency pool, so without a lane
/// all of them would start at once and starve the timing-sensitive tests (file watchers, the preview
/// server) of the machine's two cores.
actor ProcessSlots {
    static let shared = ProcessSlots(count: 1)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) {
        free = count
    }

    /// Runs `work` once a slot is free.
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await work()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// Runs blocking or CPU-heavy work on a thread of its own (``onOwnThread(_:)``), one piece at a time
/// (``ProcessSlots``).
func inHeavyLane<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await ProcessSlots.shared.run { try await onOwnThread(work) }
}
