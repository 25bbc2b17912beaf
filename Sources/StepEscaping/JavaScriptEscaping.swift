extension TextEscaping {
    /// A double-quoted JavaScript string literal that is also safe inside an HTML `<script>`: `<`, `>`
    /// and `&` are escapes, so no `</script>` or `<!--` can appear; control characters, DEL and the line
    /// separators too. The mongosh collector script and the preview's overlay both use it.
    public static func javaScript(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{7F}": literal += unicodeEscape(scalar.value)
            case _ where scalar.value < 0x20: literal += unicodeEscape(scalar.value)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}
