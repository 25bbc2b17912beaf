/// A JSON document that cannot be read, with the place where reading stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    /// 1-based line; `\n`, `\r\n` and a lone `\r` each end a line.
    public var line: Int
    /// 1-based column, counted in UTF-8 bytes.
    public var column: Int
    /// One line, lowercase start, no final period: "unexpected end of input, expected '}'".
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

extension JSONSyntaxError: CustomStringConvertible {
    public var description: String {
        "\(line):\(column): \(message)"
    }
}
