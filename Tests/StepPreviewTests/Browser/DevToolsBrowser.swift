import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Headless Chromium driven over the Chrome DevTools Protocol, through `--remote-debugging-pipe`:
/// commands go to the browser's file descriptor 3 and answers come from its 4, each message JSON ended
/// by a NUL byte. A small client of our own: no WebSocket, no driver, nothing from the network.
final class DevToolsBrowser: @unchecked Sendable {
    /// Where Debian's `chromium` package installs the browser; `make test-browser` installs it.
    static let executable = "/usr/bin/chromium"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }
    /// `make test-browser` sets STEPDOC_BROWSER_TESTS=1: beside the rest of `make test` a browser would
    /// take the cores the timed tests need.
    static var isWanted: Bool { isInstalled && ProcessInfo.processInfo.environment["STEPDOC_BROWSER_TESTS"] == "1" }

    private let process: pid_t
    private let commands: Int32
    private let answers: Int32
    private let profile: URL
    private var nextID = 0
    private var buffer: [UInt8] = []
    /// Events seen while waiting for answers, oldest first.
    private(set) var events: [[String: Any]] = []

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init() throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("stepdoc-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe() failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        let devNull = open("/dev/null", O_WRONLY)
        posix_spawn_file_actions_adddup2(&actions, devNull, 1)
        posix_spawn_file_actions_adddup2(&actions, devNull, 2)
        let arguments = [
            Self.executable, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-sync", "--hide-scrollbars", "--mute-audio", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, Self.executable, &actions, nil, &argv, environ)
        close(devNull)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard status == 0 else { throw Failure(description: "cannot start \(Self.executable): \(status)") }
        process = pid
        commands = toBrowser[1]
        answers = fromBrowser[0]
    }

    deinit {
        kill(process, SIGKILL)
        var status: Int32 = 0
        waitpid(process, &status, 0)
        close(commands)
        close(answers)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends a command and waits for its answer; throws the protocol's error.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: TimeInterval = 30)
        throws -> [String: Any]
    {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "the browser closed its pipe") }
            written += count
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let answer = try nextMessage(until: deadline)
            if answer["id"] as? Int == id {
                if let error = answer["error"] as? [String: Any] {
                    throw Failure(description: "\(method): \(error["message"] ?? error)")
                }
                return answer["result"] as? [String: Any] ?? [:]
            }
            if answer["method"] != nil { events.append(answer) }
        }
    }

    private func nextMessage(until deadline: Date) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let data = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure(description: "no answer from the browser in time") }
            var poller = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining, 1) * 1000))
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(answers, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "the browser ended") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// A new tab, attached: its session id for ``send(_:_:session:timeout:)``.
    func newPage(width: Int = 1280, height: Int = 900, dark: Bool = false) throws -> Page {
        let target = try send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "no target id") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw Failure(description: "no session id") }
        let page = Page(browser: self, session: session)
        try page.send("Page.enable")
        try page.send("Runtime.enable")
        try page.setViewport(width: width, height: height)
        try page.setColorScheme(dark: dark)
        return page
    }

    /// One tab.
    struct Page {
        let browser: DevToolsBrowser
        let session: String

        @discardableResult
        func send(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
            try browser.send(method, params, session: session)
        }

        func setViewport(width: Int, height: Int) throws {
            try send(
                "Emulation.setDeviceMetricsOverride",
                ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600])
        }

        func setColorScheme(dark: Bool) throws {
            try send(
                "Emulation.setEmulatedMedia",
                ["features": [["name": "prefers-color-scheme", "value": dark ? "dark" : "light"]]])
        }

        /// Loads `url` and waits until the document and its images have loaded.
        func open(_ url: String) throws {
            try send("Page.navigate", ["url": url])
            try waitFor("document.readyState === 'complete'")
        }

        /// The value of a JavaScript expression (promises awaited), as JSON gives it back.
        func evaluate(_ expression: String) throws -> Any? {
            let result = try send(
                "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
            if let exception = result["exceptionDetails"] as? [String: Any] {
                let text = (exception["exception"] as? [String: Any])?["description"] ?? exception["text"] ?? exception
                throw Failure(description: "\(expression.prefix(80))…: \(text)")
            }
            return (result["result"] as? [String: Any])?["value"]
        }

        /// Polls a JavaScript condition until it is true.
        func waitFor(_ condition: String, timeout: TimeInterval = 15) throws {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if (try? evaluate(condition)) as? Bool == true { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            throw Failure(description: "timed out waiting for \(condition)")
        }

        /// A real key press, as a user's keyboard sends it, to the focused element.
        func press(_ key: String, code: Int) throws {
            for type in ["rawKeyDown", "keyUp"] {
                try send(
                    "Input.dispatchKeyEvent",
                    [
                        "type": type, "key": key, "code": key, "windowsVirtualKeyCode": code,
                        "nativeVirtualKeyCode": code,
                    ])
            }
        }

        /// A real mouse click at the centre of the element `selector` finds.
        func click(_ selector: String) throws {
            let box =
                try evaluate(
                    """
                    (() => { const e = document.querySelector(\(Self.quoted(selector))); e.scrollIntoView({ block: 'center' });
                      const r = e.getBoundingClientRect();
                      return [r.left + r.width / 2, r.top + r.height / 2]; })()
                    """) as? [Double] ?? []
            guard box.count == 2 else { throw Failure(description: "no element \(selector)") }
            for type in ["mousePressed", "mouseReleased"] {
                try send(
                    "Input.dispatchMouseEvent",
                    ["type": type, "x": box[0], "y": box[1], "button": "left", "clickCount": 1])
            }
        }

        /// A PNG of the whole page (beyond the viewport).
        func screenshot() throws -> Data {
            let result = try send("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true])
            guard let text = result["data"] as? String, let data = Data(base64Encoded: text) else {
                throw Failure(description: "no screenshot")
            }
            return data
        }

        static func quoted(_ text: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        }
    }
}
