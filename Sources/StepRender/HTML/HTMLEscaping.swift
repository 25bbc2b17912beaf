import StepModel

/// Names and URLs made safe for the HTML stepdoc writes itself; text is escaped by `TextEscaping.html`.
package enum HTMLEscaping {
    /// A CSS class name made safe: letters, digits, `-` and `_`; anything else becomes `-`.
    package static func className(_ name: String) -> String {
        // ASCII names (nearly all) byte by byte: an ASCII scalar is alphabetic exactly when it is a letter.
        var name = name
        let ascii: String? = name.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case 0x80...: return nil
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    output.append(byte)
                default:
                    output.append(UInt8(ascii: "-"))
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        if let ascii { return ascii }
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

    /// The URL, or `nil` when its scheme could run script (``ScriptURL``) and `policy` leaves such URLs
    /// out: such links render as their text (the lowering reported them as `rst.unsafe-url`).
    package static func safeURL(_ url: String, policy: RawHTMLPolicy = .omit) -> String? {
        policy == .pass || ScriptURL.scheme(of: url) == nil ? url : nil
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
