import FlyingSocks
import Foundation
import StepProject
import Synchronization

/// `stepdoc preview`'s server: the rendered site over HTTP, kept current by a file watcher, with
/// reloads pushed to open pages over server-sent events.
///
/// ```
/// let server = try PreviewServer(settings: settings)
/// let url = try await server.start()   // http://127.0.0.1:8080/
/// …
/// await server.stop()
/// ```
public actor PreviewServer {
    private let settings: PreviewSettings
    private let address: ListenAddress
    private let site: PreviewSite
    private let broadcaster = ReloadBroadcaster()
    private var http: PreviewHTTPServer?
    private var serverTask: Task<Void, any Error>?
    private var watcher: (any FileWatcher)?
    private var background: [Task<Void, Never>] = []
    private var stopped = false
    /// Why the preview fell back to scanning, when it did.
    public private(set) var watcherNote: String?

    /// Reads and checks every step file; throws when content, templates or the address are unusable.
    public init(settings: PreviewSettings) throws(PreviewFailure) {
        self.settings = settings
        address = try ListenAddress(settings.host)
        site = try PreviewSite(settings: settings)
    }

    /// Whether only this machine can connect.
    public nonisolated var isLoopback: Bool { address.isLoopback }

    /// The number of pages holding an event stream open.
    public var clientCount: Int {
        get async { await broadcaster.clientCount }
    }

    /// Starts listening and watching; returns the URL of the index, with the port that was bound.
    public func start() async throws(PreviewFailure) -> String {
        guard http == nil, !stopped else {
            throw .cannotListen(address: address.hostAndPort(settings.port), reason: "the preview was started before")
        }
        let server: PreviewHTTPServer
        do {
            var limits = PreviewHTTPServer.Limits()
            if let maximum = settings.maximumConnections { limits.maximumConnections = maximum }
            limits.idleTimeout = settings.idleTimeout
            server = try PreviewHTTPServer(
                address: address, port: settings.port, limits: limits, log: settings.log
            ) { [weak self] head in
                guard let self else { return .plain(503, "the preview is stopping\n") }
                return await self.handle(head)
            }
        } catch {
            throw .cannotListen(address: address.hostAndPort(settings.port), reason: Self.describe(error))
        }
        http = server
        serverTask = Task { try await server.run() }
        startWatching()
        let keepAlive = settings.keepAliveInterval
        let broadcaster = broadcaster
        background.append(
            Task {
                while !Task.isCancelled {
                    do { try await Task.sleep(for: keepAlive) } catch { return }
                    await broadcaster.sendKeepAlive()
                }
            })
        return address.url(port: server.port)
    }

    /// Why the preview ends.
    public enum StopReason: Sendable, Equatable {
        /// SIGINT or SIGTERM.
        case signal(Int32)
        /// The listening socket failed for good: the port is closed, so the process must not go on.
        case listenerFailed(String)
    }

    /// Suspends until SIGINT or SIGTERM arrives, or the listener fails for good.
    public func waitForStop() async -> StopReason {
        let serverTask = serverTask
        return await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            Task { once.resume(.signal(await TerminationSignal.wait())) }
            Task {
                guard case .failure(let error)? = await serverTask?.result, !(error is CancellationError) else {
                    return
                }
                once.resume(.listenerFailed(Self.describe(error)))
            }
        }
    }

    /// Stops watching, ends every event stream and closes the server. Safe to call more than once.
    public func stop() async {
        guard !stopped else { return }
        stopped = true
        watcher?.stop()
        for task in background { task.cancel() }
        await broadcaster.close()
        serverTask?.cancel()
        _ = await serverTask?.result
    }

    /// Sends a keep-alive comment to every open stream now (tests use it to find dead clients sooner).
    package func sendKeepAlive() async {
        await broadcaster.sendKeepAlive()
    }

    private func startWatching() {
        let roots = site.watchRoots
        var watcher: any FileWatcher
        if settings.watchMode == .automatic {
            do {
                watcher = try InotifyWatcher(roots: roots)
            } catch {
                watcherNote = "\(error.description); scanning for changes every \(settings.pollInterval) instead"
                watcher = PollingWatcher(roots: roots, interval: settings.pollInterval)
            }
        } else {
            watcher = PollingWatcher(roots: roots, interval: settings.pollInterval)
        }
        self.watcher = watcher
        let batches = ChangeCoalescer.batches(of: watcher.changes, window: settings.debounce)
        let site = site
        let broadcaster = broadcaster
        background.append(
            Task {
                for await batch in batches {
                    let pages = await site.apply(batch)
                    if !pages.isEmpty { await broadcaster.reload(pages) }
                }
            })
    }

    private func handle(_ request: HTTPRequestHead) async -> HTTPReply {
        guard address.accepts(hostHeader: request.field("host")) else {
            return Self.reply(.text("this preview answers only to localhost\n", status: 403))
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            var reply = Self.reply(.text("method not allowed\n", status: 405))
            reply.fields.append(("Allow", "GET, HEAD"))
            return reply
        }
        guard let route = PreviewRoute(target: request.target) else { return Self.reply(.notFound) }
        if route == .events {
            let contentType = "text/event-stream; charset=utf-8"
            guard request.method == "GET" else {
                return Self.reply(PreviewResponse(status: 200, contentType: contentType, body: []))
            }
            return HTTPReply(
                status: 200, fields: Self.commonFields(contentType: contentType),
                body: .events(await broadcaster.subscribe()))
        }
        return Self.reply(await site.response(for: route))
    }

    private static func reply(_ response: PreviewResponse) -> HTTPReply {
        HTTPReply(
            status: response.status, fields: commonFields(contentType: response.contentType),
            body: .bytes(response.body))
    }

    private static func commonFields(contentType: String) -> [(name: String, value: String)] {
        [
            ("Content-Type", contentType), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
        ]
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? SocketError {
            switch error {
            case .failed(let call, let code, let message):
                let hint = code == EADDRINUSE ? " (another program has the port; --port 0 picks a free one)" : ""
                return "\(call.lowercased()): \(message.lowercased())\(hint)"
            default: return "\(error)"
            }
        }
        return error.localizedDescription
    }
}

/// A continuation resumed by whichever of several tasks comes first.
private final class ResumeOnce<Value: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<Value, Never>?>

    init(_ continuation: CheckedContinuation<Value, Never>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ value: Value) {
        continuation.withLock { waiting in
            waiting?.resume(returning: value)
            waiting = nil
        }
    }
}
