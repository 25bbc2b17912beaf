extension TextEscaping {
    /// Text for HTML element content or a quoted attribute value: `& < > " '` as entities.
    public static func html(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where isHTMLSpecial(byte) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        appendHTML(text, to: &output)
        return output
    }

    /// Appends `text` escaped as ``html(_:)`` does, copying the runs between special bytes whole (the
    /// template engine's hot path).
    public static func appendHTML(_ text: String, to output: inout String) {
        let bytes = text.utf8
        var run = bytes.startIndex
        var index = run
        while index < bytes.endIndex {
            let entity: String? =
                switch bytes[index] {
                case UInt8(ascii: "&"): "&amp;"
                case UInt8(ascii: "<"): "&lt;"
                case UInt8(ascii: ">"): "&gt;"
                case UInt8(ascii: "\""): "&quot;"
                case UInt8(ascii: "'"): "&#39;"
                default: nil
                }
            let next = bytes.index(after: index)
            if let entity {
                output.append(contentsOf: text[run..<index])
                output.append(entity)
                run = next
            }
            index = next
        }
        output.append(contentsOf: text[run..<bytes.endIndex])
    }

    private static func isHTMLSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
