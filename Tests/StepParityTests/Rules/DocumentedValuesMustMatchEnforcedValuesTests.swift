import MigrationChecks
import StepDocTestSupport
import StepModel
import StepParity
import StepSyntax
import Testing

@Suite struct DocumentedValuesMustMatchEnforcedValuesTests {
    private let suite = AtlasLiveMigrationPrerequisites.suite()

    @Test func reportsAVersionChangedInBothBranchesAtTheTitleValue() throws {
        let marked = MarkedSource(
            try Seed.text()
                .replacingFirst("running MongoDB 2.6+\n", with: "running MongoDB 1️⃣3.0+\n")
                .replacingFirst("running MongoDB 2.6+\n", with: "running MongoDB 2️⃣3.0+\n"))
        let (_, diagnostics) = parity(marked.text)
        let finding = try #require(diagnostics.first, "no findings")
        #expect(diagnostics.count == 1, "\(describe(diagnostics))")
        #expect(finding.id == "parity.value-mismatch")
        #expect(finding.summary == "step 2 documents minimum version 3.0 but check 'server-version' enforces 2.6")
        #expect(finding.location == seedLocation(marked, "1️⃣", length: 3))
        #expect(finding.notes.map(\.location) == [valueLocation(suite.check(id: "server-version"))])
        #expect(finding.notes.first?.message == "check 'server-version' enforces minimum version 2.6 here")
        #expect(
            finding.fixIts.map(\.location) == [
                seedLocation(marked, "1️⃣", length: 3), seedLocation(marked, "2️⃣", length: 3),
            ])
        #expect(finding.fixIts.map(\.replacement) == ["2.6", "2.6"])
    }

    @Test func reportsAMinimumVersionChangedInSwiftAtTheDocumentedValue() throws {
        let marked = MarkedSource(
            try Seed.text().replacingFirst("running MongoDB 2.6+\n", with: "running MongoDB 1️⃣2.6+\n"))
        let stricter = AtlasLiveMigrationPrerequisites.suite(minimumVersion: .minimumVersion("3.0"))
        let (_, diagnostics) = parity(marked.text, suite: stricter)
        let finding = try #require(diagnostics.first, "no findings")
        #expect(diagnostics.count == 1, "\(describe(diagnostics))")
        #expect(finding.id == "parity.value-mismatch")
        #expect(finding.summary == "step 2 documents minimum version 2.6 but check 'server-version' enforces 3.0")
        #expect(finding.location == seedLocation(marked, "1️⃣", length: 3))
        #expect(finding.notes.map(\.location) == [valueLocation(stricter.check(id: "server-version"))])
    }

    @Test func comparesVersionsAsVersionsSo30Equals300() throws {
        let text = try Seed.text().replacingOccurrences(of: "running MongoDB 2.6+", with: "running MongoDB 3.0+")
        let (_, diagnostics) = parity(text, suite: AtlasLiveMigrationPrerequisites.suite(minimumVersion: .minimumVersion("3.0.0")))
        #expect(diagnostics.isEmpty, "\(describe(diagnostics))")
    }

    @Test func reportsARequiredRoleRemovedFromBothBranchesAtTheStepTitle() throws {
        let title = "The database user from your source cluster on AWS"
        let marked = MarkedSource(
            try Seed.text()
                .replacingFirst("   \(title)", with: "   1️⃣\(title)")
                .replacingOccurrences(of: " and :authrole:`backup` roles.", with: " role."))
        let (context, diagnostics) = parity(marked.text)
        let finding = try #require(diagnostics.first, "no findings")
        #expect(diagnostics.count == 1, "\(describe(diagnostics))")
        #expect(finding.id == "parity.value-mismatch")
        #expect(finding.summary == "check 'migration-user-roles' requires backup but step 5 does not mention it")
        let titleRange = try #require(context.procedure.steps.last?.primary.titleRange)
        #expect(finding.location == DiagnosticLocation(file: Seed.path, range: titleRange))
        #expect(finding.location?.range.lowerBound.line == marked["1️⃣"].line)
        #expect(finding.location?.range.lowerBound.column == marked["1️⃣"].column)
        #expect(finding.notes.map(\.location) == [valueLocation(suite.check(id: "migration-user-roles"))])
    }

    @Test func reportsARoleTheDocsNameButTheCheckDoesNotRequireAtItsMention() throws {
        let marked = MarkedSource(
            try Seed.text()
                .replacingFirst(
                    "and :authrole:`backup` roles.",
                    with: "and :authrole:`backup` and 1️⃣:authrole:`readAnyDatabase` roles."
                )
                .replacingFirst(
                    "and :authrole:`backup` roles.",
                    with: "and :authrole:`backup` and :authrole:`readAnyDatabase` roles.")
        )
        let (_, diagnostics) = parity(marked.text)
        let finding = try #require(diagnostics.first, "no findings")
        #expect(diagnostics.count == 1, "\(describe(diagnostics))")
        #expect(finding.summary == "step 5 names readAnyDatabase but check 'migration-user-roles' does not require it")
        #expect(finding.location == seedLocation(marked, "1️⃣", length: ":authrole:`readAnyDatabase`".utf8.count))
        #expect(finding.notes.map(\.location) == [valueLocation(suite.check(id: "migration-user-roles"))])
    }

    @Test func namesWhatIsMissingOnEachSideWhenTheRoleSetsDiffer() throws {
        let changed = AtlasLiveMigrationPrerequisites.suite(requiredRoles: .roleSet(["clusterMonitor", "restore", "dbAdmin"]))
        let marked = MarkedSource(try Seed.text().replacingFirst(":authrole:`backup`", with: "1️⃣:authrole:`backup`"))
        let (_, diagnostics) = parity(marked.text, suite: changed)
        #expect(
            diagnostics.map(\.summary) == [
                "step 5 names backup but check 'migration-user-roles' does not require it",
                "check 'migration-user-roles' requires dbAdmin and restore but step 5 does not mention them",
            ])
        #expect(diagnostics.first?.location == seedLocation(marked, "1️⃣", length: ":authrole:`backup`".utf8.count))
        #expect(diagnostics.allSatisfy { $0.id == "parity.value-mismatch" })
    }

    @Test func collectsRoleMentionsFromNestedBlocks() throws {
        let text = try Seed.text()
            .replacingOccurrences(
                of: "The user must have the :authrole:`clusterMonitor` and :authrole:`backup` roles.",
                with: "The user must have these roles:\n   \n   - :authrole:`clusterMonitor`\n   \n"
                    + "   .. note::\n   \n      And :authrole:`backup` too.\n   \n  ")
        let (_, diagnostics) = parity(text)
        #expect(diagnostics.isEmpty, "\(describe(diagnostics))")
    }
}

@Suite struct TitleValuePositionTests {
    @Test func placesTheValueExactlyAfterLiteralsAndCollapsedWhitespace() throws {
        let title = "Your current ``MongoDB`` database is   running MongoDB 3.0+"
        let marked = MarkedSource(
            Seed.step(number: 1, title: title, body: "Body.").replacingFirst("3.0+", with: "1️⃣3.0+"))
        let versionOnly = CheckSuite(
            id: "versions", title: "Versions",
            checks: AtlasLiveMigrationPrerequisites.suite().checks.filter { $0.id == "server-version" })
        let (_, diagnostics) = parity(marked.text, suite: versionOnly)
        let finding = try #require(diagnostics.first, "no findings")
        #expect(diagnostics.map(\.id) == ["parity.value-mismatch"], "\(describe(diagnostics))")
        #expect(finding.location == seedLocation(marked, "1️⃣", length: 3))
        #expect(finding.fixIts.count == 2)
    }
}
