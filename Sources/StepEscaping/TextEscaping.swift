/// Text made safe for each format stepdoc writes: one function per format, tested once.
///
/// Nothing here knows stepdoc's model; every module that writes HTML, XML, JSON, JavaScript, YAML, Swift,
/// GitHub workflow commands, Markdown tables or terminal text escapes it with these.
public enum TextEscaping {
    /// `\uXXXX`, four hex digits, as JSON and JavaScript write a UTF-16 code unit.
    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
