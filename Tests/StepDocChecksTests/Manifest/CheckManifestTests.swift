import StepDocChecks
import StepDocTestSupport
import Testing

@Suite struct CheckManifestTests {
    private static let suite = CheckSuite<JSONFacts>(
        id: "service-rollout", title: "Service rollout",
        checks: [
            Check(
                id: "cluster-version", summary: "the cluster runs 1.29 or newer",
                title: "The cluster runs Kubernetes {version}+",
                values: [
                    BoundValue(name: "minimum version", source: .titlePlaceholder("version"), enforced: .minimumVersion("1.29"))
                ]
            ) { facts throws(MissingFact) in
                try facts.version("cluster.version") >= "1.29" ? .pass(detail: "") : .fail(reason: "old", remedy: nil)
            },
            Check(
                id: "replicas", summary: "at least 3 replicas", title: "Run at least {count:number} replicas",
                values: [
                    BoundValue(name: "replicas", source: .titlePlaceholder("count"), enforced: .number(3)),
                    BoundValue(name: "roles", source: .bodyRoleMentions(role: "role"), enforced: .roleSet(["deployer", "viewer"])),
                    BoundValue(name: "region", source: .titlePlaceholder("count"), enforced: .text("eu-west-1")),
                ]
            ) { _ in .pass(detail: "") },
        ])

    @Test func writesAndReadsBackTheSameDefinitionsWithPackageRelativePaths() throws {
        let manifest = CheckManifest([Self.suite])
        let text = manifest.json()
        #expect(text.hasPrefix("{\n  \"stepdocChecks\": 1,\n  \"suites\": [\n"))
        #expect(text.contains(#""file": "Tests/StepDocChecksTests/Manifest/CheckManifestTests.swift""#), "\(text)")
        #expect(text.contains(#""minimumVersion": "1.29""#))
        #expect(text.contains(#""number": 3"#))
        #expect(text.contains("\"roleSet\": [\n"))
        let read = try CheckManifest(json: Array(text.utf8))
        #expect(read.suites == manifest.suites)
        #expect(read.suitePositions == [ManifestPosition(line: 5, column: 13)])
        #expect(read.json() == text)
    }

    static let validCheck = #"""
        {"id": "c", "summary": "s", "title": "T {version}+",
         "declaration": {"file": "Sources/X.swift", "line": 3, "column": 5},
         "values": [{"name": "v", "source": {"titlePlaceholder": "version"}, "enforced": {"minimumVersion": "1.2"},
                     "declaration": {"file": "Sources/X.swift", "line": 4, "column": 7}}]}
        """#

    static func document(checks: String = validCheck, suiteExtra: String = "") -> String {
        #"{"stepdocChecks": 1, "suites": [{"id": "s", "title": "S", "checks": ["# + checks + "]" + suiteExtra + "}]}"
    }

    /// Every way a manifest can be off the contract: an error at the place, never a silent pass.
    @Test(arguments: [
        (#"{"stepdocChecks": 1️⃣2, "suites": []}"#, "unknown stepdocChecks version 2: this stepdoc reads version 1"),
        (#"{"stepdocChecks": 1️⃣"1", "suites": []}"#, #""stepdocChecks" must be the contract's version number, found a string"#),
        (#"1️⃣{"suites": []}"#, #"the manifest has no "stepdocChecks""#),
        (#"{"stepdocChecks": 1, 1️⃣"suite": []}"#, #"unknown key "suite" in the manifest (did you mean "suites"?); expected stepdocChecks, suites"#),
        (#"{"stepdocChecks": 1, "suites": 1️⃣{}}"#, #""suites" must be an array, found a document"#),
        (#"1️⃣[]"#, "the manifest must be an object, found an array"),
        (#"{"stepdocChecks": 1, "suites": [1️⃣{"title": "S", "checks": []}]}"#, #"a suite has no "id""#),
        (#"{"stepdocChecks": 1, "suites": [{"id": 1️⃣"", "title": "S", "checks": []}]}"#, #"suite "id" must be a non-empty name without control characters or outer spaces"#),
        (#"{"stepdocChecks": 1, "suites": [{"id": "s", "title": 1️⃣7, "checks": []}]}"#, #"suite "title" must be a string, found a number"#),
        (#"{"stepdocChecks": 1, "suites": [{"id": "s", "title": "S", "checks": [], 1️⃣"id": "t"}]}"#, #"duplicate key "id" (first at 1:34)"#),
        (#"{"stepdocChecks": 1, "suites": [{"id": "s", "title": "S", "checks": []}, {"id": 1️⃣"s", "title": "S", "checks": []}]}"#, "suite id 's' is defined twice (first at 1:40)"),
        (#"{"stepdocChecks": 1, "suites": [{"id": "s", "title": "S", "checks": [1️⃣"c"]}]}"#, "a check must be an object, found a string"),
        (#"{"stepdocChecks": 1, "suites": [{"id": "s", "title": "S", "checks": [{"id": "c", "summary": "s", 1️⃣"titel": "T", "declaration": {"file": "A", "line": 1, "column": 1}}]}]}"#, #"unknown key "titel" in a check (did you mean "title"?); expected id, summary, title, declaration, values"#),
        (#"{"stepdocChecks": 1, "suites": [{"id": "s", "title": "S", "checks": [{"id": "c", "summary": "s", "title": 1️⃣"T {v:vrsion}", "declaration": {"file": "A", "line": 1, "column": 1}}]}]}"#, "title has placeholder {v:vrsion} of unknown type 'vrsion' (known: version, number, word, text)"),
        (#"{"stepdocChecks": 1, "suites": [{"id": "s", "title": "S", "checks": [{"id": "c", "summary": "s", "title": "T", "declaration": {"file": "A", "line": 1️⃣0, "column": 1}}]}]}"#, #"declaration "line" must be a whole number of at least 1, found 0.0"#),
        (#"{"stepdocChecks": 1, "suites": [{"id": "s", "title": "S", "checks": [{"id": "c", "summary": "s", "title": "T", "declaration": {"file": "A", "line": 1, "column": 1️⃣1.5}}]}]}"#, #"declaration "column" must be a whole number of at least 1, found 1.5"#),
        (#"{"stepdocChecks": 1, "suites": [{"id": "s", "title": "S", "checks": [{"id": "c", "summary": "s", "title": "T", "declaration": {"file": 1️⃣"", "line": 1, "column": 1}}]}]}"#, #"declaration "file" must not be empty"#),
        (#"{"stepdocChecks": 1, "suites": [{"id": "s", "title": "S", "checks": [{"id": "c", "summary": "s", "title": "T", "declaration": 1️⃣{"file": "A", "line": 1}}]}]}"#, #"a declaration has no "column""#),
    ] as [(String, String)])
    func reportsAManifestOffTheContractAtItsPlace(source: String, message: String) throws {
        let marked = MarkedSource(source)
        let error = try #require(throws: ManifestError.self) { try CheckManifest(json: marked.bytes) }
        #expect(error.message == message)
        let position = try #require(marked.position)
        #expect(error.line == position.line && error.column == position.column, "\(error)")
    }

    @Test(arguments: [
        (#"{"name": "v", "source": 1️⃣{}, "enforced": {"text": "x"}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #""source" must have exactly one of titlePlaceholder, bodyRoleMentions, found 0"#),
        (#"{"name": "v", "source": {"titlePlaceholder": "a", 1️⃣"role": "b"}, "enforced": {"text": "x"}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #"unknown key "role" in "source"; expected titlePlaceholder, bodyRoleMentions"#),
        (#"{"name": "v", "source": 1️⃣{"titlePlaceholder": "a", "bodyRoleMentions": "b"}, "enforced": {"text": "x"}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #""source" must have exactly one of titlePlaceholder, bodyRoleMentions, found 2"#),
        (#"{"name": "v", "source": {"titlePlaceholder": "a"}, "enforced": {1️⃣"minimum": "1.0"}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #"unknown key "minimum" in "enforced"; expected minimumVersion, roleSet, number, text"#),
        (#"{"name": "v", "source": {"titlePlaceholder": "a"}, "enforced": {"minimumVersion": 1️⃣"6"}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #""minimumVersion" must be a version X.Y or X.Y.Z, found "6""#),
        (#"{"name": "v", "source": {"titlePlaceholder": "a"}, "enforced": {"minimumVersion": 1️⃣"6.0-rc1"}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #""minimumVersion" must be a version X.Y or X.Y.Z, found "6.0-rc1""#),
        (#"{"name": "v", "source": {"titlePlaceholder": "a"}, "enforced": {"minimumVersion": 1️⃣6.0}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #""minimumVersion" must be a string, found a number"#),
        (#"{"name": "v", "source": {"bodyRoleMentions": "r"}, "enforced": {"roleSet": 1️⃣"backup"}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #""roleSet" must be an array, found a string"#),
        (#"{"name": "v", "source": {"bodyRoleMentions": "r"}, "enforced": {"roleSet": ["a", 1️⃣3]}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #"a role in "roleSet" must be a string, found a number"#),
        (#"{"name": "v", "source": {"bodyRoleMentions": "r"}, "enforced": {"roleSet": ["a", 1️⃣"a"]}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #"role 'a' is listed twice in "roleSet""#),
        (#"{"name": "v", "source": {"titlePlaceholder": "n"}, "enforced": {"number": 1️⃣"3"}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #""number" must be a number, found a string"#),
        (#"{"name": "v", "source": {"titlePlaceholder": "n"}, "enforced": {"text": 1️⃣null}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #""text" must be a string, found null"#),
        (#"1️⃣{"name": "v", "source": {"titlePlaceholder": "n"}, "enforced": {"text": "x"}}"#, #"a value has no "declaration""#),
        (#"{"name": "v", "source": {"titlePlaceholder": 1️⃣" n"}, "enforced": {"text": "x"}, "declaration": {"file": "A", "line": 1, "column": 1}}"#, #""titlePlaceholder" must be a non-empty name without control characters or outer spaces"#),
    ] as [(String, String)])
    func reportsABadValueAtItsPlace(value: String, message: String) throws {
        let marked = MarkedSource(
            #"{"stepdocChecks": 1, "suites": [{"id": "s", "title": "S", "checks": [{"id": "c", "summary": "s", "title": "T {n}", "declaration": {"file": "A", "line": 1, "column": 1}, "values": ["#
                + value + "]}]}]}")
        let error = try #require(throws: ManifestError.self) { try CheckManifest(json: marked.bytes) }
        #expect(error.message == message)
        let position = try #require(marked.position)
        #expect(error.line == position.line && error.column == position.column, "\(error)")
    }

    @Test func reportsACheckIDGivenTwiceNamingBoth() throws {
        let check = #"{"id": "c", "summary": "s", "title": "T", "declaration": {"file": "A", "line": 1, "column": 1}}"#
        let text = Self.document(checks: check + ",\n" + check)
        let error = try #require(throws: ManifestError.self) { try CheckManifest(json: Array(text.utf8)) }
        #expect(error.message == "check id 'c' is defined twice in suite 's' (first at 1:77)")
        #expect(error.line == 2)
    }

    @Test func readsAValidHandWrittenManifest() throws {
        let manifest = try CheckManifest(json: Array(Self.document().utf8))
        let check = try #require(manifest.suites.first?.checks.first)
        #expect(check.title.raw == "T {version}+")
        #expect(check.values.first?.enforced.kind == .minimumVersion("1.2"))
        #expect(check.values.first?.declaration == Declaration(file: "Sources/X.swift", line: 4, column: 7))
    }

    @Test func reportsJSONErrorsWithTheirPlace() throws {
        let error = try #require(throws: ManifestError.self) { try CheckManifest(json: Array("{\"stepdocChecks\": 1,".utf8)) }
        #expect(error.line == 1 && error.column == 21)
        let utf16 = try #require(throws: ManifestError.self) { try CheckManifest(json: [0xFF, 0xFE, 0x7B, 0x00]) }
        #expect(utf16.message.hasPrefix("the document is UTF-16"))
    }
}
