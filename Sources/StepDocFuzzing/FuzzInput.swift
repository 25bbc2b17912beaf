import StepSyntax

/// Helpers shared by the fuzz harnesses and their replay.
public enum FuzzInput {
    /// The first occurrence of `needle` in `haystack`.
    static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }

    /// Traps unless the diagnostic's position (and its notes') could be shown: line and column at
    /// least 1, and for the main file, a line the file has (or the one after its last, at its end).
    static func require(locatedIn file: SourceFile, _ diagnostic: Diagnostic) {
        let locations = [diagnostic.location] + diagnostic.notes.map(\.location) + diagnostic.fixIts.map(\.location)
        for case let location? in locations {
            let start = location.range.lowerBound
            guard start.line >= 1, start.column >= 1 else {
                fatalError("\(diagnostic.id) '\(diagnostic.summary)' is at \(location.range.dumpDescription)")
            }
            if location.file == file.path, start.line > max(1, file.lineCount + 1) {
                fatalError(
                    "\(diagnostic.id) '\(diagnostic.summary)' is at line \(start.line) of a file of \(file.lineCount)")
            }
        }
    }
}
