/// Text with position markers (1️⃣, 2️⃣, …) written inline, as swift-format's tests do, so
/// expected line and column numbers are never counted by hand.
struct MarkedText {
    /// The text with the markers removed.
    let text: String
    /// Each marker's 1-based line and UTF-8 byte column in `text`.
    let markers: [String: (line: Int, column: Int)]

    static let markerCharacters: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    init(_ marked: String) {
        var text = ""
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        for character in marked {
            if Self.markerCharacters.contains(character) {
                markers[String(character)] = (line, column)
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
        }
        self.text = text
        self.markers = markers
    }

    var bytes: [UInt8] {
        Array(text.utf8)
    }

    /// The position of the first marker.
    var position: (line: Int, column: Int)? {
        markers["1️⃣"]
    }
}
