import Foundation
import StepProject
import Synchronization

/// The preview's open connections: what each is doing and since when, so that their number stays well
/// under the process's descriptor limit and connections that hold a descriptor while doing nothing are
/// closed.
///
/// A connection is closed from here with `shutdown(2)`, never `close(2)`: its own task is suspended in
/// a read or write on the descriptor, wakes up to a closed connection and closes it. The task takes its
/// entry out under the same lock before it closes the descriptor, so a number that may already belong
/// to a newer connection is never shut down.
package final class ConnectionTable: Sendable {
    package typealias ID = Int

    /// What a connection is doing.
    package enum Phase: Sendable, Equatable {
        /// Waiting for a request head, or the rest of one (limited by the idle timeout, from the moment
        /// the wait began: bytes trickling in do not extend it).
        case waiting
        /// Its request is being answered (rendering); not limited.
        case handling
        /// Sending a reply the client has to take (limited by the idle timeout).
        case sending
        /// Holding an event stream open between events; not limited (keep-alive comments find dead ones).
        case streaming
    }

    private struct Entry {
        var descriptor: Int32
        var phase: Phase
        var since: ContinuousClock.Instant
        /// Shut down from here; its task has not taken it out yet.
        var closing = false
    }

    private struct State {
        var next = 0
        var entries: [ID: Entry] = [:]
        /// Entries not yet shut down from here.
        var live = 0
    }

    /// The most connections served at once.
    package let limit: Int
    /// How long a connection may wait for a request or take to read a reply.
    package let idleTimeout: Duration
    private let state = Mutex(State())

    package init(limit: Int, idleTimeout: Duration) {
        self.limit = max(1, limit)
        self.idleTimeout = idleTimeout
    }

    /// The default limit: a quarter of the descriptors the process has left (256 of the usual 1,024),
    /// at most 256 — far more than browsers open to one server — and at least 4.
    ///
    /// The process must never run out: accepting would fail, and so would libdispatch, which opens
    /// `/proc` files to watch its threads and stops the process (SIGILL) when it cannot.
    package static func defaultLimit() -> Int {
        var descriptors = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &descriptors) == 0 else { return 64 }
        let soft = Int(clamping: descriptors.rlim_cur)  // RLIM_INFINITY is the largest value
        let left = soft - openDescriptorCount()
        return max(4, min(256, left / 4))
    }

    /// How many descriptors the process has open (those it inherited included), from `/proc/self/fd`.
    static func openDescriptorCount() -> Int {
        guard let folder = opendir("/proc/self/fd"), let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)
        else { return 16 }
        defer { closedir(folder) }
        var count = -1  // the listing's own descriptor
        while let entry = readdir(folder) {
            // The first byte of the name in place: a dirent is only as long as its name.
            if (UnsafeRawPointer(entry) + offset).load(as: UInt8.self) != UInt8(ascii: ".") { count += 1 }
        }
        return max(0, count)
    }

    /// The number of connections open (shut down ones not counted).
    package var count: Int {
        state.withLock { $0.live }
    }

    /// What happened to a new connection.
    package enum Admission: Equatable {
        /// Served under this id.
        case admitted(ID)
        /// Served under this id; the longest-waiting idle connection was closed to make room.
        case admittedClosingIdle(ID)
        /// Every slot is busy answering or streaming: refuse it (503).
        case full
    }

    /// Takes in a new connection: within the limit it is served; at the limit, the connection that has
    /// waited longest for a request is closed to make room (an open tab's next click matters more
    /// than a connection a browser keeps in reserve); when none waits, the new one is refused.
    package func admit(_ descriptor: Int32, now: ContinuousClock.Instant = .now) -> Admission {
        state.withLock { state in
            var closedIdle = false
            if state.live >= limit {
                guard Self.closeLongestWaiting(&state) else { return .full }
                closedIdle = true
            }
            // Shut-down connections still hold their descriptor until their task closes it: bound them too.
            guard state.entries.count < limit + limit / 2 + 1 else { return .full }
            let id = state.next
            state.next += 1
            state.entries[id] = Entry(descriptor: descriptor, phase: .waiting, since: now)
            state.live += 1
            return closedIdle ? .admittedClosingIdle(id) : .admitted(id)
        }
    }

    /// Records what a connection does now.
    package func set(_ id: ID, _ phase: Phase, now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            guard var entry = state.entries[id], entry.phase != phase else { return }
            entry.phase = phase
            entry.since = now
            state.entries[id] = entry
        }
    }

    /// Takes a connection out; its task calls this just before it closes the descriptor.
    package func remove(_ id: ID) {
        state.withLock { state in
            guard let entry = state.entries.removeValue(forKey: id) else { return }
            if !entry.closing { state.live -= 1 }
        }
    }

    /// Closes the connection that has waited longest for a request, when one waits; `true` if one did.
    /// The accept loop calls it when the process is out of descriptors.
    @discardableResult
    package func closeLongestWaiting() -> Bool {
        state.withLock { Self.closeLongestWaiting(&$0) }
    }

    /// Closes every connection that has waited for a request, or taken to read a reply, longer than
    /// the idle timeout; returns how many.
    @discardableResult
    package func closeIdle(now: ContinuousClock.Instant = .now) -> Int {
        state.withLock { state in
            var closed = 0
            for (id, entry) in state.entries where !entry.closing {
                guard entry.phase == .waiting || entry.phase == .sending, now - entry.since >= idleTimeout else {
                    continue
                }
                Self.shutDown(id, in: &state)
                closed += 1
            }
            return closed
        }
    }

    private static func closeLongestWaiting(_ state: inout State) -> Bool {
        let waiting = state.entries.filter { !$0.value.closing && $0.value.phase == .waiting }
        guard let oldest = waiting.min(by: { $0.value.since < $1.value.since }) else { return false }
        shutDown(oldest.key, in: &state)
        return true
    }

    private static func shutDown(_ id: ID, in state: inout State) {
        guard var entry = state.entries[id], !entry.closing else { return }
        _ = shutdown(entry.descriptor, Int32(SHUT_RDWR))
        entry.closing = true
        state.entries[id] = entry
        state.live -= 1
    }
}
