import StepDocChecks
import Testing

@Suite struct TitlePatternTests {
    @Test func parsesPlaceholdersWithDeclaredAndDefaultTypes() {
        let pattern = TitlePattern("Run {version}+ with {count:number} {who:word} {rest}")
        #expect(
            pattern.segments == [
                .literal("Run "), .placeholder(name: "version", type: .version), .literal("+ with "),
                .placeholder(name: "count", type: .number), .literal(" "), .placeholder(name: "who", type: .word),
                .literal(" "), .placeholder(name: "rest", type: .text),
            ])
        #expect(pattern.placeholders.map(\.name) == ["version", "count", "who", "rest"])
    }

    @Test func keepsEscapedAndMalformedBracesAsLiteralText() {
        #expect(TitlePattern("a {{b}} c").segments == [.literal("a {b} c")])
        #expect(TitlePattern("a {b c").segments == [.literal("a {b c")])
        #expect(TitlePattern("a {b:colour}").segments == [.literal("a {b:colour}")])
        #expect(TitlePattern("a {}").segments == [.literal("a {}")])
    }

    @Test(arguments: [
        ("Your current MongoDB database is running MongoDB 2.6+", "2.6"),
        ("Your current MongoDB database is running MongoDB 3.0.15+", "3.0.15"),
        ("  your current   mongodb DATABASE is running\nMongoDB 4+ ", "4"),
    ])
    func capturesAVersionPlaceholder(title: String, version: String) {
        let pattern = TitlePattern("Your current MongoDB database is running MongoDB {version}+")
        #expect(pattern.match(title) == ["version": version])
    }

    @Test(arguments: [
        "Your current MongoDB database is running MongoDB 2.6",
        "Your current MongoDB database is running MongoDB two+",
        "Your current MongoDB database is running MongoDB 2.6.+",
        "Your current MongoDB database is running MongoDB +",
        "Your current MongoDB database runs MongoDB 2.6+",
    ])
    func rejectsTitlesThatDoNotFit(title: String) {
        #expect(TitlePattern("Your current MongoDB database is running MongoDB {version}+").match(title) == nil)
    }

    @Test func matchesLiteralTitlesWithoutCaptures() {
        let pattern = TitlePattern("Your current deployment is a MongoDB replica set.")
        #expect(pattern.match("Your current deployment is a MongoDB replica set.") == [:])
        #expect(pattern.match("Your current deployment is a MongoDB replica set") == nil)
    }

    @Test func backtracksAcrossTextPlaceholders() {
        let pattern = TitlePattern("{who} needs {what} on {db:word}")
        #expect(
            pattern.match("The user needs clusterMonitor on admin")
                == ["who": "The user", "what": "clusterMonitor", "db": "admin"])
        #expect(pattern.match("needs x on admin") == nil)
    }

    @Test func requiresARepeatedPlaceholderToCaptureTheSameText() {
        let pattern = TitlePattern("{v:version} to {v:version}")
        #expect(pattern.match("2.6 to 2.6") == ["v": "2.6"])
        #expect(pattern.match("2.6 to 3.0") == nil)
    }

    @Test func rendersValuesIntoPlaceholders() {
        let pattern = TitlePattern("Running MongoDB {version}+ on {host}")
        #expect(pattern.rendered(with: ["version": "2.6"]) == "Running MongoDB 2.6+ on {host}")
    }
}
