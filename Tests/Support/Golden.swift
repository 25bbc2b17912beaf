import Foundation
import Testing

/// Compares `actual` with the golden file at `path`; with `RECORD_GOLDENS=1` in the environment the
/// file is rewritten and the check still fails, so a recording run can never pass by accident.
public func expectGolden(
    _ actual: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let url = URL(fileURLWithPath: path)
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded golden \(path); run again without RECORD_GOLDENS=1", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record(
            "missing golden \(path); run the tests with RECORD_GOLDENS=1 to write it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record(
            "golden \(path) differs (RECORD_GOLDENS=1 rewrites it):\n\(lineDiff(expected, actual))",
            sourceLocation: sourceLocation)
    }
}

/// The first few differing lines of two texts, for failure messages.
public func lineDiff(_ expected: String, _ actual: String, limit: Int = 12) -> String {
    let lhs = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let rhs = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var output: [String] = []
    for index in 0..<max(lhs.count, rhs.count) where output.count < limit {
        let left = index < lhs.count ? String(lhs[index]) : "<end>"
        let right = index < rhs.count ? String(rhs[index]) : "<end>"
        if left != right {
            output.append("line \(index + 1):\n  - \(left)\n  + \(right)")
        }
    }
    return output.joined(separator: "\n")
}
