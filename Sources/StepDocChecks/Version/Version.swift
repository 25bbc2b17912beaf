/// A version such as `4.0.3`, `3.6.8-rc0` or `2.6` (MongoDB's server versions, and most others).
///
/// Versions compare numerically on major, minor and patch (a missing component is 0, so `2.6`
/// equals `2.6.0`). A suffix that starts with a letter (`-rc0`, `-alpha1`, `-pre-`) marks a
/// pre-release, which sorts before the release: `3.6.8-rc0 < 3.6.8`. A suffix that starts with a
/// digit (Percona's `4.4.13-13`) is a build of the release and sorts after it. Suffixes compare
/// run by run, numbers numerically: `rc2 < rc10`, `alpha < beta < rc`.
public struct Version: Sendable {
    public let major: Int
    public let minor: Int
    public let patch: Int
    /// The text after the first `-`, if any: `rc0` in `3.6.8-rc0`.
    public let suffix: String?
    /// How many numeric components were written (1…3), so `2.6` prints as `2.6`.
    private let componentCount: Int

    /// A version from its parts; `patch: nil` prints as `major.minor`.
    public init(major: Int, minor: Int = 0, patch: Int? = nil, suffix: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch ?? 0
        self.suffix = suffix
        self.componentCount = patch == nil ? 2 : 3
    }

    /// Whether the suffix marks a pre-release (`rc`, `alpha`, `beta`, `pre`…).
    public var isPreRelease: Bool {
        suffix?.unicodeScalars.first.map { $0.properties.isAlphabetic } ?? false
    }

    fileprivate var numericKey: (Int, Int, Int) {
        (major, minor, patch)
    }
}

extension Version: LosslessStringConvertible {
    /// Parses `MAJOR[.MINOR[.PATCH]][-SUFFIX]`: digits only in the components, and a suffix of
    /// ASCII letters, digits, `.` and `-`.
    public init?(_ description: String) {
        let text = description.utf8
        let dash = text.firstIndex(of: UInt8(ascii: "-"))
        let core = text[text.startIndex..<(dash ?? text.endIndex)]
        let components = core.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...3).contains(components.count) else { return nil }
        var numbers: [Int] = []
        for component in components {
            guard !component.isEmpty, component.count <= 9,
                component.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let number = Int(String(decoding: component, as: UTF8.self))
            else { return nil }
            numbers.append(number)
        }
        var suffix: String?
        if let dash {
            let rest = text[text.index(after: dash)...]
            guard !rest.isEmpty,
                rest.allSatisfy({ byte in
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"):
                        true
                    default:
                        false
                    }
                })
            else { return nil }
            suffix = String(decoding: rest, as: UTF8.self)
        }
        self.major = numbers[0]
        self.minor = numbers.count > 1 ? numbers[1] : 0
        self.patch = numbers.count > 2 ? numbers[2] : 0
        self.suffix = suffix
        self.componentCount = numbers.count
    }

    public var description: String {
        let numbers = [major, minor, patch].prefix(componentCount).map(String.init).joined(separator: ".")
        return suffix.map { "\(numbers)-\($0)" } ?? numbers
    }
}

extension Version: ExpressibleByStringLiteral {
    /// A version written as a literal in code, such as the default minimum `"2.6"`.
    ///
    /// A literal that is not a version is a programming error and stops the program. Note that
    /// `Version("4.0")` with a literal argument uses this initializer (SE-0213); parse text
    /// that comes from outside with `Version(text)` on a `String` value, which returns nil.
    public init(stringLiteral value: String) {
        guard let version = Version(value) else {
            preconditionFailure("\"\(value)\" is not a version")
        }
        self = version
    }
}

extension Version: Hashable {
    public static func == (lhs: Version, rhs: Version) -> Bool {
        lhs.numericKey == rhs.numericKey && lhs.suffix == rhs.suffix
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(suffix)
    }
}

extension Version: Comparable {
    public static func < (lhs: Version, rhs: Version) -> Bool {
        if lhs.numericKey != rhs.numericKey {
            return lhs.numericKey < rhs.numericKey
        }
        return suffixRank(lhs) < suffixRank(rhs)
            || (suffixRank(lhs) == suffixRank(rhs) && compareSuffixes(lhs.suffix ?? "", rhs.suffix ?? "") < 0)
    }

    /// Pre-release, then the release, then builds of the release.
    private static func suffixRank(_ version: Version) -> Int {
        guard version.suffix != nil else { return 1 }
        return version.isPreRelease ? 0 : 2
    }

    /// Compares runs of digits numerically and other runs by their bytes.
    private static func compareSuffixes(_ lhs: String, _ rhs: String) -> Int {
        let left = runs(lhs)
        let right = runs(rhs)
        for (leftRun, rightRun) in zip(left, right) where leftRun != rightRun {
            switch (leftRun, rightRun) {
            case (.number(let a), .number(let b)):
                return a.count != b.count ? (a.count < b.count ? -1 : 1) : (a.lexicographicallyPrecedes(b) ? -1 : 1)
            case (.number, .text): return -1
            case (.text, .number): return 1
            case (.text(let a), .text(let b)): return a.lexicographicallyPrecedes(b) ? -1 : 1
            }
        }
        if left.count != right.count {
            return left.count < right.count ? -1 : 1
        }
        // Equal by value but spelt differently ("rc01", "rc1"): order by spelling, so that `<`
        // stays a strict order consistent with `==`.
        return lhs == rhs ? 0 : (lhs.utf8.lexicographicallyPrecedes(rhs.utf8) ? -1 : 1)
    }

    private enum Run: Equatable {
        case number([UInt8])  // digits without leading zeros, so longer is larger
        case text([UInt8])
    }

    private static func runs(_ text: String) -> [Run] {
        var runs: [Run] = []
        var current: [UInt8] = []
        var currentIsDigits = false
        func flush() {
            guard !current.isEmpty else { return }
            if currentIsDigits {
                let trimmed = Array(current.drop(while: { $0 == UInt8(ascii: "0") }))
                runs.append(.number(trimmed))
            } else {
                runs.append(.text(current))
            }
            current = []
        }
        for byte in text.utf8 {
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if isDigit != currentIsDigits {
                flush()
                currentIsDigits = isDigit
            }
            current.append(byte)
        }
        flush()
        return runs
    }
}
