extension TextEscaping {
    /// XML 1.0 character data.
    ///
    /// XML 1.0 cannot hold most C0 control characters at all, not even as character references, so
    /// they are written as U+FFFD.
    public static func xmlText(_ value: String) -> String {
        xml(value, inAttribute: false)
    }

    /// An XML 1.0 attribute value in double quotes; line ends and tabs become references so attribute
    /// normalisation does not turn them into spaces.
    public static func xmlAttribute(_ value: String) -> String {
        xml(value, inAttribute: true)
    }

    private static func xml(_ value: String, inAttribute: Bool) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where inAttribute: output += "&quot;"
            case "\n" where inAttribute: output += "&#10;"
            case "\t" where inAttribute: output += "&#9;"
            case "\r": output += "&#13;"
            case "\n", "\t": output.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
