import Foundation

/// Runs a ``LanguageServer`` on standard input and output until the client sends `exit` or goes away.
public enum LanguageServerLoop {
    /// Serves the client on `input` and `output` and returns the process's exit status: 0 after
    /// `shutdown` and `exit`, 1 when the client exits without `shutdown` or disappears.
    public static func run(
        input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, options: LanguageServer.Options = .init()
    ) -> Int32 {
        // A client that closes its end must end the server through a failed write, not a signal.
        signal(SIGPIPE, SIG_IGN)
        let transport = StdioTransport(input: input, output: output, maximumMessageSize: options.maximumMessageSize)
        transport.start()
        var server = LanguageServer(options: options)
        let clock = ContinuousClock()
        var lastParentCheck = clock.now
        func send(_ messages: [JSON]) -> Bool {
            messages.allSatisfy { transport.send($0) }
        }
        while server.exitStatus == nil {
            let now = clock.now
            // Check the parent process every few seconds: a client killed without closing our input
            // must not leave the server running for ever.
            var deadline = now + .seconds(3)
            if let due = server.nextDeadline, due < deadline { deadline = due }
            let wait = max(Duration.zero, deadline - now)
            let item = transport.inbox.take(before: Date(timeIntervalSinceNow: wait.seconds))
            switch item {
            case .end?:
                server.clientDisappeared()
            case .event(let event)?:
                if case .message(let value) = event, case .request(let id, _, _) = IncomingMessage(value),
                    transport.inbox.holdsCancellation(of: id)
                {
                    if !send([
                        OutgoingMessage.error(id: id, ResponseError(.requestCancelled, "the request was cancelled"))
                    ]) {
                        server.clientDisappeared()
                    }
                    continue
                }
                if !send(server.receive(event, now: clock.now)) { server.clientDisappeared() }
            case nil:
                break
            }
            // Read everything already waiting before checking documents: a burst of changes is checked once.
            if server.exitStatus == nil, transport.inbox.isEmpty, let due = server.nextDeadline, due <= clock.now {
                if !send(server.performDueWork(now: clock.now)) { server.clientDisappeared() }
            }
            if clock.now - lastParentCheck > .seconds(3) {
                lastParentCheck = clock.now
                if let parent = server.parentProcess, kill(parent, 0) != 0, errno == ESRCH {
                    server.clientDisappeared()
                }
            }
        }
        return server.exitStatus ?? 1
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
