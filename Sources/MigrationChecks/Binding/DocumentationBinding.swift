/// How a check is tied to the documentation: the step title it implements, the documented
/// values it enforces, and where the check is declared.
public struct DocumentationBinding: Sendable, Equatable {
    /// The title of the step the check implements.
    public var titlePattern: TitlePattern
    /// The documented values the check depends on.
    public var values: [BoundValue]
    /// Where the check is declared.
    public var declaration: Declaration

    public init(titlePattern: TitlePattern, values: [BoundValue] = [], declaration: Declaration) {
        self.titlePattern = titlePattern
        self.values = values
        self.declaration = declaration
    }
}
