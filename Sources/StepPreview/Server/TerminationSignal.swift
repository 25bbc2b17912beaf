import Dispatch
import Foundation
import StepProject

/// Ctrl-C (SIGINT) and SIGTERM as something to wait for, so the preview can shut down in order.
///
/// A second signal while shutting down ends the process at once, as users expect of a second Ctrl-C.
package enum TerminationSignal {
    /// How long after the first signal the process ends whatever it is doing.
    static let deadline = DispatchTimeInterval.milliseconds(900)

    /// Suspends until SIGINT or SIGTERM arrives; returns the signal.
    package static func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let state = SignalState(continuation)
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)  // let the dispatch source see it instead of the default handler
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { state.received(number) }
                source.resume()
                state.keep(source)
            }
        }
    }

    /// Resumes the waiter on the first signal and exits on the next.
    private final class SignalState: @unchecked Sendable {
        // @unchecked: every property is guarded by `lock`.
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Int32, Never>?
        private var sources: [any DispatchSourceSignal] = []

        init(_ continuation: CheckedContinuation<Int32, Never>) {
            self.continuation = continuation
        }

        func keep(_ source: any DispatchSourceSignal) {
            lock.lock()
            sources.append(source)
            lock.unlock()
        }

        func received(_ number: Int32) {
            lock.lock()
            let waiting = continuation
            continuation = nil
            lock.unlock()
            guard let waiting else { _exit(128 + number) }
            waiting.resume(returning: number)
            // The orderly stop ends event streams and closes connections in milliseconds; should anything
            // hold it up, the process still ends within the second the user may expect.
            DispatchQueue.global().asyncAfter(deadline: .now() + TerminationSignal.deadline) {
                let note = "stepdoc preview: stopping took too long; exiting\n"
                _ = note.withCString { Foundation.write(2, $0, strlen($0)) }
                _exit(128 + number)
            }
        }
    }
}
