extension JSONValue {
    /// Reads one JSON document (UTF-8, relaxed or canonical Extended JSON v2).
    ///
    /// Throws a ``JSONSyntaxError`` with the line and column where reading stopped; never traps,
    /// whatever the bytes.
    public init(parsing json: [UInt8]) throws(JSONSyntaxError) {
        var reader = JSONReader(bytes: json)
        self = try reader.readDocument().value
    }
}
