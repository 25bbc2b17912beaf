import MigrationChecks
import StepDocTestSupport
import StepModel
import StepParity
import StepSyntax
import Testing

@Suite struct EveryStepMustHaveACheckTests {
    private let suite = AtlasLiveMigrationPrerequisites.suite()

    @Test func reportsAnExtraStepWithACheckSkeletonInTheExplanation() throws {
        let title = "Your oplog holds at least 24 hours of operations."
        let extra = Seed.step(number: 6, title: title, body: "Size the oplog for a day of writes.", marker: "1️⃣")
        let marked = MarkedSource(try Seed.text() + extra)
        let (_, diagnostics) = parity(marked.text)
        let finding = try #require(diagnostics.first, "no findings")
        #expect(diagnostics.count == 1, "\(describe(diagnostics))")
        #expect(finding.id == "parity.undefined-step")
        #expect(finding.summary == "step 6 has no check in suite 'atlas-live-migration-prerequisites'")
        #expect(finding.location == seedLocation(marked, "1️⃣", length: title.utf8.count))
        let explanation = try #require(finding.explanation)
        #expect(explanation.contains("Sources/MigrationChecks/Suites/AtlasLiveMigrationPrerequisites.swift"))
        #expect(explanation.contains(#"        title: "Your oplog holds at least {number} hours of operations.","#))
        #expect(
            explanation.contains(
                #"BoundValue(name: "number", source: .titlePlaceholder("number"), enforced: .number(24)),"#))
        #expect(explanation.contains(#"    id: "your-oplog-holds-at-least","#))
        #expect(explanation.contains(") { facts throws(MissingFact) in"))
        #expect(finding.notes.map(\.location) == [declarationLocation(suite.check(id: "migration-user-roles"))])
        #expect(finding.notes.first?.message == "add the check after 'migration-user-roles', declared here")
    }

    @Test func reportsAStepWhoseCheckWasRemovedFromTheSuite() throws {
        let withoutReplicaSet = CheckSuite(
            id: suite.id, title: suite.title, checks: suite.checks.filter { $0.id != "replica-set" })
        let title = "Your current deployment is a MongoDB replica set."
        let marked = MarkedSource(try Seed.text().replacingFirst("   \(title)", with: "   1️⃣\(title)"))
        let (_, diagnostics) = parity(marked.text, suite: withoutReplicaSet)
        let finding = try #require(diagnostics.first, "no findings")
        #expect(diagnostics.count == 1, "\(describe(diagnostics))")
        #expect(finding.id == "parity.undefined-step")
        #expect(finding.location == seedLocation(marked, "1️⃣", length: title.utf8.count))
        #expect(finding.explanation?.contains(#"title: "Your current deployment is a MongoDB replica set.","#) == true)
        #expect(finding.notes.map(\.location) == [declarationLocation(suite.check(id: "server-version"))])
    }

    @Test func placesTheSkeletonBeforeTheFirstCheckWhenNoEarlierStepHasOne() throws {
        let withoutFirst = CheckSuite(id: suite.id, title: suite.title, checks: Array(suite.checks.dropFirst()))
        let (_, diagnostics) = parity(try Seed.text(), suite: withoutFirst)
        #expect(diagnostics.map(\.id) == ["parity.undefined-step"], "\(describe(diagnostics))")
        #expect(diagnostics.first?.notes.map(\.message) == ["add the check before 'server-version', declared here"])
        #expect(diagnostics.first?.notes.map(\.location) == [declarationLocation(suite.check(id: "server-version"))])
    }

    @Test func suggestsTheCheckANearMissTitleWasMeantForOnBothSides() throws {
        let marked = MarkedSource(
            try Seed.text()
                .replacingFirst(
                    "   Authentication is enabled on your source deployment\n   ```````````````````````````````````````````````````\n",
                    with: "   1️⃣Authentication is enabled in your source deployments\n"
                        + "   `````````````````````````````````````````````````````\n"
                )
                .replacingFirst(
                    "Step 4: Authentication is enabled on your source deployment\n"
                        + "   ```````````````````````````````````````````````````````````\n",
                    with: "Step 4: Authentication is enabled in your source deployments\n"
                        + "   `````````````````````````````````````````````````````````````\n"))
        let (_, diagnostics) = parity(marked.text)
        #expect(
            diagnostics.map(\.id) == ["parity.undefined-step", "parity.undocumented-check"], "\(describe(diagnostics))")
        let undefined = try #require(diagnostics.first)
        #expect(
            undefined.summary
                == "step 4 has no check in suite 'atlas-live-migration-prerequisites'; did you mean check 'auth-enabled'?"
        )
        #expect(
            undefined.location
                == seedLocation(marked, "1️⃣", length: "Authentication is enabled in your source deployments".utf8.count))
        let authEnabled = suite.check(id: "auth-enabled")
        #expect(undefined.notes.first?.location == declarationLocation(authEnabled))
        #expect(
            undefined.fixIts.map(\.replacement)
                == Array(repeating: "Authentication is enabled on your source deployment", count: 2))
        let undocumented = try #require(diagnostics.last)
        #expect(undocumented.location == declarationLocation(authEnabled))
        #expect(undocumented.summary.hasSuffix("; did you mean step 4?"))
        #expect(undocumented.notes.map(\.location) == [undefined.location])
    }

    @Test func writesASkeletonWhoseTitlePatternMatchesTheStepAndStatesItsValues() throws {
        let title = "Your current MongoDB database is running MongoDB 2.6+ or 3.0.1 with 2 {nodes}"
        let text =
            try Seed.text() + Seed.step(number: 6, title: title, body: "Needs :authrole:`backup` and :authrole:`root`.")
        let file = SourceFile(path: Seed.path, text: text)
        var lowering: [Diagnostic] = []
        let step = try #require(Procedure(parsing: file, diagnostics: &lowering).steps.last)
        let skeleton = CheckSkeleton(step: step, takenIDs: ["your-current-mongodb-database-is"])
        #expect(
            skeleton.title
                == "Your current MongoDB database is running MongoDB {version}+ or {version2:version} with {number} {{nodes}}"
        )
        #expect(skeleton.id == "your-current-mongodb-database-is-2")
        #expect(skeleton.summary == "your current MongoDB database is running MongoDB 2.6+ or 3.0.1 with 2 {nodes}")
        let pattern = TitlePattern(skeleton.title)
        #expect(pattern.match(step.titleText) == ["version": "2.6", "version2": "3.0.1", "number": "2"])
        #expect(
            skeleton.values.map(\.enforced) == [
                .minimumVersion("2.6"), .minimumVersion("3.0.1"), .number(2), .roleSet(["backup", "root"]),
            ])
        #expect(
            skeleton.swiftSource.contains(
                #"source: .bodyRoleMentions(role: "authrole"), enforced: .roleSet(["backup", "root"])),"#))
    }
}
