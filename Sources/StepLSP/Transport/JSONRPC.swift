/// The error codes of JSON-RPC 2.0 and those LSP 3.17 adds.
public enum JSONRPCErrorCode: Int, Sendable, Equatable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestFailed = -32803
    case requestCancelled = -32800
    case contentModified = -32801
}

/// An error answer to a request.
public struct ResponseError: Error, Sendable, Equatable {
    public var code: JSONRPCErrorCode
    public var message: String

    public init(_ code: JSONRPCErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    static func invalidParams(_ message: String) -> ResponseError {
        ResponseError(.invalidParams, message)
    }
}

/// What one incoming JSON value is, as JSON-RPC 2.0 reads it.
public enum IncomingMessage: Sendable, Equatable {
    case request(id: JSON, method: String, params: JSON)
    case notification(method: String, params: JSON)
    /// An answer to a request the server sent (the server sends none that need one; ignored).
    case response(id: JSON)
    /// Not a JSON-RPC message; answered with Invalid Request for `id` (null when it has none).
    case invalid(id: JSON, reason: String)

    public init(_ value: JSON) {
        guard case .object(let members) = value else {
            self = .invalid(id: .null, reason: "a JSON-RPC message is an object, not \(value.kindDescription)")
            return
        }
        let id = members["id"]
        if let id, !Self.isValidID(id) {
            self = .invalid(id: .null, reason: "'id' must be a number or a string")
            return
        }
        guard members["jsonrpc"] == .string("2.0") else {
            self = .invalid(id: id ?? .null, reason: "'jsonrpc' must be \"2.0\"")
            return
        }
        let params = members["params"] ?? .null
        switch params {
        case .object, .array, .null: break
        default:
            self = .invalid(id: id ?? .null, reason: "'params' must be an object or an array")
            return
        }
        guard let methodValue = members["method"] else {
            if let id, members["result"] != nil || members["error"] != nil {
                self = .response(id: id)
            } else {
                self = .invalid(id: id ?? .null, reason: "a request needs a 'method'")
            }
            return
        }
        guard let method = methodValue.stringValue else {
            self = .invalid(id: id ?? .null, reason: "'method' must be a string")
            return
        }
        if let id {
            self = .request(id: id, method: method, params: params)
        } else {
            self = .notification(method: method, params: params)
        }
    }

    private static func isValidID(_ id: JSON) -> Bool {
        switch id {
        case .integer, .string, .null: true
        case .double(let value): value.rounded() == value
        default: false
        }
    }
}

/// The messages the server writes.
public enum OutgoingMessage {
    public static func response(id: JSON, result: JSON) -> JSON {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    public static func error(id: JSON, _ error: ResponseError) -> JSON {
        [
            "jsonrpc": "2.0", "id": id,
            "error": ["code": .integer(error.code.rawValue), "message": .string(error.message)],
        ]
    }

    public static func notification(_ method: String, _ params: JSON) -> JSON {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }
}

extension JSON {
    /// "an array", "a string": for messages about a wrong type.
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
