/// A JSON value read from MongoDB Extended JSON v2, relaxed or canonical.
///
/// The numeric wrappers (`$numberInt`, `$numberLong`, `$numberDouble`, `$numberDecimal`) become
/// ``number(_:)``, so a relaxed `1` and a canonical `{"$numberInt": "1"}` read as equal values. The
/// other BSON wrappers keep their type in a case of their own; wrappers this reader does not know
/// (`$code`, `$symbol`, `$dbPointer`, `$undefined`, …) stay plain objects.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
    /// `{"$date": …}`: an instant as milliseconds since the Unix epoch.
    case date(millisecondsSinceEpoch: Int64)
    /// `{"$oid": "…"}`: the 24 hexadecimal digits of an ObjectId, as written.
    case objectID(String)
    /// `{"$timestamp": {"t": …, "i": …}}`: a replication timestamp.
    case timestamp(seconds: UInt32, increment: UInt32)
    /// `{"$binary": {"base64": …, "subType": …}}` (or the legacy `$binary`/`$type` pair).
    case binary(base64: String, subtype: UInt8)
    /// `{"$regularExpression": {"pattern": …, "options": …}}` (or the legacy `$regex`/`$options` pair).
    case regularExpression(pattern: String, options: String)
    /// `{"$minKey": 1}`.
    case minKey
    /// `{"$maxKey": 1}`.
    case maxKey
}

extension JSONValue {
    /// The string, when this value is one.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The Boolean, when this value is one.
    public var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The number, when this value is one.
    public var numberValue: JSONNumber? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The number as an exact integer, when this value is an integral number that fits `Int`.
    public var intValue: Int? {
        guard let integer = numberValue?.exactInteger else { return nil }
        return Int(exactly: integer)
    }

    /// The object, when this value is one.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The elements, when this value is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The member named `key`, when this value is an object that has one.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// Whether MongoDB would read this value as true, as it reads `ok` and flag fields:
    /// `true`, or a non-zero number.
    public var isTruthy: Bool {
        switch self {
        case .bool(let bool): bool
        case .number(let number): number.doubleValue != 0 && !number.doubleValue.isNaN
        default: false
        }
    }

    /// The kind of value with its article, for messages: "a string", "an array", "a document"…
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a Boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a document"
        case .date: "a date"
        case .objectID: "an ObjectId"
        case .timestamp: "a timestamp"
        case .binary: "binary data"
        case .regularExpression: "a regular expression"
        case .minKey: "MinKey"
        case .maxKey: "MaxKey"
        }
    }
}
