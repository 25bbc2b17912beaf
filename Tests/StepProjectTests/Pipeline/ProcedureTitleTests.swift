import StepModel
import StepProject
import StepSyntax
import Testing

@Suite struct ProcedureTitleTests {
    private let entry = SourceEntry(path: "content/install-on-linux.rst", root: "content", name: "install-on-linux")

    @Test func takesTheProcedureOwnFirstHeadingBeforeTheFileName() {
        var diagnostics: [Diagnostic] = []
        let text =
            "Install MongoDB on Linux\n========================\n\n.. procedure::\n\n   .. step:: Download\n\n      Get it.\n"
        let procedure = Procedure(parsing: SourceFile(path: entry.path, text: text), diagnostics: &diagnostics)
        #expect(
            ProcedureTitle.title(for: entry, config: StepDocConfig(), procedure: procedure)
                == "Install MongoDB on Linux")
        #expect(ProcedureTitle.title(for: entry, config: StepDocConfig()) == "Install On Linux")
    }
}
