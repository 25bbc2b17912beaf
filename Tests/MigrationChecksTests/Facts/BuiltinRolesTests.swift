import MigrationChecks
import Testing

@Suite struct BuiltinRolesTests {
    @Test(arguments: [
        ("root", "backup"),
        ("root", "clusterMonitor"),
        ("root", "restore"),
        ("root", "readAnyDatabase"),
        ("root", "clusterManager"),
        ("clusterAdmin", "clusterMonitor"),
        ("clusterAdmin", "hostManager"),
        ("dbOwner", "read"),
        ("readWriteAnyDatabase", "readAnyDatabase"),
        ("__system", "backup"),
        ("__system", "root"),
    ])
    func includesTheRolesMongoDBDocumentsItAsCombining(holder: String, role: String) {
        #expect(BuiltinRoles().role(holder, includes: role), "\(holder) should include \(role)")
    }

    @Test(arguments: [
        ("readAnyDatabase", "backup"),
        ("readWriteAnyDatabase", "backup"),
        ("clusterMonitor", "clusterAdmin"),
        ("backup", "clusterMonitor"),
        ("clusterManager", "clusterMonitor"),
        ("userAdminAnyDatabase", "backup"),
        ("restore", "backup"),
        ("root", "__system"),
    ])
    func doesNotIncludeRolesMongoDBDoesNotGrant(holder: String, role: String) {
        #expect(!BuiltinRoles().role(holder, includes: role), "\(holder) should not include \(role)")
    }

    @Test func followsTheRootRoleAsItChangedAcrossVersions() {
        #expect(!BuiltinRoles(serverVersion: "3.2.22").role("root", includes: "backup"))
        #expect(BuiltinRoles(serverVersion: "3.4.0").role("root", includes: "backup"))
        #expect(!BuiltinRoles(serverVersion: "3.0.6").role("root", includes: "restore"))
        #expect(BuiltinRoles(serverVersion: "3.0.7").role("root", includes: "restore"))
        #expect(BuiltinRoles(serverVersion: "2.6.12").role("root", includes: "clusterMonitor"))
    }

    @Test func computesTheTransitiveClosure() {
        let held = BuiltinRoles().closure(of: ["root"])
        #expect(
            held.isSuperset(of: ["root", "clusterAdmin", "clusterMonitor", "backup", "readWrite", "read", "dbAdmin"]))
        #expect(!held.contains("__system"))
        #expect(BuiltinRoles().closure(of: ["myCustomRole"]) == ["myCustomRole"])
    }

    @Test func namesTheHeldRoleThroughWhichARoleIsHeld() {
        #expect(BuiltinRoles().source(of: "backup", among: ["root", "read"]) == "root")
        #expect(BuiltinRoles().source(of: "backup", among: ["backup", "root"]) == "backup")
        #expect(BuiltinRoles().source(of: "backup", among: ["read"]) == nil)
    }
}
