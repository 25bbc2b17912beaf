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
    private let bytes: [UInt8]
    private let bodyStart: Int

    init(root: JSONNode, bytes: [UInt8], bodyStart: Int) {
        self.root = root
        self.bytes = bytes
        self.bodyStart = bodyStart
    }

    /// Reads one document (UTF-8; Extended JSON v2 wrappers unwrapped unless `options` say otherwise).
    public init(parsing bytes: [UInt8], options: JSONReadingOptions = JSONReadingOptions()) throws(JSONSyntaxError) {
        var reader = JSONReader(bytes: bytes, options: options)
        self = try reader.readLocatedDocument()
    }

    /// The 1-based line and byte column of `offset` (`\n`, `\r\n` and a lone `\r` end lines).
    public func location(of offset: Int) -> (line: Int, column: Int) {
        locations(of: [offset])[0]
    }

    /// The lines and columns of several offsets, in one pass over the text: lines are counted only when a
    /// position is asked for, so reading a document that has no problem costs no line table.
    public func locations(of offsets: [Int]) -> [(line: Int, column: Int)] {
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var results = [(line: Int, column: Int)](repeating: (1, 1), count: offsets.count)
        var line = 1
        var lineStart = bodyStart
        var position = bodyStart
        for index in order {
            let target = min(max(offsets[index], bodyStart), bytes.count)
            while position < target {
                let byte = bytes[position]
                if byte == 0x0A || byte == 0x0D && (position + 1 >= bytes.count || bytes[position + 1] != 0x0A) {
                    line += 1
                    lineStart = position + 1
                }
                position += 1
            }
            results[index] = (line, target - lineStart + 1)
        }
        return results
    }
}

/// How a JSON document is read.
public struct JSONReadingOptions: Sendable, Equatable {
    /// Whether MongoDB Extended JSON v2 wrappers (`{"$date": …}`, `{"$numberLong": …}`) become typed values.
    public var extendedJSON: Bool
    /// Whether a key repeated in one object is an error at the repeat (otherwise the last one wins, as
    /// `JSON.parse` does).
    public var rejectsDuplicateKeys: Bool

    /// Whether arrays and objects get their ``JSONNode/value`` too; without, a container's value is an
    /// empty one of its kind and only its ``JSONNode/elements`` or ``JSONNode/members`` hold its content
    /// (a reader that walks the nodes, as the check manifest's does, saves building every value twice).
    public var buildsValues: Bool

    public init(extendedJSON: Bool = true, rejectsDuplicateKeys: Bool = false, buildsValues: Bool = true) {
        self.extendedJSON = extendedJSON
        self.rejectsDuplicateKeys = rejectsDuplicateKeys
        self.buildsValues = buildsValues
    }
}
