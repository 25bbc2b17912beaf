import StepDocChecks
import Testing

@Suite struct ServerVersionTests {
    @Test(
        arguments: [
            ("4.0.3", 4, 0, 3, nil),
            ("3.6.8-rc0", 3, 6, 8, "rc0"),
            ("2.4.14", 2, 4, 14, nil),
            ("2.6", 2, 6, 0, nil),
            ("7", 7, 0, 0, nil),
            ("4.4.13-13", 4, 4, 13, "13"),
            ("5.0.0-alpha0-123-gabcdef1", 5, 0, 0, "alpha0-123-gabcdef1"),
        ] as [(String, Int, Int, Int, String?)])
    func parsesComponentsAndSuffix(text: String, major: Int, minor: Int, patch: Int, suffix: String?) throws {
        let version = try #require(Version(text))
        #expect(version.major == major && version.minor == minor && version.patch == patch && version.suffix == suffix)
        #expect(version.description == text)
    }

    @Test(arguments: ["", "4.", ".4", "4..0", "4.0.3.1", "v4.0", "4.0-", "4.0.x", "4.0 ", "4.0-rc 1", "99999999999.0"])
    func rejectsTextThatIsNotAVersion(text: String) {
        #expect(Version(text) == nil)
    }

    @Test(arguments: [
        ("2.4.14", "2.6"),
        ("2.6", "2.6.1"),
        ("2.10", "3.0"),
        ("3.6.8-rc0", "3.6.8"),
        ("3.6.8-rc2", "3.6.8-rc10"),
        ("4.0.0-alpha", "4.0.0-beta"),
        ("4.0.0-beta2", "4.0.0-rc0"),
        ("4.0.3", "4.0.10"),
        ("4.4.13", "4.4.13-13"),
        ("3.6.8-rc0", "3.6.8-rc0-12-gabcdef"),
        ("3.6.7", "3.6.8-rc0"),
    ])
    func ordersVersionsNumericallyWithPreReleasesFirst(lower: String, higher: String) throws {
        let low = try #require(Version(lower))
        let high = try #require(Version(higher))
        #expect(low < high, "\(lower) should sort before \(higher)")
        #expect(!(high < low))
        #expect(low != high)
    }

    @Test func treatsMissingComponentsAsZero() throws {
        // String values, not literals: a literal argument would pick init(stringLiteral:) (SE-0213).
        let (shortText, longText) = ("2.6", "2.6.0")
        let short = try #require(Version(shortText))
        let long = try #require(Version(longText))
        #expect(short == long)
        #expect(short.hashValue == long.hashValue)
        #expect(!(short < long) && !(long < short))
        #expect(short.description == "2.6")
    }

    @Test func marksOnlyLetterSuffixesAsPreReleases() {
        let versions: [Version] = ["3.6.8-rc0", "4.4.13-13", "4.0.3"]
        #expect(versions.map(\.isPreRelease) == [true, false, false])
    }

    @Test func buildsFromPartsAndLiterals() {
        let literal: Version = "2.6"
        #expect(Version(major: 2, minor: 6) == literal)
        #expect(Version(major: 2, minor: 6).description == "2.6")
        #expect(Version(major: 3, minor: 6, patch: 8, suffix: "rc0").description == "3.6.8-rc0")
    }
}
