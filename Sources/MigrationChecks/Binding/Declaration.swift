/// Where a check is declared in Swift source, for notes that point at the code.
public struct Declaration: Sendable, Hashable {
    /// The path as `#filePath` gives it (absolute when the compiler was given absolute paths).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column. Captured by ``Check``'s `#column` default argument, it is the column of the
    /// opening parenthesis of the `Check(` call.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

extension Declaration: CustomStringConvertible {
    /// `file:line:column`.
    public var description: String {
        "\(file):\(line):\(column)"
    }
}
