import StepDocTestSupport
import StepModel
import StepProject
import Testing

/// The `rules:` section of stepdoc.yml: ids must be known, with a position and a suggestion if not.
@Suite struct ConfigLoaderRuleTests {
    @Test func acceptsKnownRuleIds() throws {
        let config = try ConfigLoader.parse(
            "rules:\n  steps.numbering: warning\n  rst.markup: off\n", path: "stepdoc.yml")
        #expect(config.rules == ["steps.numbering": .warning, "rst.markup": .off])
    }

    @Test func rejectsAnUnknownRuleIdWithItsPositionAndASuggestion() {
        let source = MarkedSource("content: [content]\nrules:\n  rst.markup: off\n  1️⃣steps.numberng: warning\n")
        let position = source["1️⃣"]
        #expect(
            throws: StepDocFailure.configuration(
                path: "stepdoc.yml", line: position.line, column: position.column,
                message: "unknown rule id 'steps.numberng'; did you mean 'steps.numbering'?"
            )
        ) {
            try ConfigLoader.parse(source.text, path: "stepdoc.yml")
        }
    }

    @Test func rejectsAnIdFarFromEveryRuleWithoutASuggestion() {
        let source = MarkedSource("rules: {1️⃣whatever: error}\n")
        #expect(
            throws: StepDocFailure.configuration(
                path: "stepdoc.yml", line: 1, column: source["1️⃣"].column, message: "unknown rule id 'whatever'"
            )
        ) {
            try ConfigLoader.parse(source.text, path: "stepdoc.yml")
        }
    }

    @Test func acceptsIdsOtherModulesAppendToTheCatalogue() throws {
        let catalogue = RuleCatalogue.stepdoc.appending([
            RuleDescriptor(id: "parity.example", defaultSeverity: .error, summary: "an appended rule")
        ])
        let config = try ConfigLoader.parse(
            "rules:\n  parity.example: warning\n", path: "stepdoc.yml", rules: catalogue)
        #expect(config.rules["parity.example"] == .warning)
    }
}
