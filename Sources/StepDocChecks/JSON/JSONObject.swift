/// A JSON object: its members in document order.
///
/// Lookups by key return the last member with that key, as `JSON.parse` does, so a document with
/// a repeated key reads the way mongosh would read it.
public struct JSONObject: Sendable, Equatable {
    /// One `"key": value` pair.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in the order they were written, repeated keys included.
    public var members: [Member]

    public init(_ members: [Member] = []) {
        self.members = members
    }

    /// The value of the last member named `key`.
    public subscript(key: String) -> JSONValue? {
        members.last(where: { $0.key == key })?.value
    }

    /// The keys in document order.
    public var keys: [String] {
        members.map(\.key)
    }

    /// Whether the object has no members.
    public var isEmpty: Bool {
        members.isEmpty
    }

    /// The value at a dotted path such as `security.authorization`.
    ///
    /// A member whose key is the whole dotted path wins (mongod's parsed options sometimes use
    /// dotted keys); otherwise the path is followed through nested objects, again preferring a
    /// dotted key for the rest of the path at each level.
    public func value(atPath path: String) -> JSONValue? {
        if let value = self[path] {
            return value
        }
        var prefix = ""
        for component in path.split(separator: ".", omittingEmptySubsequences: false).dropLast() {
            prefix += prefix.isEmpty ? String(component) : "." + component
            guard let nested = self[prefix]?.objectValue else { continue }
            let rest = String(path.dropFirst(prefix.count + 1))
            if let value = nested.value(atPath: rest) {
                return value
            }
        }
        return nil
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Member(key: $0.0, value: $0.1) })
    }
}
