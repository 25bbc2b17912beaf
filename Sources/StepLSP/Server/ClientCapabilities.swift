/// What the client said it supports in `initialize`, as far as the server's answers depend on it.
struct ClientCapabilities: Sendable, Equatable {
    var positionEncodings: [String] = []
    var relatedInformation = false
    var codeDescription = false
    var diagnosticTags: Set<Int> = []
    var hierarchicalSymbols = false
    var hoverMarkdown = false
    var snippets = false

    init() {}

    init(_ json: JSON?) {
        let document = json?["textDocument"]
        positionEncodings = json?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let diagnostics = document?["publishDiagnostics"]
        relatedInformation = diagnostics?["relatedInformation"]?.boolValue ?? false
        codeDescription = diagnostics?["codeDescriptionSupport"]?.boolValue ?? false
        diagnosticTags = Set(diagnostics?["tagSupport"]?["valueSet"]?.arrayValue?.compactMap(\.intValue) ?? [])
        hierarchicalSymbols = document?["documentSymbol"]?["hierarchicalDocumentSymbolSupport"]?.boolValue ?? false
        hoverMarkdown =
            document?["hover"]?["contentFormat"]?.arrayValue?.contains(.string("markdown")) ?? false
        snippets = document?["completion"]?["completionItem"]?["snippetSupport"]?.boolValue ?? false
    }
}
