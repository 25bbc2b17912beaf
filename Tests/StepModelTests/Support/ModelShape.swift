import StepModel

/// What a reader sees of a procedure, without source ranges: numbers, titles and body trees. Two
/// procedures with the same shape render the same.
enum ModelShape {
    static func lines(_ procedure: Procedure, numbers: Bool = true) -> [String] {
        procedure.steps.map { step in
            (numbers ? "\(step.number ?? -1) " : "") + (step.isOptional ? "optional " : "") + step.titleText + " | "
                + step.body.map { $0.dump.rendered.replacing(/@\d+:\d+-\d+:\d+/, with: "") }.joined()
        }
    }
}
