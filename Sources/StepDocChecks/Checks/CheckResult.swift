/// One check's outcome in a suite run.
public struct CheckResult: Sendable, Equatable {
    public var checkID: String
    public var outcome: CheckOutcome

    public init(checkID: String, outcome: CheckOutcome) {
        self.checkID = checkID
        self.outcome = outcome
    }
}
