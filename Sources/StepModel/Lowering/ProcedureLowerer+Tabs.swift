import StepSyntax

extension ProcedureLowerer {
    /// giza's YAML tabs, read where they stand in the file: each tab's `content` is reStructuredText,
    /// lowered like any body, its name the tab's title (or the id's title, for MongoDB's known ids).
    mutating func yamlTabs(_ text: String, at start: SourceLocation) -> [Tab] {
        let placed = YAMLText(
            text: text, file: SourceFile(path: currentFile, bytes: []), line: start.line, column: start.column,
            range: start..<start
        ).indentedSource
        bytesParsed += placed.bytes.count
        var reader = GizaYAMLReader(includes: options.includes, maximumDepth: options.maximumIncludeDepth)
        reader.lineOffset = start.line - 1
        let tabs = reader.tabs(of: placed)
        diagnostics.append(contentsOf: reader.diagnostics)
        var styles = titleStyles
        var result: [Tab] = []
        for tab in tabs {
            let title: [Inline]
            if let name = tab.name {
                var found: [Diagnostic] = []
                let nodes = InlineParser.parse(
                    Array(name.text.utf8), map: InlineSourceMap(line: name.line, column: name.column),
                    file: currentFile, diagnostics: &found)
                diagnostics.append(contentsOf: found)
                title = lowerInlines(nodes)
            } else {
                title = [Inline(.text(TabNames.title(forID: tab.id)), range: tab.range)]
            }
            var body: [Block] = []
            if let content = tab.content {
                let blocks = parse(content, styles: &styles)
                collectDefinitions(in: blocks)
                body = lowerBlocks(blocks)
            }
            result.append(Tab(id: tab.id.isEmpty ? title.plainText : tab.id, title: title, body: body))
        }
        titleStyles = styles
        return result
    }
}

/// The titles of MongoDB's tab ids (`tabs-drivers`, `tabs-platforms`, `tabs-selector`), as its sites
/// show them; other ids are title-cased (`java-sync` → "Java Sync").
enum TabNames {
    static let known: [String: String] = [
        "shell": "MongoDB Shell", "mongosh": "MongoDB Shell", "compass": "Compass", "atlas": "Atlas",
        "atlas-ui": "Atlas UI", "atlas-cli": "Atlas CLI", "atlas-admin-api": "Atlas Admin API", "python": "Python",
        "motor": "Motor", "java-sync": "Java (Sync)", "java-async": "Java (Async)", "nodejs": "Node.js",
        "php": "PHP", "perl": "Perl", "ruby": "Ruby", "scala": "Scala", "csharp": "C#", "c": "C", "cpp": "C++11",
        "go": "Go", "kotlin": "Kotlin (Coroutine)", "kotlin-sync": "Kotlin (Sync)", "swift-sync": "Swift (Sync)",
        "swift-async": "Swift (Async)", "rust": "Rust", "typescript": "TypeScript", "windows": "Windows",
        "macos": "macOS", "osx": "macOS", "linux": "Linux", "debian": "Debian", "ubuntu": "Ubuntu", "rhel": "RHEL",
        "amazon": "Amazon Linux", "suse": "SUSE", "docker": "Docker", "kubernetes": "Kubernetes",
    ]

    static func title(forID id: String) -> String {
        if let title = known[id] { return title }
        return id.split(whereSeparator: { $0 == "-" || $0 == "_" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
    }
}
