extension TextEscaping {
    /// The data of a GitHub Actions workflow command (`::error ...::DATA`), as the runner reads it back.
    public static func gitHubCommandData(_ text: String) -> String {
        var output = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// A property value of a workflow command (`file=…,line=…`): as the data, and the separators `:` and
    /// `,` as well.
    public static func gitHubCommandProperty(_ text: String) -> String {
        var output = ""
        for character in gitHubCommandData(text).unicodeScalars {
            switch character {
            case ":": output += "%3A"
            case ",": output += "%2C"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// Text for a cell of a GitHub-flavoured Markdown table: no line breaks, `|` and `\` escaped, no
    /// HTML tags.
    public static func markdownTableCell(_ text: String) -> String {
        var output = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": output += "\\\\"
            case "|": output += "\\|"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\n", "\r", "\t": output += " "
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }
}
