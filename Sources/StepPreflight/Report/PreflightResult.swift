import StepDocChecks
import StepProject

/// One line of a preflight report: a documented step and what its check concluded, or a step without
/// a check, or a check without a documented step.
public struct PreflightResult: Sendable, Equatable {
    /// How a step fared.
    public enum Status: String, Sendable, CaseIterable {
        case pass
        case fail
        case cannotTell = "cannot-tell"
        /// A documented step no check implements: nothing to run.
        case noCheck = "no-check"

        /// The mark printed before the step: `✔`, `✘`, `?`, `–`.
        public var symbol: String {
            switch self {
            case .pass: "✔"
            case .fail: "✘"
            case .cannotTell: "?"
            case .noCheck: "–"
            }
        }

        /// Words for people: `passed`, `failed`, `cannot tell`, `no check`.
        public var label: String {
            switch self {
            case .pass: "passed"
            case .fail: "failed"
            case .cannotTell: "cannot tell"
            case .noCheck: "no check"
            }
        }
    }

    /// The documented number of the step (`"2"`), or nil for a check no step documents.
    public var step: String?
    /// The step's index in the procedure, for renderers that show its body.
    public var stepIndex: Int?
    /// The step's title as plain text (for a check without a step, its title pattern).
    public var title: String
    /// The id of the check that ran, or nil when no check implements the step.
    public var check: String?
    /// What the check concluded; nil when no check implements the step.
    public var outcome: CheckOutcome?
    /// The step's documented body as plain text: the remedy, in the documentation's own words.
    public var documentation: String

    public init(
        step: String?, stepIndex: Int?, title: String, check: String?, outcome: CheckOutcome?, documentation: String
    ) {
        self.step = step
        self.stepIndex = stepIndex
        self.title = title
        self.check = check
        self.outcome = outcome
        self.documentation = documentation
    }

    public var status: Status {
        switch outcome {
        case .pass?: .pass
        case .fail?: .fail
        case .cannotTell?: .cannotTell
        case nil: .noCheck
        }
    }

    /// Why it failed or cannot tell.
    public var reason: String? {
        switch outcome {
        case .fail(let reason, _)?, .cannotTell(_, let reason)?: reason
        case .pass?, nil: nil
        }
    }

    /// What the check suggests doing, when it knows.
    public var remedy: String? {
        if case .fail(_, let remedy)? = outcome { return remedy }
        return nil
    }

    /// What a passing check saw.
    public var detail: String? {
        if case .pass(let detail)? = outcome { return detail }
        return nil
    }

    /// The fact to collect when the check cannot tell.
    public var missingFact: String? {
        if case .cannotTell(let fact, _)? = outcome { return fact }
        return nil
    }
}
