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

    init(_ syntaxError: JSONSyntaxError) {
        self.init(line: syntaxError.line, column: syntaxError.column, message: syntaxError.message)
    }

    /// The error with the likely cause named, when `bytes` show one: UTF-16 text, as PowerShell's `>`
    /// writes it, or the mongo shell's banner (mongosh run without `--quiet`) before the JSON.
    func explained(by bytes: [UInt8]) -> FactsError {
        var error = self
        if message.contains("UTF-16") {
            error.message +=
                "; PowerShell's `>` writes UTF-16: save the facts as UTF-8 with "
                + "`mongosh … | Out-File -Encoding utf8 facts.json`, or run mongosh from cmd.exe or a Unix shell"
        } else if let banner = Self.shellBanner(in: bytes) {
            error = FactsError(
                line: 1, column: 1,
                message: "the facts begin with the mongo shell's banner (\"\(banner)\"), not with JSON: "
                    + "run mongosh with --quiet, or delete the lines before the opening '{'")
        }
        return error
    }

    /// How the mongosh or legacy mongo shell banner at the start of `bytes` begins.
    private static func shellBanner(in bytes: [UInt8]) -> String? {
        let start = bytes.firstIndex { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } ?? bytes.endIndex
        let end = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.endIndex
        let line = String(decoding: bytes[start..<min(end, start + 120)], as: UTF8.self)
        let banners = ["Current Mongosh Log ID:", "Connecting to:", "Using MongoDB:", "Using Mongosh:", "MongoDB shell version"]
        return banners.first { line.hasPrefix($0) }.map { $0 + " …" }
    }
}

extension FactsError: CustomStringConvertible {
    /// `line:column: message`, ready to follow a file path.
    public var description: String {
        "\(line):\(column): \(message)"
    }
}
