/// Names and URLs made safe for the HTML stepdoc writes itself; text is escaped by `TextEscaping.html`.
package enum HTMLEscaping {
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
        // Only the scheme matters: read up to the first ':' (ignoring whitespace and controls, which
        // browsers skip too), lowercased, without allocating.
        var scheme: [UInt8] = []
        for byte in url.utf8 {
            if byte == UInt8(ascii: ":") { break }
            if byte <= 0x20 { continue }
            if scheme.count >= 12 || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "?")
            {
                return url
            }
            scheme.append(byte | 0x20)
        }
        switch String(decoding: scheme, as: UTF8.self) {
        case "javascript", "vbscript", "file":
            return nil
        case "data":
            let lowered = url.prefix(24).lowercased()
            let images = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return images.contains { lowered.hasPrefix($0) } ? url : nil
        default:
            return url
        }
    }

    /// A relative path as a URL path: each byte outside the unreserved set and `/` percent-encoded.
    package static func pathURL(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.append(byte)
            default:
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
