import StepModel

/// A step rendered to HTML, ready for a template.
public struct RenderedStep: Sendable, Equatable {
    /// The number as documented ("3"), or its position when the number is missing.
    public var number: String
    /// `step-3`, unique within the page.
    public var anchor: String
    public var titleHTML: String
    public var bodyHTML: String
    public var isOptional: Bool
    public var label: String?
}
