import Foundation
import StepDocTestSupport
import StepModel
import StepSyntax
import Testing

@Suite struct RoleTests {
    func inlines(_ text: String, roles: RoleTable = .mongoDB) -> [Inline.Kind] {
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(
            parsing: SourceFile(path: "t.rst", text: GizaText.step(1, "One", [text])),
            options: LoweringOptions(roles: roles), diagnostics: &diagnostics)
        guard case .paragraph(let inlines)? = procedure.steps.first?.body.first?.kind else { return [] }
        return inlines.map(\.kind)
    }

    @Test func linkRolesExpandTheirTemplateWithATrailingSlash() {
        guard case .link(let link)? = inlines(":manual:`Enable Auth </tutorial/enable-authentication>`").first else {
            Issue.record("no link")
            return
        }
        #expect(link.destination == "https://www.mongodb.com/docs/manual/tutorial/enable-authentication/")
        #expect(link.children.plainText == "Enable Auth")
        #expect(link.role == "manual")
    }

    @Test(arguments: [
        (":manual:`/reference/method/db.getUser`", "https://www.mongodb.com/docs/manual/reference/method/db.getUser/"),
        (":manual:`/reference/x/#anchor`", "https://www.mongodb.com/docs/manual/reference/x/#anchor"),
        (":manual:`/manual.pdf`", "https://www.mongodb.com/docs/manual/manual.pdf"),
        (":issue:`SERVER-1234`", "https://jira.mongodb.org/browse/SERVER-1234"),
    ])
    func expandsLinkTargets(_ text: String, _ url: String) {
        guard case .link(let link)? = inlines(text).first else {
            Issue.record("no link for \(text)")
            return
        }
        #expect(link.destination == url)
    }

    @Test func objectRolesBecomeCodeAndTildeShortensThem() {
        #expect(
            inlines(":authrole:`clusterMonitor` :binary:`~bin.mongod` :method:`~db.collection.find()`")
                == [
                    .code(Code(text: "clusterMonitor", role: "authrole", target: "clusterMonitor")), .text(" "),
                    .code(Code(text: "mongod", role: "binary", target: "bin.mongod")), .text(" "),
                    .code(Code(text: "find()", role: "method", target: "db.collection.find()")),
                ])
    }

    @Test func textRolesAndCrossReferencesKeepTheirText() {
        #expect(
            inlines(":guilabel:`Connect` :ref:`the guide <install>` :doc:`/tutorial/install-mongodb`") == [
                .span(Span(role: "guilabel", text: "Connect")), .text(" "),
                .crossReference(CrossReference(role: "ref", target: "install", title: "the guide")), .text(" "),
                .crossReference(CrossReference(role: "doc", target: "/tutorial/install-mongodb", title: nil)),
            ])
    }

    @Test func projectRolesExtendTheTable() {
        let roles = RoleTable.mongoDB.adding([
            RoleDefinition(
                name: "jira", kind: .link(urlTemplate: "https://jira.example.com/browse/%s", addsTrailingSlash: false))
        ])
        guard case .link(let link)? = inlines(":jira:`DOCS-1`", roles: roles).first else {
            Issue.record("no link")
            return
        }
        #expect(link.destination == "https://jira.example.com/browse/DOCS-1")
    }

    @Test func inheritedRolesFollowTheirParent() {
        #expect(
            RoleTable.mongoDB.definition(for: "mongosh")?.kind
                == RoleTable.mongoDB.definition(for: "mdb-shell")?.kind)
        #expect(RoleTable.mongoDB.definition(for: "mongodb:authrole")?.kind == .code(urlTemplate: nil))
    }

    /// The generated table matches MongoDB's role list in ../shared (when it is there).
    @Test(.needsShared) func generatedRoleTableMatchesTheSharedRoleList() throws {
        guard let shared = Fixtures.sharedDirectory() else {
            Issue.record("the trait said ../shared was here, but it is not")
            return
        }
        let tsv = try String(contentsOf: shared.appendingPathComponent("roles/mongodb-roles.tsv"), encoding: .utf8)
        let names = tsv.split(separator: "\n").dropFirst().compactMap {
            $0.split(separator: "\t").first.map(String.init)
        }
        let missing = names.filter { RoleTable.mongoDB.definitions[$0] == nil }
        #expect(missing.isEmpty, "the role table is stale (missing \(missing.prefix(5))): run `make roles`")
        for line in tsv.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 4, columns[1] == "link" else { continue }
            #expect(
                RoleTable.mongoDB.definitions[columns[0]]?.kind
                    == .link(urlTemplate: columns[2], addsTrailingSlash: columns[3] == "yes"),
                "role \(columns[0]) is stale: run `make roles`")
        }
    }
}
