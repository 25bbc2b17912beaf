import FlyingFox
import FlyingSocks
import Foundation

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
    private var http: HTTPServer?
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
        let server = HTTPServer(
            config: try configuration(),
            handler: ClosureHTTPHandler { [weak self] request in
                guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
                return await self.handle(request)
            })
        http = server
        // Whichever comes first: the server listening, or its task failing (the address is in use).
        let (outcomes, outcome) = AsyncStream.makeStream(of: StartOutcome.self, bufferingPolicy: .bufferingOldest(1))
        serverTask = Task {
            do {
                try await server.run()
                outcome.yield(.failed("the server stopped"))
            } catch {
                outcome.yield(.failed(Self.describe(error)))
                throw error
            }
        }
        let waiter = Task {
            do {
                try await server.waitUntilListening(timeout: 5)
                outcome.yield(.listening)
            } catch {
                outcome.yield(.failed("not listening after 5 seconds"))
            }
        }
        var result = StartOutcome.failed("the server did not start")
        for await first in outcomes {
            result = first
            break
        }
        waiter.cancel()
        let port: UInt16
        switch result {
        case .listening:
            port = try Self.port(of: await server.listeningAddress)
        case .failed(let reason):
            serverTask?.cancel()
            throw .cannotListen(address: address.hostAndPort(settings.port), reason: reason)
        }
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
        return address.url(port: port)
    }

    /// Stops watching, ends every event stream and closes the server. Safe to call more than once.
    public func stop() async {
        guard !stopped else { return }
        stopped = true
        watcher?.stop()
        for task in background { task.cancel() }
        await broadcaster.close()
        await http?.stop(timeout: 0)
        serverTask?.cancel()
        _ = await serverTask?.result
    }

    /// Sends a keep-alive comment to every open stream now (tests use it to find dead clients sooner).
    package func sendKeepAlive() async {
        await broadcaster.sendKeepAlive()
    }

    private func configuration() throws(PreviewFailure) -> HTTPServer.Configuration {
        let pool = HTTPServer.defaultPool()
        do {
            switch address.family {
            case .ip4:
                let socket = try sockaddr_in.inet(ip4: address.host, port: settings.port)
                return HTTPServer.Configuration(address: socket, timeout: 15, pool: pool, logger: .disabled)
            case .ip6:
                let socket = try sockaddr_in6.inet6(ip6: address.host, port: settings.port)
                return HTTPServer.Configuration(address: socket, timeout: 15, pool: pool, logger: .disabled)
            }
        } catch {
            throw .cannotListen(address: address.hostAndPort(settings.port), reason: Self.describe(error))
        }
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

    private func handle(_ request: HTTPRequest) async -> HTTPResponse {
        guard address.accepts(hostHeader: request.headers[.host]) else {
            return Self.response(.text("this preview answers only to localhost\n", status: 403), head: false)
        }
        guard request.method == .GET || request.method == .HEAD else {
            var response = Self.response(.text("method not allowed\n", status: 405), head: false)
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        guard let route = PreviewRoute(target: request.target.rawValue) else {
            return Self.response(.notFound, head: request.method == .HEAD)
        }
        if route == .events {
            let contentType = "text/event-stream; charset=utf-8"
            guard request.method == .GET else {
                return Self.response(PreviewResponse(status: 200, contentType: contentType, body: []), head: true)
            }
            let body = await broadcaster.subscribe()
            var headers = Self.commonHeaders(contentType: contentType)
            headers[.connection] = "keep-alive"
            return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: body))
        }
        return Self.response(await site.response(for: route), head: request.method == .HEAD)
    }

    private static func response(_ response: PreviewResponse, head: Bool) -> HTTPResponse {
        var headers = commonHeaders(contentType: response.contentType)
        if head { headers[.contentLength] = String(response.body.count) }
        return HTTPResponse(
            statusCode: HTTPStatusCode(response.status, phrase: phrase(response.status)), headers: headers,
            body: head ? Data() : Data(response.body))
    }

    private static func commonHeaders(contentType: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        headers[HTTPHeader("Referrer-Policy")] = "no-referrer"
        return headers
    }

    private static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        default: "Error"
        }
    }

    private static func port(of address: Socket.Address?) throws(PreviewFailure) -> UInt16 {
        switch address {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: throw .cannotListen(address: "?", reason: "the server has no address")
        }
    }

    private enum StartOutcome: Sendable {
        case listening
        case failed(String)
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
