/// URLs that can run script when a reader follows or a page loads them.
public enum ScriptURL {
    /// The scheme of `url` (lowercased) when it is one that runs script or reads local files —
    /// `javascript`, `vbscript`, `file`, and `data` other than raster images — else `nil`.
    ///
    /// The scheme is read as browsers read it: ASCII whitespace and control characters are skipped,
    /// letters compared without case. A `/`, `?` or `#` before any `:` makes the URL relative.
    public static func scheme(of url: String) -> String? {
        var scheme: [UInt8] = []
        var sawColon = false
        for byte in url.utf8 {
            if byte == UInt8(ascii: ":") {
                sawColon = true
                break
            }
            if byte <= 0x20 { continue }
            if scheme.count >= 12 || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "?")
            {
                return nil
            }
            scheme.append(byte | 0x20)
        }
        guard sawColon else { return nil }
        let name = String(decoding: scheme, as: UTF8.self)
        switch name {
        case "javascript", "vbscript", "file":
            return name
        case "data":
            let lowered = url.utf8.filter { $0 > 0x20 }.prefix(24).map { $0 | 0x20 }
            let images = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return images.contains { lowered.starts(with: $0.utf8) } ? nil : name
        default:
            return nil
        }
    }

    /// Whether `url` names a scheme (`https:`, `mailto:`, `javascript:`) rather than a path.
    public static func hasScheme(_ url: String) -> Bool {
        let bytes = url.utf8
        guard let first = bytes.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A else { return false }
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            let isSchemeByte =
                ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !isSchemeByte { return false }
        }
        return false
    }
}
