import StepSyntax

extension StepDocFailure {
    /// The failure as an error finding, so that the machine-readable reports of a run that stopped say
    /// why instead of looking clean.
    public var diagnostic: Diagnostic {
        switch self {
        case .missingPath(let path), .noSourceFiles(let path), .notAFile(let path), .binaryFile(let path),
            .outsideServedFolders(let path):
            return finding(.ioUnreadable, at: path)
        case .unreadable(let path, _), .tooLarge(let path, _, _):
            return finding(.ioUnreadable, at: path)
        case .outputNotWritable(let path, _):
            return finding(.ioUnwritable, at: path)
        case .outputCollision(let path, _, _):
            return finding(.ioOutputCollision, at: path)
        case .configuration(let path, let line, let column, let message):
            return finding(.configInvalid, message, at: path, line: line, column: column)
        case .facts(let path, let line, let column, let message):
            return finding(.ioUnreadable, message, at: path, line: line, column: column)
        case .checkManifest(let path, let line, let column, let message):
            return finding(.checksManifest, message, at: path, line: line, column: column)
        case .checkRunner:
            return Diagnostic(severity: .error, id: .checksRunner, summary: description, location: nil)
        case .templates(let message):
            return Diagnostic(severity: .error, id: .templatesInvalid, summary: message, location: nil)
        case .invalidUTF8(let path, let line, let column, let offset):
            return finding(.rstInvalidUTF8, "invalid UTF-8 at byte offset \(offset)", at: path, line: line, column: column)
        case .templateSyntax(let path, let line, let column, let message):
            return finding(.templatesInvalid, "template syntax: " + message, at: path, line: line, column: column)
        case .usage(let message):
            return Diagnostic(severity: .error, id: .configInvalid, summary: message, location: nil)
        }
    }

    /// A finding at the start of `path`, its summary the description without the leading path.
    private func finding(_ id: RuleID, at path: String) -> Diagnostic {
        let prefix = path + ": "
        let summary = description.hasPrefix(prefix) ? String(description.dropFirst(prefix.count)) : description
        return finding(id, summary, at: path, line: 1, column: 1)
    }

    private func finding(_ id: RuleID, _ summary: String, at path: String, line: Int, column: Int) -> Diagnostic {
        let start = SourceLocation(line: line, column: column)
        return Diagnostic(
            severity: .error, id: id, summary: summary, location: DiagnosticLocation(file: path, range: start..<start))
    }
}
