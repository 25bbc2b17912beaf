import StepDocChecks
import Testing

@Suite struct EnforcedValueTests {
    @Test func comparesDocumentedVersionsAsVersions() {
        let enforced = EnforcedValue.minimumVersion("2.6")
        #expect(enforced.isStated(by: ["2.6"]))
        #expect(enforced.isStated(by: ["2.6.0"]))
        #expect(!enforced.isStated(by: ["3.0"]))
        #expect(!enforced.isStated(by: ["two point six"]))
        #expect(!enforced.isStated(by: ["2.6", "2.6"]))
    }

    @Test func comparesDocumentedRolesAsSets() {
        let enforced = EnforcedValue.roleSet(["clusterMonitor", "backup"])
        #expect(enforced.isStated(by: ["clusterMonitor", "backup"]))
        #expect(enforced.isStated(by: ["backup", "clusterMonitor", "backup"]))
        #expect(!enforced.isStated(by: ["clusterMonitor"]))
        #expect(!enforced.isStated(by: ["clusterMonitor", "backup", "restore"]))
        #expect(enforced.documentedForm == "backup, clusterMonitor")
    }

    @Test func comparesDocumentedNumbersNumerically() {
        let enforced = EnforcedValue.number(1000)
        #expect(enforced.isStated(by: ["1000"]))
        #expect(enforced.isStated(by: ["1,000"]))
        #expect(enforced.isStated(by: ["1000.0"]))
        #expect(!enforced.isStated(by: ["100"]))
        #expect(!enforced.isStated(by: ["10,00"]))
        #expect(!enforced.isStated(by: ["a thousand"]))
        #expect(enforced.documentedForm == "1000")
        #expect(EnforcedValue.number(2.5).documentedForm == "2.5")
    }

    @Test func comparesTextExactly() {
        let enforced = EnforcedValue.text("eu-west-1")
        #expect(enforced.isStated(by: ["eu-west-1"]))
        #expect(!enforced.isStated(by: ["EU-WEST-1"]))
    }

    /// The declaration is the value's literal: one past the call's opening parenthesis.
    @Test func recordsTheColumnOfItsOwnLiteral() {
        let value = EnforcedValue.minimumVersion("6.0")
        #expect(value.declaration.file == #filePath)
        #expect(value.declaration.line == #line - 2)
        #expect(value.declaration.column == 50)  // the `"` of "6.0"
    }
}
