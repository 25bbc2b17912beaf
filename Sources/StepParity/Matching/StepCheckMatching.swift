import StepDocChecks
import StepModel

/// Which check implements which step: a check implements a step when its title pattern matches the
/// step's plain title (whitespace collapsed, case-insensitive, as ``TitlePattern/match(_:)`` compares).
///
/// The title is the primary copy's (the HTML branch's); that the other copy says the same is
/// `steps.branches-agree`'s business.
public struct StepCheckMatching: Sendable, Equatable {
    /// One step matched by one check, with what the title's placeholders captured.
    public struct Match: Sendable, Equatable {
        /// The index of the step in ``Procedure/steps``.
        public var step: Int
        /// The index of the check in ``SuiteDefinition/checks``.
        public var check: Int
        /// Placeholder name → the text of the title it captured: `["version": "2.6"]`.
        public var captures: [String: String]

        public init(step: Int, check: Int, captures: [String: String]) {
            self.step = step
            self.check = check
            self.captures = captures
        }
    }

    /// Every match, by step (documented order), then by check (suite order).
    public let matches: [Match]
    /// How many steps the procedure has.
    public let stepCount: Int
    /// How many checks the suite has.
    public let checkCount: Int

    public init(procedure: Procedure, suite: SuiteDefinition) {
        var matches: [Match] = []
        for (stepIndex, step) in procedure.steps.enumerated() {
            for (checkIndex, check) in suite.checks.enumerated() {
                if let captures = check.title.match(step.titleText) {
                    matches.append(Match(step: stepIndex, check: checkIndex, captures: captures))
                }
            }
        }
        self.matches = matches
        self.stepCount = procedure.steps.count
        self.checkCount = suite.checks.count
    }

    /// The checks that implement the step at `index`, in suite order.
    public func matches(forStep index: Int) -> [Match] {
        matches.filter { $0.step == index }
    }

    /// The steps the check at `index` implements, in documented order.
    public func matches(forCheck index: Int) -> [Match] {
        matches.filter { $0.check == index }
    }

    /// The indices of steps no check implements.
    public var unmatchedSteps: [Int] {
        let matched = Set(matches.map(\.step))
        return (0..<stepCount).filter { !matched.contains($0) }
    }

    /// The indices of checks that implement no step.
    public var unmatchedChecks: [Int] {
        let matched = Set(matches.map(\.check))
        return (0..<checkCount).filter { !matched.contains($0) }
    }
}
