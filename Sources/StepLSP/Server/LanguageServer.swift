import Foundation
import StepProject

/// The language server's state and its answers: it takes what the client sent and returns what to
/// send back, so tests can drive it without a process. ``LanguageServerLoop`` does the input and output.
///
/// Every request gets a result or a JSON-RPC error; nothing a client sends traps. Diagnostics are
/// published after a change once the input has been quiet for ``Options/debounce``: a burst of changes
/// is read in full before the document is checked once, so no work is done for a version that has
/// already been replaced.
public struct LanguageServer: Sendable {
    public struct Options: Sendable {
        /// Messages above this size are skipped (and their request answered with an error).
        public var maximumMessageSize = 64 * 1024 * 1024
        /// How long after a change the document is checked, so a burst of changes is checked once.
        public var debounce: Duration = .milliseconds(5)

        public init() {}
    }

    enum Lifecycle: Sendable {
        case starting
        case running
        case shutDown
    }

    public let options: Options
    private(set) var lifecycle = Lifecycle.starting
    /// Set once the client has sent `exit` (0 after `shutdown`, 1 without), or disappeared.
    public private(set) var exitStatus: Int32? = nil
    private(set) var encoding = PositionEncoding.utf16
    private(set) var capabilities = ClientCapabilities()
    private var workspaceFolders: [String] = []
    private var documents: [String: TextDocument] = [:]
    private var analyses: [String: DocumentAnalysis] = [:]
    /// Documents whose diagnostics are due, and when.
    private var due: [String: ContinuousClock.Instant] = [:]
    private var projects = ProjectCache()
    /// The client's process, which the server outlives by no more than a few seconds.
    public private(set) var parentProcess: Int32? = nil

    public init(options: Options = Options()) {
        self.options = options
    }

    /// When the next diagnostics are due, if any are.
    public var nextDeadline: ContinuousClock.Instant? { due.values.min() }

    /// Answers one event from the client.
    public mutating func receive(_ event: FrameDecoder.Event, now: ContinuousClock.Instant = .now) -> [JSON] {
        switch event {
        case .problem(let problem):
            if problem.isReportedOnly {
                return [Self.log(problem.message, type: 2)]
            }
            return [OutgoingMessage.error(id: problem.requestID ?? .null, ResponseError(problem.code, problem.message))]
        case .message(let value):
            return receive(IncomingMessage(value), now: now)
        }
    }

    mutating func receive(_ message: IncomingMessage, now: ContinuousClock.Instant) -> [JSON] {
        switch message {
        case .invalid(let id, let reason):
            return [OutgoingMessage.error(id: id, ResponseError(.invalidRequest, reason))]
        case .response:
            return []
        case .notification(let method, let params):
            return notification(method, params: params, now: now)
        case .request(let id, let method, let params):
            switch request(method, params: params) {
            case .success(let result): return [OutgoingMessage.response(id: id, result: result)]
            case .failure(let error): return [OutgoingMessage.error(id: id, error)]
            }
        }
    }

    /// The client went away without `exit`.
    public mutating func clientDisappeared() {
        exitStatus = exitStatus ?? (lifecycle == .shutDown ? 0 : 1)
    }

    // MARK: - Requests

    private mutating func request(_ method: String, params: JSON) -> Result<JSON, ResponseError> {
        switch lifecycle {
        case .starting where method != "initialize":
            return .failure(
                ResponseError(.serverNotInitialized, "the server is not initialized: send 'initialize' first"))
        case .running where method == "initialize":
            return .failure(ResponseError(.invalidRequest, "the server is already initialized"))
        case .shutDown:
            return .failure(ResponseError(.invalidRequest, "the server is shut down: only 'exit' is expected"))
        default:
            break
        }
        do throws(ResponseError) {
            switch method {
            case "initialize": return .success(initialize(params))
            case "shutdown":
                lifecycle = .shutDown
                return .success(.null)
            case "textDocument/codeAction":
                return .success(try withAnalysis(params) { try CodeActions(analysis: $0, server: $1).actions(params) })
            case "textDocument/formatting":
                return .success(try withAnalysis(params) { try DocumentFormatting(analysis: $0, server: $1).edits() })
            case "textDocument/documentSymbol":
                return .success(try withAnalysis(params) { DocumentSymbols(analysis: $0, server: $1).symbols() })
            case "textDocument/hover":
                return .success(try withAnalysis(params) { try Hover(analysis: $0, server: $1).hover(params) })
            case "textDocument/definition", "textDocument/declaration":
                return .success(try withAnalysis(params) { try Definition(analysis: $0, server: $1).locations(params) })
            case "textDocument/references":
                return .success(try withAnalysis(params) { try References(analysis: $0, server: $1).locations(params) })
            case "textDocument/completion":
                return .success(try withAnalysis(params) { try Completion(analysis: $0, server: $1).items(params) })
            default:
                throw ResponseError(.methodNotFound, "unknown method '\(method)'")
            }
        } catch {
            return .failure(error)
        }
    }

    /// What the features see of the server.
    struct Context {
        let encoding: PositionEncoding
        let capabilities: ClientCapabilities
    }

    private var context: Context { Context(encoding: encoding, capabilities: capabilities) }

    /// Runs `feature` on the analysis of the document `params.textDocument.uri` names; `null` for a
    /// document that is not a step file.
    private mutating func withAnalysis(
        _ params: JSON, _ feature: (DocumentAnalysis, Context) throws -> JSON
    ) throws(ResponseError) -> JSON {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            throw .invalidParams("'textDocument.uri' is missing")
        }
        guard let analysis = currentAnalysis(uri), analysis.source != nil else { return .null }
        do {
            return try feature(analysis, context)
        } catch let error as ResponseError {
            throw error
        } catch {
            throw ResponseError(.internalError, "\(error)")
        }
    }

    private mutating func initialize(_ params: JSON) -> JSON {
        capabilities = ClientCapabilities(params["capabilities"])
        encoding = PositionEncoding.negotiated(offered: capabilities.positionEncodings)
        var folders: [String] = []
        for folder in params["workspaceFolders"]?.arrayValue ?? [] {
            if let path = folder["uri"]?.stringValue.flatMap(FileURI.path(of:)) { folders.append(path) }
        }
        if folders.isEmpty, let root = params["rootUri"]?.stringValue.flatMap(FileURI.path(of:)) {
            folders.append(root)
        }
        if folders.isEmpty, let root = params["rootPath"]?.stringValue, root.hasPrefix("/") { folders.append(root) }
        workspaceFolders = folders.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        if let pid = params["processId"]?.intValue, pid > 0, pid <= Int(Int32.max) { parentProcess = Int32(pid) }
        lifecycle = .running
        return [
            "capabilities": [
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "codeActionProvider": ["codeActionKinds": ["quickfix", "source.fixAll.stepdoc"]],
                "documentFormattingProvider": true,
                "documentSymbolProvider": true,
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "completionProvider": ["triggerCharacters": [":", " "], "resolveProvider": false],
                "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
            ],
            "serverInfo": ["name": "stepdoc", "version": .string(StepDocVersion.current)],
        ]
    }

    // MARK: - Notifications

    private mutating func notification(_ method: String, params: JSON, now: ContinuousClock.Instant) -> [JSON] {
        if method == "exit" {
            exitStatus = lifecycle == .shutDown ? 0 : 1
            return []
        }
        // Before initialize, notifications are dropped (LSP 3.17); after shutdown, only exit counts.
        guard lifecycle == .running else { return [] }
        switch method {
        case "textDocument/didOpen":
            guard let item = params["textDocument"], let uri = item["uri"]?.stringValue,
                let text = item["text"]?.stringValue
            else { return [Self.log("didOpen without a textDocument uri and text: ignored", type: 2)] }
            documents[uri] = TextDocument(
                uri: uri, languageID: item["languageId"]?.stringValue ?? "", version: item["version"]?.intValue ?? 0,
                text: text)
            due[uri] = now
        case "textDocument/didChange":
            guard let uri = params["textDocument"]?["uri"]?.stringValue, var document = documents[uri] else {
                return [Self.log("didChange for a document that is not open: ignored", type: 2)]
            }
            for change in params["contentChanges"]?.arrayValue ?? [] {
                guard let text = change["text"]?.stringValue else { continue }
                let range = change["range"].flatMap { PositionRange(json: $0) }
                if change["range"] != nil, range == nil { continue }
                document.replace(range, with: text, encoding: encoding)
            }
            document.version = params["textDocument"]?["version"]?.intValue ?? document.version + 1
            documents[uri] = document
            due[uri] = now + options.debounce
        case "textDocument/didClose":
            guard let uri = params["textDocument"]?["uri"]?.stringValue else { return [] }
            documents[uri] = nil
            analyses[uri] = nil
            due[uri] = nil
            return [
                OutgoingMessage.notification(
                    "textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
            ]
        case "textDocument/didSave", "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration":
            // stepdoc.yml, an included file or a check's source may have changed: check every open document again.
            projects.removeAll()
            analyses.removeAll()
            for uri in documents.keys { due[uri] = now }
        case "workspace/didChangeWorkspaceFolders":
            let event = params["event"]
            let removed = Set(
                (event?["removed"]?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue.flatMap(FileURI.path(of:)) })
            workspaceFolders.removeAll { removed.contains($0) }
            workspaceFolders += (event?["added"]?.arrayValue ?? []).compactMap {
                $0["uri"]?.stringValue.flatMap(FileURI.path(of:))
            }
            projects.removeAll()
            for uri in documents.keys { due[uri] = now }
        default:
            break
        }
        return []
    }

    // MARK: - Diagnostics

    /// Checks and publishes every document whose time has come.
    public mutating func performDueWork(now: ContinuousClock.Instant = .now) -> [JSON] {
        var messages: [JSON] = []
        for (uri, time) in due.sorted(by: { $0.value < $1.value }) where time <= now {
            due[uri] = nil
            guard let analysis = currentAnalysis(uri) else { continue }
            var conversion = DiagnosticConversion(analysis: analysis, encoding: encoding, capabilities: capabilities)
            messages.append(
                OutgoingMessage.notification(
                    "textDocument/publishDiagnostics",
                    [
                        "uri": .string(uri), "version": .integer(analysis.version),
                        "diagnostics": .array(conversion.diagnostics()),
                    ]))
        }
        return messages
    }

    /// The analysis of the document's current version (made now when there is none yet); a document
    /// that is not open is read from disk.
    mutating func currentAnalysis(_ uri: String) -> DocumentAnalysis? {
        guard let path = FileURI.path(of: uri) else { return nil }
        let project = projects.project(forFile: path, workspaceFolders: workspaceFolders)
        if let document = documents[uri] {
            if let known = analyses[uri], known.version == document.version, known.project.stamp == project.stamp,
                known.project.root == project.root
            {
                return known
            }
            let analysis = DocumentAnalysis(document: document, path: path, project: project)
            analyses[uri] = analysis
            return analysis
        }
        guard let file = try? SourceReader(maximumSize: project.config.limits.maxFileSize).read(path) else {
            return nil
        }
        let document = TextDocument(
            uri: uri, languageID: "", version: 0, text: String(decoding: file.bytes, as: UTF8.self))
        return DocumentAnalysis(document: document, path: path, project: project)
    }

    /// `window/logMessage`; type 1 error, 2 warning, 3 info, 4 log.
    static func log(_ message: String, type: Int) -> JSON {
        OutgoingMessage.notification(
            "window/logMessage", ["type": .integer(type), "message": .string("stepdoc: " + message)])
    }
}
