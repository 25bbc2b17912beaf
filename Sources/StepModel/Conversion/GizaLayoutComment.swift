/// The `.. stepdoc: giza …` comment a conversion to `.. procedure::` writes above the directive, so a
/// conversion back reproduces the giza file: its template era, its step heading character and, when
/// they were not 1, 2, 3 …, its step numbers.
///
/// ```
/// .. stepdoc: giza era=2017 heading=` numbers=1,2,3,6,7,8
/// ```
///
/// A reST comment, so Sphinx and snooty ignore it (an unknown option on `.. procedure::` would be an
/// error for snooty).
public struct GizaLayoutComment: Sendable, Equatable {
    public var era: TemplateEra
    public var headingCharacter: Unicode.Scalar
    /// The documented step numbers, when they are not 1…n.
    public var numbers: [Int]?

    public init(era: TemplateEra, headingCharacter: Unicode.Scalar, numbers: [Int]? = nil) {
        self.era = era
        self.headingCharacter = headingCharacter
        self.numbers = numbers
    }

    /// Reads a comment's text (without the leading `.. `); `nil` when it is not such a comment.
    public init?(commentText: String) {
        let words = commentText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard words.count >= 2, words[0] == "stepdoc:", words[1] == "giza" else { return nil }
        var era = TemplateEra.notHTMLDoubledUnderline
        var character: Unicode.Scalar = "~"
        var numbers: [Int]? = nil
        for word in words.dropFirst(2) {
            let parts = word.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let value = String(parts[1])
            switch parts[0] {
            case "era": era = TemplateEra(rawValue: value) ?? era
            case "heading":
                if value.unicodeScalars.count == 1, let scalar = value.unicodeScalars.first { character = scalar }
            case "numbers":
                let parsed = value.split(separator: ",").compactMap { Int($0) }
                if !parsed.isEmpty { numbers = parsed }
            default: break
            }
        }
        self.init(era: era, headingCharacter: character, numbers: numbers)
    }

    /// The comment's text, as the line `.. ` + this.
    public var commentText: String {
        var text = "stepdoc: giza era=\(era.rawValue) heading=\(headingCharacter)"
        if let numbers { text += " numbers=" + numbers.map(String.init).joined(separator: ",") }
        return text
    }
}
