/// Source text with position markers (1️⃣, 2️⃣ …) in the style of swift-format's tests: the markers are
/// removed and their 1-based line and UTF-8 column recorded, so tests state positions by pointing.
public struct MarkedSource: Sendable {
    public let text: String
    public let markers: [String: (line: Int, column: Int)]

    public static let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    public init(_ marked: String) {
        var text = ""
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var remaining = Substring(marked)
        outer: while let character = remaining.first {
            for name in Self.markerNames where remaining.hasPrefix(name) {
                // A marker repeated (in both copies of a step) points at its first place.
                if markers[name] == nil { markers[name] = (line, column) }
                remaining = remaining.dropFirst(name.count)
                continue outer
            }
            text.append(character)
            // "\r\n" is one Character in Swift: a line break as much as "\n" and "\r" are.
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
            remaining = remaining.dropFirst()
        }
        self.text = text
        self.markers = markers
    }

    /// The text's UTF-8 bytes, what the byte readers under test take.
    public var bytes: [UInt8] {
        Array(text.utf8)
    }

    /// The position of the first marker, 1️⃣.
    public var position: (line: Int, column: Int)? {
        markers["1️⃣"]
    }

    /// The position of a marker; a missing marker is a test-writing mistake, reported as (0, 0).
    public subscript(_ name: String) -> (line: Int, column: Int) {
        markers[name] ?? (0, 0)
    }
}
