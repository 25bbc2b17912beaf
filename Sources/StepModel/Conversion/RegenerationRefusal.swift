import StepSyntax

/// Why a file was not rewritten: regenerating it from its steps would lose or garble content (a
/// step without a title, lines that belong to no step, bytes that are not text).
public struct RegenerationRefusal: Error, Sendable, Equatable {
    public var file: String
    /// The problems, each at its place in the file.
    public var diagnostics: [Diagnostic]

    public init(file: String, diagnostics: [Diagnostic]) {
        self.file = file
        self.diagnostics = diagnostics
    }
}
