/// Turns MongoDB Extended JSON v2 wrapper objects into typed values.
///
/// Only objects whose keys are exactly a wrapper's keys are converted; anything else stays a plain
/// object, so a reply that happens to use a `$`-prefixed key (`$clusterTime`) is left alone. A
/// wrapper with a value of the wrong form is an error, as it is for MongoDB's own parsers.
enum ExtendedJSON {
    /// A wrapper object whose value is not of the form the specification requires.
    struct InvalidWrapper: Error {
        var message: String
    }

    /// The value an object with these members stands for.
    static func value(of members: [JSONObject.Member]) throws(InvalidWrapper) -> JSONValue {
        guard let first = members.first, first.key.hasPrefix("$") else {
            return .object(JSONObject(members))
        }
        switch members.count {
        case 1:
            return try singleKeyWrapper(first) ?? .object(JSONObject(members))
        case 2:
            return try legacyPairWrapper(members) ?? .object(JSONObject(members))
        default:
            return .object(JSONObject(members))
        }
    }

    private static func singleKeyWrapper(_ member: JSONObject.Member) throws(InvalidWrapper) -> JSONValue? {
        let value = member.value
        switch member.key {
        case "$numberInt":
            let text = try string(value, of: member.key)
            guard let integer = Int32(text) else {
                throw InvalidWrapper(message: "invalid $numberInt value \"\(text)\", expected a 32-bit integer")
            }
            return .number(.integer(Int64(integer)))
        case "$numberLong":
            let text = try string(value, of: member.key)
            guard let integer = Int64(text) else {
                throw InvalidWrapper(message: "invalid $numberLong value \"\(text)\", expected a 64-bit integer")
            }
            return .number(.integer(integer))
        case "$numberDouble":
            let text = try string(value, of: member.key)
            guard let double = double(text) else {
                throw InvalidWrapper(message: "invalid $numberDouble value \"\(text)\"")
            }
            return .number(.double(double))
        case "$numberDecimal":
            let text = try string(value, of: member.key)
            guard isDecimalText(text) else {
                throw InvalidWrapper(message: "invalid $numberDecimal value \"\(text)\"")
            }
            return .number(.decimal(text))
        case "$date":
            return .date(millisecondsSinceEpoch: try milliseconds(value))
        case "$oid":
            let text = try string(value, of: member.key)
            guard text.utf8.count == 24, text.utf8.allSatisfy(isHexDigit) else {
                throw InvalidWrapper(message: "invalid $oid value \"\(text)\", expected 24 hexadecimal digits")
            }
            return .objectID(text)
        case "$timestamp":
            guard let object = value.objectValue, Set(object.keys) == ["t", "i"], object.members.count == 2,
                let seconds = object["t"]?.numberValue?.exactInteger.flatMap(UInt32.init(exactly:)),
                let increment = object["i"]?.numberValue?.exactInteger.flatMap(UInt32.init(exactly:))
            else {
                throw InvalidWrapper(message: "invalid $timestamp value, expected {\"t\": seconds, \"i\": increment}")
            }
            return .timestamp(seconds: seconds, increment: increment)
        case "$binary":
            guard let object = value.objectValue, Set(object.keys) == ["base64", "subType"], object.members.count == 2,
                let base64 = object["base64"]?.stringValue,
                let subtype = object["subType"]?.stringValue.flatMap(binarySubtype)
            else {
                throw InvalidWrapper(message: "invalid $binary value, expected {\"base64\": text, \"subType\": hex}")
            }
            return .binary(base64: base64, subtype: subtype)
        case "$regularExpression":
            guard let object = value.objectValue, Set(object.keys) == ["pattern", "options"],
                object.members.count == 2,
                let pattern = object["pattern"]?.stringValue, let options = object["options"]?.stringValue
            else {
                throw InvalidWrapper(
                    message: "invalid $regularExpression value, expected {\"pattern\": text, \"options\": text}")
            }
            return .regularExpression(pattern: pattern, options: options)
        case "$minKey":
            return .minKey
        case "$maxKey":
            return .maxKey
        default:
            return nil
        }
    }

    /// The legacy two-key forms: `{"$binary": …, "$type": …}` and `{"$regex": …, "$options": …}`.
    private static func legacyPairWrapper(_ members: [JSONObject.Member]) throws(InvalidWrapper) -> JSONValue? {
        let object = JSONObject(members)
        switch Set(object.keys) {
        case ["$binary", "$type"]:
            guard let base64 = object["$binary"]?.stringValue,
                let subtype = object["$type"]?.stringValue.flatMap(binarySubtype)
            else {
                throw InvalidWrapper(
                    message: "invalid legacy $binary value, expected {\"$binary\": text, \"$type\": hex}")
            }
            return .binary(base64: base64, subtype: subtype)
        case ["$regex", "$options"]:
            // `$regex` is also a query operator whose value may be a regular expression; only the
            // all-strings form is the Extended JSON wrapper.
            guard let pattern = object["$regex"]?.stringValue, let options = object["$options"]?.stringValue else {
                return nil
            }
            return .regularExpression(pattern: pattern, options: options)
        default:
            return nil
        }
    }

    // MARK: - Pieces

    private static func string(_ value: JSONValue, of key: String) throws(InvalidWrapper) -> String {
        guard let text = value.stringValue else {
            throw InvalidWrapper(message: "\(key) value must be a string, found \(value.kindDescription)")
        }
        return text
    }

    /// `$date` holds `{"$numberLong": …}` (canonical, already unwrapped to a number), an ISO-8601
    /// string (relaxed) or a plain number of milliseconds (legacy).
    private static func milliseconds(_ value: JSONValue) throws(InvalidWrapper) -> Int64 {
        switch value {
        case .number(let number):
            guard let milliseconds = number.exactInteger else {
                throw InvalidWrapper(message: "invalid $date value \(number), expected whole milliseconds")
            }
            return milliseconds
        case .string(let text):
            guard let milliseconds = ISO8601Timestamp.milliseconds(parsing: text) else {
                throw InvalidWrapper(message: "invalid $date value \"\(text)\", expected an ISO-8601 date and time")
            }
            return milliseconds
        default:
            throw InvalidWrapper(message: "invalid $date value, found \(value.kindDescription)")
        }
    }

    private static func double(_ text: String) -> Double? {
        switch text {
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        case "NaN": return .nan
        default:
            // `Double(_:)` also reads "inf", "nan" and hexadecimal floats, which Extended JSON does not allow.
            guard !text.isEmpty, text.utf8.allSatisfy(isDecimalNumberByte) else { return nil }
            return Double(text)
        }
    }

    private static func isDecimalText(_ text: String) -> Bool {
        switch text {
        case "Infinity", "-Infinity", "+Infinity", "Inf", "-Inf", "+Inf", "NaN", "-NaN":
            return true
        default:
            return !text.isEmpty && text.utf8.allSatisfy(isDecimalNumberByte) && Double(text) != nil
        }
    }

    private static func binarySubtype(_ text: String) -> UInt8? {
        guard (1...2).contains(text.utf8.count), text.utf8.allSatisfy(isHexDigit) else { return nil }
        return UInt8(text, radix: 16)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default:
            false
        }
    }

    private static func isDecimalNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default:
            false
        }
    }
}
