import Foundation

/// Tells whether a file is one stepdoc writes (a report, a page), so a run replaces it without
/// `--force`, by marks each format always carries:
///
/// - JSON report: starts `{` then `"version": ` and has `"files": ` (``JSONReporter``'s first keys);
/// - SARIF: `"name": "stepdoc"`, the tool's name, near the start;
/// - JUnit: `<testsuites name="stepdoc"`;
/// - HTML pages and the preflight page: `<meta name="generator" content="stepdoc` (the shipped templates;
///   a template set of one's own without it needs `--force` to replace its pages);
/// - text and GitHub reports: the count line (`no problems in 3 files`, `2 errors, 1 warning in 3 files`)
///   last, or before GitHub's closing `::notice::` line.
///
/// The StepReports tests render every format and check it is recognised, so a format that changes
/// its first lines cannot silently lose the mark.
public enum StepDocOutput {
    /// How much of the start and of the end of a file is looked at.
    static let window = 8192

    /// Whether the file at `location` (absolute) carries one of the marks.
    public static func recognises(file location: String) -> Bool {
        let descriptor = open(location, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        let size = Int(info.st_size)
        let head = read(descriptor, at: 0, count: min(size, window))
        let tail = size <= window ? head : read(descriptor, at: size - window, count: window)
        return recognises(head: head, tail: tail)
    }

    /// Whether a file starting with `head` and ending with `tail` carries one of the marks.
    public static func recognises(head: [UInt8], tail: [UInt8]) -> Bool {
        let start = String(decoding: head, as: UTF8.self)
        if start.hasPrefix("{"), start.contains("\"version\": "), start.contains("\"files\": ") { return true }
        for mark in ["\"name\": \"stepdoc\"", "<testsuites name=\"stepdoc\"", "<meta name=\"generator\" content=\"stepdoc"]
        where start.contains(mark) {
            return true
        }
        var lines = String(decoding: tail, as: UTF8.self).split(separator: "\n").suffix(2)
        if lines.last?.hasPrefix("::notice::") == true { lines.removeLast() }
        return lines.last.map { isCountLine($0) } ?? false
    }

    /// `no problems in 1 file`, `3 errors in 2 files`, `1 error, 2 warnings in 5 files`, `1 warning in 1 file`.
    static func isCountLine(_ line: Substring) -> Bool {
        guard let range = line.range(of: " in ", options: .backwards) else { return false }
        let files = line[range.upperBound...].split(separator: " ")
        guard files.count == 2, Int(files[0]) != nil, files[1] == "file" || files[1] == "files" else { return false }
        let counts = line[..<range.lowerBound]
        if counts == "no problems" { return true }
        let parts = counts.components(separatedBy: ", ")
        return !parts.isEmpty && parts.count <= 2
            && parts.allSatisfy { part in
                let words = part.split(separator: " ")
                return words.count == 2 && Int(words[0]) != nil
                    && ["error", "errors", "warning", "warnings"].contains(String(words[1]))
            }
    }

    private static func read(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
        return read > 0 ? Array(bytes[0..<read]) : []
    }
}
