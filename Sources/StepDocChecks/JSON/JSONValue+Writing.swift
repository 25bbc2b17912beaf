import StepEscaping

extension JSONValue {
    /// The value as JSON text, indented by two spaces per level, members in their order, with a final
    /// newline: what manifests and runner outcomes are written as (and what tests compare byte for byte).
    ///
    /// Values JSON has no literal for are written in relaxed Extended JSON (`{"$date": …}`, `{"$oid": …}`);
    /// a non-finite double is `null`, as `JSON.stringify` writes it.
    public func rendered() -> String {
        var output = ""
        write(to: &output, indent: 0)
        output += "\n"
        return output
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let number): output += Self.text(of: number)
        case .string(let text): TextEscaping.appendJSON(text, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                element.write(to: &output, indent: indent + 2)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .object(let object):
            guard !object.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, member) in object.members.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                TextEscaping.appendJSON(member.key, to: &output)
                output += ": "
                member.value.write(to: &output, indent: indent + 2)
                output += index == object.members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        case .date(let milliseconds):
            JSONValue.object(["$date": ["$numberLong": .string(String(milliseconds))]]).write(to: &output, indent: indent)
        case .objectID(let hex):
            JSONValue.object(["$oid": .string(hex)]).write(to: &output, indent: indent)
        case .timestamp(let seconds, let increment):
            JSONValue.object([
                "$timestamp": ["t": .number(.integer(Int64(seconds))), "i": .number(.integer(Int64(increment)))]
            ]).write(to: &output, indent: indent)
        case .binary(let base64, let subtype):
            let hex = String(subtype, radix: 16)
            JSONValue.object([
                "$binary": ["base64": .string(base64), "subType": .string(hex.count == 1 ? "0" + hex : hex)]
            ]).write(to: &output, indent: indent)
        case .regularExpression(let pattern, let options):
            JSONValue.object(["$regularExpression": ["pattern": .string(pattern), "options": .string(options)]])
                .write(to: &output, indent: indent)
        case .minKey:
            JSONValue.object(["$minKey": 1]).write(to: &output, indent: indent)
        case .maxKey:
            JSONValue.object(["$maxKey": 1]).write(to: &output, indent: indent)
        }
    }

    private static func text(of number: JSONNumber) -> String {
        switch number {
        case .integer(let integer): return String(integer)
        case .double(let double):
            guard double.isFinite else { return "null" }
            if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
            return String(double)
        case .decimal(let text):
            var quoted = ""
            TextEscaping.appendJSON(text, to: &quoted)
            return "{\"$numberDecimal\": \(quoted)}"
        }
    }
}

extension JSONValue {
    /// `.string(text)`, or `.null` without text.
    public static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
