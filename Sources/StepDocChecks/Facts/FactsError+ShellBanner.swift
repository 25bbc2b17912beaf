extension FactsError {
    /// The error with the cause named when the facts begin with the mongo shell's banner (mongosh run
    /// without `--quiet`, the usual way a facts file collected with a shell comes out wrong) instead of JSON.
    public func explained(by bytes: [UInt8]) -> FactsError {
        guard let banner = Self.shellBanner(in: bytes) else { return self }
        return FactsError(
            line: 1, column: 1,
            message: "the facts begin with the mongo shell's banner (\"\(banner)\"), not with JSON: "
                + "run mongosh with --quiet, or delete the lines before the opening '{'")
    }

    /// How the mongosh or legacy mongo shell banner at the start of `bytes` begins.
    private static func shellBanner(in bytes: [UInt8]) -> String? {
        let start = bytes.firstIndex { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } ?? bytes.endIndex
        let end = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.endIndex
        let line = String(decoding: bytes[start..<min(end, start + 120)], as: UTF8.self)
        let banners = [
            "Current Mongosh Log ID:", "Connecting to:", "Using MongoDB:", "Using Mongosh:", "MongoDB shell version",
        ]
        return banners.first { line.hasPrefix($0) }.map { $0 + " …" }
    }
}
