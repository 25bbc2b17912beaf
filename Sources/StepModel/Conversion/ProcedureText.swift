/// A procedure as the text of its steps: what the writers need to write it as giza reStructuredText,
/// a `.. procedure::` directive or giza YAML.
///
/// Readers make one from each format (``init(giza:procedure:branch:lowering:)``,
/// ``init(procedureDirective:procedure:)``, ``init(gizaYAML:options:)``); ``GizaWriter``,
/// ``ProcedureDirectiveWriter`` and ``GizaYAMLWriter`` write it. `stepdoc fmt` is a read and a write
/// in the same format, with the steps renumbered.
public struct ProcedureText: Sendable, Equatable {
    public var layout: GizaLayout
    public var steps: [StepText]
    /// Top-level lines after the last step, as written.
    public var epilogue: [String]

    public init(layout: GizaLayout, steps: [StepText], epilogue: [String] = []) {
        self.layout = layout
        self.steps = steps
        self.epilogue = epilogue
    }

    /// The steps numbered 1, 2, 3 …, with legacy `step-N-…` labels following their numbers.
    public func renumbered() -> ProcedureText {
        var copy = self
        for index in copy.steps.indices {
            let old = copy.steps[index].number
            copy.steps[index].number = index + 1
            copy.steps[index].label = copy.steps[index].label(renumberedFrom: old)
        }
        return copy
    }

    /// Whether the numbers are 1, 2, 3 … in order.
    public var isNumberedSequentially: Bool {
        steps.enumerated().allSatisfy { $0.element.number == $0.offset + 1 }
    }
}
