extension TextEscaping {
    /// A JSON string literal, quotes included (RFC 8259): quotes, backslashes and every control character
    /// escaped; DEL and U+2028/U+2029 too, which are legal JSON but break line-based tools and JavaScript.
    public static func json(_ text: String) -> String {
        var output = ""
        appendJSON(text, to: &output)
        return output
    }

    /// Appends ``json(_:)`` of `text` to `output`.
    public static func appendJSON(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}": output += unicodeEscape(scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
