import StepEscaping

extension JSON {
    /// The value as compact JSON text (keys sorted), UTF-8.
    public var serialized: [UInt8] {
        var output = ""
        write(to: &output)
        return Array(output.utf8)
    }

    /// Appends the value's JSON text to `output`.
    public func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .double(let value):
            // JSON has no NaN or infinity; nothing the server sends should hold one.
            if value.isFinite {
                output += value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
            } else {
                output += "null"
            }
        case .string(let text): TextEscaping.appendJSON(text, to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                TextEscaping.appendJSON(key, to: &output)
                output += ":"
                members[key]?.write(to: &output)
            }
            output += "}"
        }
    }
}

extension JSON: CustomStringConvertible {
    public var description: String {
        var output = ""
        write(to: &output)
        return output
    }
}
