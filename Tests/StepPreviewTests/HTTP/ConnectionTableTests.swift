import Foundation
import StepDocTestSupport
import StepPreview
import StepProject
import Synchronization
import Testing

/// The table of open connections: the limit, which connection makes room, and the idle timeout. Real
/// descriptors (socket pairs), so a connection closed from the table is seen closed at its other end.
struct ConnectionTableTests {
    /// A connected pair of sockets: the table gets `server`, the test reads `client`.
    struct Pair {
        let server: Int32
        let client: Int32

        init() throws {
            var descriptors: [Int32] = [0, 0]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &descriptors) == 0 else {
                throw SocketFailure("socketpair")
            }
            server = descriptors[0]
            client = descriptors[1]
            var time = timeval(tv_sec: 0, tv_usec: 1000)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        }

        /// Whether the server side was shut down: the client reads the end of the stream.
        var isShutDown: Bool {
            var byte: UInt8 = 0
            return recv(client, &byte, 1, 0) == 0
        }

        func close() {
            Foundation.close(server)
            Foundation.close(client)
        }
    }

    @Test func admitsUpToTheLimitThenClosesTheConnectionThatWaitedLongest() throws {
        let table = ConnectionTable(limit: 2, idleTimeout: .seconds(60))
        let pairs = try (0..<3).map { _ in try Pair() }
        defer { pairs.forEach { $0.close() } }
        let start = ContinuousClock.now
        guard case .admitted(let first) = table.admit(pairs[0].server, now: start),
            case .admitted = table.admit(pairs[1].server, now: start + .seconds(1))
        else {
            Issue.record("the first two were not admitted")
            return
        }
        #expect(table.count == 2)
        let third = table.admit(pairs[2].server, now: start + .seconds(2))
        guard case .admittedClosingIdle = third else {
            Issue.record("at the limit: \(third)")
            return
        }
        #expect(pairs[0].isShutDown, "the longest-waiting connection was not closed")
        #expect(!pairs[1].isShutDown && !pairs[2].isShutDown)
        #expect(table.count == 2)
        table.remove(first)
        #expect(table.count == 2, "a connection closed from the table was counted twice")
    }

    @Test func refusesANewConnectionWhenEveryOneIsBusy() throws {
        let table = ConnectionTable(limit: 2, idleTimeout: .seconds(60))
        let pairs = try (0..<3).map { _ in try Pair() }
        defer { pairs.forEach { $0.close() } }
        for (index, phase) in [ConnectionTable.Phase.handling, .streaming].enumerated() {
            guard case .admitted(let id) = table.admit(pairs[index].server) else {
                Issue.record("not admitted")
                return
            }
            table.set(id, phase)
        }
        #expect(table.admit(pairs[2].server) == .full)
        #expect(!pairs[0].isShutDown && !pairs[1].isShutDown, "a busy connection was closed")
    }

    @Test func closesConnectionsIdleLongerThanTheTimeoutButNotBusyOnes() throws {
        let table = ConnectionTable(limit: 10, idleTimeout: .seconds(5))
        let pairs = try (0..<4).map { _ in try Pair() }
        defer { pairs.forEach { $0.close() } }
        let start = ContinuousClock.now
        var ids: [ConnectionTable.ID] = []
        for pair in pairs {
            guard case .admitted(let id) = table.admit(pair.server, now: start) else { return }
            ids.append(id)
        }
        table.set(ids[1], .handling, now: start)
        table.set(ids[2], .streaming, now: start)
        table.set(ids[3], .sending, now: start)
        #expect(table.closeIdle(now: start + .seconds(4)) == 0)
        #expect(table.closeIdle(now: start + .seconds(5)) == 2)
        #expect(pairs[0].isShutDown, "a connection waiting for a request outlived the timeout")
        #expect(pairs[3].isShutDown, "a reply the client does not read outlived the timeout")
        #expect(!pairs[1].isShutDown && !pairs[2].isShutDown, "a connection being answered or streaming was closed")
        #expect(table.count == 2)
    }

    @Test func defaultsToAQuarterOfTheDescriptorsLeftAtMost256() {
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        let soft = Int(clamping: limit.rlim_cur)
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        let expected = max(4, min(256, (soft - open) / 4))
        #expect(abs(ConnectionTable.defaultLimit() - expected) <= 2, "limit \(soft), \(open) open")
        #expect(ConnectionTable.defaultLimit() <= 256)
    }

    @Test(arguments: [
        (EMFILE, AcceptFailure.outOfResources("accept: too many open files")),
        (ENFILE, .outOfResources("accept: too many open files in system")),
        (ECONNABORTED, .retry),
        (EBADF, .fatal("accept: bad file descriptor")),
        (EPERM, .transient("accept: operation not permitted")),
    ])
    func classifiesAcceptFailures(code: Int32, expected: AcceptFailure) {
        #expect(AcceptFailure(code: code, message: String(cString: strerror(code))) == expected)
    }

    @Test func writesALineOfAKindAtMostOnceAnInterval() {
        let lines = LockedLines()
        let log = ThrottledLog(interval: .seconds(1)) { lines.append($0) }
        let start = ContinuousClock.now
        log.write("accept: too many open files", kind: "a", now: start)
        log.write("accept: too many open files", kind: "a", now: start + .milliseconds(10))
        log.write("accept: too many open files", kind: "a", now: start + .milliseconds(20))
        log.write("other", kind: "b", now: start + .milliseconds(30))
        log.write("accept: too many open files", kind: "a", now: start + .seconds(2))
        #expect(
            lines.all == [
                "stepdoc preview: accept: too many open files\n", "stepdoc preview: other\n",
                "stepdoc preview: accept: too many open files (and 2 more like it)\n",
            ])
    }
}

/// Lines a log wrote, from any thread.
final class LockedLines: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
