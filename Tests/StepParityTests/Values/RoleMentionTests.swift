import StepDocTestSupport
import StepModel
import StepParity
import StepSyntax
import Testing

@Suite struct RoleMentionTests {
    private func body(_ rst: String) -> (MarkedSource, [Block]) {
        let marked = MarkedSource(rst)
        var diagnostics: [Diagnostic] = []
        let procedure = Procedure(parsing: SourceFile(path: "steps.rst", text: marked.text), diagnostics: &diagnostics)
        return (marked, procedure.steps.first?.body ?? [])
    }

    @Test func findsMentionsInListsAdmonitionsAndContainersInDocumentOrder() {
        let (marked, blocks) = body(
            """
            Step 1: Grant roles
            ~~~~~~~~~~~~~~~~~~~

            - 1️⃣:authrole:`clusterMonitor`
            - :dbcommand:`getCmdLineOpts`

            .. note::

               Also 2️⃣:authrole:`backup <backup>`.

            .. container:: wide

               And 3️⃣:authrole:`~admin.root`.

            """)
        let mentions = RoleMention.mentions(of: "authrole", in: blocks, file: "steps.rst")
        #expect(mentions.map(\.target) == ["clusterMonitor", "backup", "admin.root"])
        #expect(
            mentions.map { $0.location.range.lowerBound }
                == ["1️⃣", "2️⃣", "3️⃣"].map {
                    SourceLocation(line: marked[$0].line, column: marked[$0].column)
                })
        #expect(mentions.allSatisfy { $0.location.file == "steps.rst" })
    }

    @Test func ignoresOtherRolesAndLiterals() {
        let (_, blocks) = body(
            """
            Step 1: Check
            ~~~~~~~~~~~~~

            Run :dbcommand:`usersInfo` and ``backup``.

            .. code-block:: sh

               :authrole:`backup`
            """)
        #expect(RoleMention.mentions(of: "authrole", in: blocks, file: "steps.rst").isEmpty)
    }
}
