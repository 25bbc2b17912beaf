import StepSyntax

/// How a file is laid out beyond its steps: the giza template era it is written in, and the bytes
/// around its lines (line ends, byte-order mark, final line end), so a rewrite keeps them.
public struct GizaLayout: Sendable, Equatable {
    public var era: TemplateEra
    public var lineEnding: LineEnding
    public var hasByteOrderMark: Bool
    /// Whether the last line ends with a line end (giza's files do).
    public var endsWithLineEnding: Bool

    public init(
        era: TemplateEra = .notHTMLDoubledUnderline, lineEnding: LineEnding = .lf, hasByteOrderMark: Bool = false,
        endsWithLineEnding: Bool = true
    ) {
        self.era = era
        self.lineEnding = lineEnding
        self.hasByteOrderMark = hasByteOrderMark
        self.endsWithLineEnding = endsWithLineEnding
    }

    /// The layout of an existing file, in `era`.
    public init(of file: SourceFile, era: TemplateEra) {
        let last = file.bytes.last
        self.init(
            era: era, lineEnding: file.lineEnding, hasByteOrderMark: file.hasByteOrderMark,
            endsWithLineEnding: last == 0x0A || last == 0x0D || file.bytes.count <= (file.hasByteOrderMark ? 3 : 0))
    }

    /// The file's bytes for `lines`: joined with the line end, with the byte-order mark and final
    /// line end the layout asks for.
    public func encode(_ lines: [String]) -> [UInt8] {
        var bytes: [UInt8] = hasByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        var lines = lines
        // Without a final line end, the blank line that ends the last body is where the file stops.
        if !endsWithLineEnding, lines.count > 1, lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { return bytes }
        let separator = Array(lineEnding.rawValue.utf8)
        for (index, line) in lines.enumerated() {
            if index > 0 { bytes.append(contentsOf: separator) }
            bytes.append(contentsOf: line.utf8)
        }
        if endsWithLineEnding { bytes.append(contentsOf: separator) }
        return bytes
    }
}
