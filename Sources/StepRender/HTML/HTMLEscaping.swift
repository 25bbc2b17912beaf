/// Escaping for the HTML stepdoc writes itself (cmark escapes what it renders).
package enum HTMLEscaping {
    /// Text for element content or a double-quoted attribute value.
    package static func attribute(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// A CSS class name made safe: letters, digits, `-` and `_`; anything else becomes `-`.
    package static func className(_ name: String) -> String {
        var output = ""
        for scalar in name.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" {
                output.unicodeScalars.append(scalar)
            } else {
                output += "-"
            }
        }
        return output
    }

    /// The URL, or `nil` when its scheme could run script (`javascript:`, `vbscript:`, `data:` other than
    /// images): such links render as their text.
    package static func safeURL(_ url: String) -> String? {
        let lowered = String(url.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value >= 0x20 }).lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("file:") {
            return nil
        }
        if lowered.hasPrefix("data:"), !lowered.hasPrefix("data:image/png"), !lowered.hasPrefix("data:image/gif"),
            !lowered.hasPrefix("data:image/jpeg"), !lowered.hasPrefix("data:image/webp")
        {
            return nil
        }
        return url
    }
}
