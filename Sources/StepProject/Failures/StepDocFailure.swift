import StepSyntax

/// A failure that stops a command: an unreadable input, a broken configuration, an unwritable output.
///
/// Content problems are diagnostics and the run goes on; these end it with exit code 2, and each says
/// where it happened.
public enum StepDocFailure: Error, CustomStringConvertible, Equatable {
    case missingPath(String)
    case noSourceFiles(String)
    case unreadable(path: String, reason: String)
    case notAFile(String)
    case tooLarge(path: String, size: Int, limit: Int)
    case binaryFile(path: String)
    case configuration(path: String, line: Int, column: Int, message: String)
    case templates(String)
    case templateSyntax(path: String, line: Int, column: Int, message: String)
    /// A text input (a template) that is not UTF-8, at the first bad byte (`offset`, and its line and
    /// column): `rst.invalid-utf8`, as in a step file.
    case invalidUTF8(path: String, line: Int, column: Int, offset: Int)
    case outputNotWritable(path: String, reason: String)
    /// Two inputs (`path` and `other`) would write one output file.
    case outputCollision(path: String, other: String, output: String)
    case usage(String)
    case facts(path: String, line: Int, column: Int, message: String)
    /// A check manifest off the contract, at its line and column.
    case checkManifest(path: String, line: Int, column: Int, message: String)
    /// A check runner that cannot start, crashed, hung, or answered off the contract.
    case checkRunner(command: String, message: String)
    /// The file opened lies outside the folders a confined reader may read (a link swapped in).
    case outsideServedFolders(String)

    public var description: String {
        switch self {
        case .missingPath(let path): "\(path): no such file or directory"
        case .noSourceFiles(let path): "\(path): no .rst files found"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .notAFile(let path): "\(path): not a regular file"
        case .tooLarge(let path, let size, let limit):
            "\(path): file is \(size) bytes, over the limit of \(limit) (raise 'limits.max-file-size' in stepdoc.yml)"
        case .binaryFile(let path): "\(path): not a text file (it holds NUL bytes or is mostly invalid UTF-8)"
        case .configuration(let path, let line, let column, let message): "\(path):\(line):\(column): error: \(message)"
        case .templates(let message): message
        case .invalidUTF8(let path, let line, let column, let offset):
            "\(path):\(line):\(column): error: invalid UTF-8 at byte offset \(offset)"
        case .templateSyntax(let path, let line, let column, let message):
            "\(path):\(line):\(column): error: template syntax: \(message)"
        case .outputNotWritable(let path, let reason): "\(path): cannot write output: \(reason)"
        case .outputCollision(let path, let other, let output):
            "\(path): would write \(output), as \(other) would; rename one of them (nothing was written)"
        case .usage(let message): message
        case .facts(let path, let line, let column, let message): "\(path):\(line):\(column): error: \(message)"
        case .checkManifest(let path, let line, let column, let message):
            "\(path):\(line):\(column): error: \(message)"
        case .checkRunner(let command, let message): "check runner '\(command)': \(message)"
        case .outsideServedFolders(let path):
            "\(path): not read: it resolves outside the content and template folders (a symbolic link?)"
        }
    }
}
