import StepModel
import StepRender
import StepSyntax
import Testing

/// giza's YAML tabs and `.. tab::` children: a tab strip in HTML, a section per tab elsewhere.
@Suite struct TabRenderingTests {
    private let yamlTabs = [
        ".. tabs::", "", "   tabs:", "     - id: windows", "       name: Windows", "       content: |",
        "         Run ``mongod.exe``.", "", "     - id: macos", "       content: |",
        "         Run the :badrole:`x` ``mongod``.",
    ]

    @Test func readsGizaYAMLTabsWithTheirContentAsRestructuredText() throws {
        let html = try RenderTestSupport.bodyHTML(yamlTabs)
        #expect(!html.contains("id: windows"), "the YAML is read, not shown: \(html)")
        #expect(html.contains("role=\"tablist\""))
        #expect(html.contains(">Windows</button>"), "\(html)")
        #expect(html.contains(">macOS</button>"), "known ids get MongoDB's names: \(html)")
        #expect(html.contains("<code>mongod.exe</code>"), "\(html)")
        #expect(html.contains("aria-selected=\"true\" tabindex=\"0\""))
    }

    @Test func pointsFindingsInsideATabAtTheFile() throws {
        var diagnostics: [Diagnostic] = []
        _ = Procedure(parsing: SourceFile(path: "t.rst", text: GizaStep.text(yamlTabs)), diagnostics: &diagnostics)
        let role = diagnostics.first { $0.id == "rst.unknown-role" }
        let lines = GizaStep.text(yamlTabs).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(":badrole:") })
        let column = try #require(lines[line].range(of: ":badrole:")).lowerBound.utf16Offset(in: lines[line]) + 1
        #expect(role?.location?.range.lowerBound.line == line + 1, "\(diagnostics)")
        #expect(role?.location?.range.lowerBound.column == column, "\(diagnostics)")
    }

    @Test func writesASectionPerTabInPlainTextAndCommonMark() {
        let text = RenderTestSupport.bodyText(yamlTabs)
        #expect(text.contains("Windows\n^^^^^^^\n\nRun mongod.exe."), "\(text)")
        #expect(text.contains("macOS\n^^^^^\n\nRun the x mongod."), "\(text)")
        let markdown = RenderTestSupport.pageMarkdown(yamlTabs)
        #expect(markdown.contains("#### Windows"), "\(markdown)")
    }

    @Test func titleCasesUnknownIds() throws {
        let html = try RenderTestSupport.bodyHTML([
            ".. tabs-drivers::", "", "   tabs:", "     - id: java-sync", "       content: |", "         Java.",
            "     - id: my-driver", "       content: |", "         Mine.",
        ])
        #expect(html.contains(">Java (Sync)</button>") && html.contains(">My Driver</button>"), "\(html)")
    }

    @Test func reportsTabsThatAreNotValidYAML() {
        var diagnostics: [Diagnostic] = []
        _ = Procedure(
            parsing: SourceFile(path: "t.rst", text: GizaStep.text([".. tabs::", "", "   tabs:", "     - id: [x"])),
            diagnostics: &diagnostics)
        #expect(
            diagnostics.contains { $0.id == "rst.directive" && $0.summary.contains("not valid YAML") }, "\(diagnostics)"
        )
    }
}
