import Foundation
import StepDocTestSupport
import StepModel
import StepProject
import StepReports
import Testing

/// The rule catalogue: complete, well worded, and documented.
@Suite struct RuleCatalogueTests {
    /// Every quoted rule id in the sources, such as `"steps.numbering"`.
    private func idsUsedInSources() throws -> Set<String> {
        let sources = Fixtures.projectRoot().appendingPathComponent("Sources")
        let pattern = try Regex(#""((?:rst|steps|limits|io|parity|config)\.[a-z0-9][a-z0-9-]*)""#)
        var ids: Set<String> = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String] ?? []
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let id = match.output[1].substring { ids.insert(String(id)) }
            }
        }
        return ids
    }

    @Test func describesEveryRuleIdTheSourcesUse() throws {
        let used = try idsUsedInSources()
        #expect(used.count > 20, "the scan found too few ids: \(used.sorted())")
        let missing = used.subtracting(RuleCatalogue.stepdoc.ids.map(\.rawValue)).sorted()
        #expect(
            missing.isEmpty,
            "rule ids used in Sources but not in RuleCatalogue.stepdoc: \(missing); describe them with a RuleDescriptor"
        )
    }

    @Test func listsProcedureRulesWithTheirOwnSeverity() {
        for rule in ProcedureRules.all {
            #expect(RuleCatalogue.stepdoc[rule.id] == rule.descriptor.withHelp(RuleCatalogue.stepdoc[rule.id]?.helpURI))
        }
    }

    @Test func givesEveryRuleALowercaseOneLineSummaryAndAHelpPage() {
        for rule in RuleCatalogue.stepdoc.rules {
            #expect(rule.summary.first?.isLowercase == true, "\(rule.id): '\(rule.summary)'")
            #expect(!rule.summary.hasSuffix(".") && !rule.summary.contains("\n"), "\(rule.id): '\(rule.summary)'")
            #expect(rule.helpURI?.hasPrefix("https://") == true, "\(rule.id) has no help page")
        }
        #expect(Set(RuleCatalogue.stepdoc.ids).count == RuleCatalogue.stepdoc.rules.count)
    }

    @Test func appendsRulesOfOtherModulesAndKeepsTheFirstDescription() {
        let extra = [
            RuleDescriptor(id: "parity.example", defaultSeverity: .error, summary: "an appended rule"),
            RuleDescriptor(id: "steps.numbering", defaultSeverity: .note, summary: "a second description"),
        ]
        let catalogue = RuleCatalogue.stepdoc.appending(extra)
        #expect(catalogue.index(of: "parity.example") == RuleCatalogue.stepdoc.rules.count)
        #expect(catalogue["steps.numbering"]?.defaultSeverity == .error)
    }

    @Test func isListedInTheReadme() throws {
        let readme = try String(contentsOf: Fixtures.projectRoot().appendingPathComponent("README.md"), encoding: .utf8)
        let section = readme.components(separatedBy: "\n## Rules\n").dropFirst().first ?? ""
        let missing = RuleCatalogue.stepdoc.ids.filter { !section.contains("`\($0)`") }
        #expect(missing.isEmpty, "README.md's '## Rules' table lacks \(missing); add a row for each")
    }
}

extension RuleDescriptor {
    fileprivate func withHelp(_ uri: String?) -> RuleDescriptor {
        var copy = self
        copy.helpURI = uri
        return copy
    }
}
