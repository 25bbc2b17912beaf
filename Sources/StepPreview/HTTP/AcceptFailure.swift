import FlyingSocks
import Foundation
import StepProject
import Synchronization

/// What the accept loop does after `accept(2)` failed: the listener must outlive everything a busy or
/// starved process meets (a descriptor limit reached, a client that gave up), and end only when the
/// listening socket itself is gone.
package enum AcceptFailure: Equatable {
    /// The client gave up before it was accepted (`ECONNABORTED`, `EPROTO`), or a signal came: take the
    /// next one, nothing to say.
    case retry
    /// The process or system is out of descriptors or memory (`EMFILE`, `ENFILE`, `ENOBUFS`, `ENOMEM`):
    /// say so, free a descriptor if an idle connection holds one, pause, try again.
    case outOfResources(String)
    /// Something else that may pass: say so, pause, try again.
    case transient(String)
    /// The listening socket is unusable (`EBADF`, `EINVAL`, `ENOTSOCK`): the server ends, saying why.
    case fatal(String)

    package init(_ error: any Error) {
        guard case SocketError.failed(_, let code, let message) = error else {
            self = .fatal("\(error)")
            return
        }
        self.init(code: code, message: message)
    }

    /// The failure of `accept(2)` with `errno` `code`, `message` its text.
    package init(code: Int32, message: String) {
        let description = "accept: \(message.lowercased())"
        switch code {
        case ECONNABORTED, EPROTO, EINTR, EAGAIN: self = .retry
        case EMFILE, ENFILE, ENOBUFS, ENOMEM: self = .outOfResources(description)
        case EBADF, EINVAL, ENOTSOCK, EOPNOTSUPP, EFAULT: self = .fatal(description)
        default: self = .transient(description)
        }
    }

    /// How long the loop waits before the next `accept`: long enough that a process out of descriptors
    /// does not spin, short enough that a freed one is used at once.
    package static let pause = Duration.milliseconds(50)
}

/// Lines for the preview's log (standard error), each kind at most once a second: a process out of
/// descriptors fails every accept, and one line says it as well as thousands.
package final class ThrottledLog: Sendable {
    private let sink: @Sendable (String) -> Void
    private let interval: Duration
    private let last = Mutex<[String: (time: ContinuousClock.Instant, suppressed: Int)]>([:])

    package init(interval: Duration = .seconds(1), _ sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
        self.interval = interval
    }

    /// Writes `message` unless a line of the same `kind` was written less than the interval ago; the
    /// next line written says how many were left out.
    package func write(_ message: String, kind: String, now: ContinuousClock.Instant = .now) {
        let line: String? = last.withLock { table in
            if let previous = table[kind], now - previous.time < interval {
                table[kind]?.suppressed += 1
                return nil
            }
            let suppressed = table[kind]?.suppressed ?? 0
            table[kind] = (now, 0)
            return suppressed > 0 ? "\(message) (and \(suppressed) more like it)" : message
        }
        if let line { sink("stepdoc preview: \(line)\n") }
    }
}
