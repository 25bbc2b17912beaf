typealias FeatureContext = LanguageServer.Context

struct CodeActions {
    let analysis: DocumentAnalysis
    let server: FeatureContext
    func actions(_ params: JSON) -> JSON { [] }
}

struct DocumentFormatting {
    let analysis: DocumentAnalysis
    let server: FeatureContext
    func edits() throws(ResponseError) -> JSON { [] }
}

struct DocumentSymbols {
    let analysis: DocumentAnalysis
    let server: FeatureContext
    func symbols() -> JSON { [] }
}

struct Hover {
    let analysis: DocumentAnalysis
    let server: FeatureContext
    func hover(_ params: JSON) throws(ResponseError) -> JSON { .null }
}

struct Definition {
    let analysis: DocumentAnalysis
    let server: FeatureContext
    func locations(_ params: JSON) throws(ResponseError) -> JSON { .null }
}

struct References {
    let analysis: DocumentAnalysis
    let server: FeatureContext
    func locations(_ params: JSON) throws(ResponseError) -> JSON { [] }
}

struct Completion {
    let analysis: DocumentAnalysis
    let server: FeatureContext
    func items(_ params: JSON) throws(ResponseError) -> JSON { [] }
}
