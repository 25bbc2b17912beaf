import StepDocChecks
import Testing

@Suite struct CheckRunnerTests {
    private static let suite = CheckSuite<JSONFacts>(
        id: "rollout", title: "Rollout",
        checks: [
            Check(id: "replicas", summary: "3 replicas", title: "Run {count:number} replicas") { facts throws(MissingFact) in
                let replicas = try facts.number("service.replicas")
                return replicas >= 3
                    ? .pass(detail: "\(Int(replicas)) replicas") : .fail(reason: "only \(Int(replicas))", remedy: "scale up")
            },
            Check(id: "region", summary: "a region", title: "Pick a region") { facts throws(MissingFact) in
                .pass(detail: try facts.string("service.region"))
            },
        ])

    private func respond(_ arguments: [String], facts: String = "") -> (output: String, error: String, status: Int32) {
        CheckRunner.respond(to: arguments, suites: [Self.suite]) { _ in .success(Array(facts.utf8)) }
    }

    @Test func printsTheManifest() throws {
        let answer = respond(["manifest"])
        #expect(answer.status == 0)
        let manifest = try CheckManifest(json: Array(answer.output.utf8))
        #expect(manifest.suites.map(\.id) == ["rollout"])
    }

    @Test func evaluatesFactsIntoOutcomesThatReadBack() throws {
        let answer = respond(["evaluate", "--suite", "rollout", "--facts", "f.json"], facts: #"{"service": {"replicas": 2}}"#)
        #expect(answer.status == 0, "\(answer.error)")
        let outcomes = try RunnerOutcomes(json: Array(answer.output.utf8))
        #expect(
            outcomes.results == [
                CheckResult(checkID: "replicas", outcome: .fail(reason: "only 2", remedy: "scale up")),
                CheckResult(
                    checkID: "region",
                    outcome: .cannotTell(missingFact: "service.region", reason: "the facts do not include service.region")),
            ])
    }

    @Test func reportsFactsThatCannotBeReadAsAFactsError() throws {
        let answer = respond(["evaluate", "--suite", "rollout", "--facts", "-"], facts: #"{"a": 1, "a": 2}"#)
        #expect(answer.status == 2)
        let outcomes = try RunnerOutcomes(json: Array(answer.output.utf8))
        #expect(outcomes.factsError == FactsError(line: 1, column: 10, message: #"duplicate key "a" (first at 1:2)"#))
    }

    @Test(arguments: [["evaluate", "--suite", "nope", "--facts", "f"], ["evaluate"], ["manifest", "x"], ["help"], []])
    func answersAUsageErrorWithExit2(arguments: [String]) {
        let answer = respond(arguments)
        #expect(answer.status == 2)
        #expect(answer.output.isEmpty)
        #expect(!answer.error.isEmpty)
    }

    @Test(arguments: [
        (#"{"stepdocOutcomes": 2, "suite": "s", "results": []}"#, #"the outcomes must have "stepdocOutcomes": 1"#),
        (#"{"stepdocOutcomes": 1, "suite": "s", "results": [{"check": "a", "outcome": "maybe"}]}"#, #""outcome" must be pass, fail or cannot-tell, found "maybe""#),
        (#"{"stepdocOutcomes": 1, "suite": "s", "results": [{"check": "a", "outcome": "pass", "extra": 1}]}"#, #"unknown key "extra" in a result"#),
        (#"{"stepdocOutcomes": 1, "suite": "s"}"#, #"the outcomes must have a "results" array"#),
        ("not json", "invalid literal, expected 'null'"),
    ])
    func refusesOutcomesOffTheContract(text: String, message: String) {
        #expect(throws: ManifestError.self) { try RunnerOutcomes(json: Array(text.utf8)) }
        do {
            _ = try RunnerOutcomes(json: Array(text.utf8))
        } catch {
            #expect(error.message == message)
        }
    }
}
