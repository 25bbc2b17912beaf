/// A facts document that cannot be read at all, with the place where reading stopped.
///
/// Only a document that is not JSON, or whose top level is not an object, is an error; a missing
/// or malformed fact inside a readable document is reported by the checks that need it.
public struct FactsError: Error, Sendable, Equatable {
    /// 1-based line.
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

    /// The error of a document that is not JSON; UTF-16 text (what PowerShell's `>` writes) gets a
    /// message saying how to save it as UTF-8.
    public init(_ syntaxError: JSONSyntaxError) {
        self.init(line: syntaxError.line, column: syntaxError.column, message: syntaxError.message)
        if syntaxError.message.contains("UTF-16") {
            message +=
                "; PowerShell's `>` writes UTF-16: save the facts as UTF-8 with "
                + "`… | Out-File -Encoding utf8 facts.json`, or run the command from cmd.exe or a Unix shell"
        }
    }
}

extension FactsError: CustomStringConvertible {
    /// `line:column: message`, ready to follow a file path.
    public var description: String {
        "\(line):\(column): \(message)"
    }
}
