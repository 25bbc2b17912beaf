import MigrationChecks
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
}
