import StepSyntax

/// How an ordered list counts its items. CommonMark has numbers only; HTML and plain text show the
/// letters and roman numerals reStructuredText lists use.
package enum ListNumbering: Int, Sendable, Equatable {
    // Raw values start at 1 so that a node without user data (0) reads as arabic.
    case arabic = 1, lowerAlpha, upperAlpha, lowerRoman, upperRoman

    package init(_ sequence: EnumerationSequence) {
        switch sequence {
        case .arabic, .automatic: self = .arabic
        case .lowerAlpha: self = .lowerAlpha
        case .upperAlpha: self = .upperAlpha
        case .lowerRoman: self = .lowerRoman
        case .upperRoman: self = .upperRoman
        }
    }

    /// The `type` attribute of an HTML `<ol>`.
    package var htmlType: String {
        switch self {
        case .arabic: "1"
        case .lowerAlpha: "a"
        case .upperAlpha: "A"
        case .lowerRoman: "i"
        case .upperRoman: "I"
        }
    }

    /// The enumerator of item `ordinal` (1-based): `3`, `c`, `C`, `iii`, `III`. Letters past `z` go
    /// on as `aa`, `ab` …, as CSS counts.
    package func marker(_ ordinal: Int) -> String {
        switch self {
        case .arabic: return String(ordinal)
        case .lowerAlpha, .upperAlpha:
            guard ordinal >= 1 else { return String(ordinal) }
            var value = ordinal
            var letters: [UInt8] = []
            let base = self == .lowerAlpha ? UInt8(ascii: "a") : UInt8(ascii: "A")
            while value > 0 {
                value -= 1
                letters.insert(base + UInt8(value % 26), at: 0)
                value /= 26
            }
            return String(decoding: letters, as: UTF8.self)
        case .lowerRoman, .upperRoman:
            guard ordinal >= 1, ordinal < 4000 else { return String(ordinal) }
            let numeral = Self.roman(ordinal)
            return self == .lowerRoman ? numeral : numeral.uppercased()
        }
    }

    private static func roman(_ value: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var rest = value
        var text = ""
        for (amount, digits) in table {
            while rest >= amount {
                text += digits
                rest -= amount
            }
        }
        return text
    }
}
