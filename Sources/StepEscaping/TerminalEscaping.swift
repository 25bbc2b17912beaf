extension TextEscaping {
    /// Text from an input (a file name, a fact, a message quoting the source) made safe to print on a
    /// terminal: control characters other than tab and line feed, DEL and the C1 controls are written as
    /// `\u{1B}`, so no input can move the cursor, clear the screen or retitle the window.
    public static func terminal(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isTerminalControl(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isTerminalControl(scalar) {
                output += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value)
    }
}
