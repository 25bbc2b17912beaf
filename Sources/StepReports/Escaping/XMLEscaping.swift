import StepProject

/// Escaping for XML 1.0 text and attribute values.
///
/// XML 1.0 cannot hold most C0 control characters at all, not even as character references, so they
/// are written as U+FFFD; line ends and tabs inside attributes become references so that attribute
/// normalisation does not turn them into spaces.
enum XMLEscaping {
    static func text(_ value: String) -> String {
        escape(value, inAttribute: false)
    }

    static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true)
    }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
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
