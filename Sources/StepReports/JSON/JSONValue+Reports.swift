import StepDocChecks

/// The reports are written with StepDocChecks' `JSONValue`, the one JSON document type stepdoc has
/// for files (manifests, runner outcomes, facts, reports): members in the order given, so reports are
/// the same byte for byte and diff well. These are the shorthands the report writers use.
extension JSONValue {
    /// An integer.
    static func int(_ value: Int) -> JSONValue {
        .number(.integer(Int64(value)))
    }

    /// An object of these members, in this order.
    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }

    /// `.string(text)`, or `.null` when there is no text.
    static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    /// `.int(value)`, or `.null` when there is no value.
    static func optional(_ value: Int?) -> JSONValue {
        value.map(JSONValue.int) ?? .null
    }
}
