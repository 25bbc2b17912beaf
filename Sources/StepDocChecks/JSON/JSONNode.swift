/// A JSON value with the byte offset it was read from, and the same for each of its elements or members,
/// so that a reader of a document can report a wrong type or an unknown key at its `line:column`.
///
/// ``value`` is the whole value as ``JSONValue`` gives it (Extended JSON wrappers already unwrapped);
/// ``elements`` and ``members`` are filled for arrays and for objects that stayed objects.
public struct JSONNode: Sendable, Equatable {
    /// An object member: its key, where the key's opening quote is, and its value.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var keyOffset: Int
        public var node: JSONNode

        public init(key: String, keyOffset: Int, node: JSONNode) {
            self.key = key
            self.keyOffset = keyOffset
            self.node = node
        }
    }

    public var value: JSONValue
    /// The offset of the value's first byte in the document.
    public var offset: Int
    /// An array's elements, in order; empty for everything else.
    public var elements: [JSONNode]
    /// An object's members, in order, repeated keys included; empty for everything else.
    public var members: [Member]

    public init(value: JSONValue, offset: Int, elements: [JSONNode] = [], members: [Member] = []) {
        self.value = value
        self.offset = offset
        self.elements = elements
        self.members = members
    }

    /// The last member named `key`.
    public func member(_ key: String) -> Member? {
        members.last { $0.key == key }
    }
}

/// A JSON document read with the places of its values: the root node, and a way back from a byte offset
/// to a line and column.
public struct JSONDocument: Sendable {
    public let root: JSONNode
    private let lineStarts: [Int]
    private let bodyStart: Int

    init(root: JSONNode, bytes: [UInt8], bodyStart: Int) {
        self.root = root
        self.bodyStart = bodyStart
        var starts = [bodyStart]
        var position = bodyStart
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                starts.append(position + 1)
            } else if byte == UInt8(ascii: "\r"), position + 1 >= bytes.count || bytes[position + 1] != UInt8(ascii: "\n") {
                starts.append(position + 1)
            }
            position += 1
        }
        self.lineStarts = starts
    }

    /// Reads one document (UTF-8; Extended JSON v2 wrappers unwrapped unless `options` say otherwise).
    public init(parsing bytes: [UInt8], options: JSONReadingOptions = JSONReadingOptions()) throws(JSONSyntaxError) {
        var reader = JSONReader(bytes: bytes, options: options)
        self = try reader.readLocatedDocument()
    }

    /// The 1-based line and byte column of `offset`.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(offset, bodyStart)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return (low + 1, clamped - lineStarts[low] + 1)
    }
}

/// How a JSON document is read.
public struct JSONReadingOptions: Sendable, Equatable {
    /// Whether MongoDB Extended JSON v2 wrappers (`{"$date": …}`, `{"$numberLong": …}`) become typed values.
    public var extendedJSON: Bool
    /// Whether a key repeated in one object is an error at the repeat (otherwise the last one wins, as
    /// `JSON.parse` does).
    public var rejectsDuplicateKeys: Bool

    public init(extendedJSON: Bool = true, rejectsDuplicateKeys: Bool = false) {
        self.extendedJSON = extendedJSON
        self.rejectsDuplicateKeys = rejectsDuplicateKeys
    }
}
