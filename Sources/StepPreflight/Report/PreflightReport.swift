import StepDocChecks
import StepModel
import StepParity
import StepProject
import StepRender

/// The outcome of a procedure's checks on one deployment's facts, step by step in documented order.
///
/// Each documented step gets the outcome of the check that implements it (matched as parity matches,
/// by title) and its body as plain text: for a failing step the documentation is the remedy. Steps no
/// check implements are listed as such; checks no step documents still run, and follow the steps.
public struct PreflightReport: Sendable, Equatable {
    /// The step file, as named on the command line.
    public var procedure: String
    /// The check suite that ran.
    public var suite: String
    /// The facts file, as named on the command line (`-` for standard input).
    public var facts: String
    public var results: [PreflightResult]

    public init(procedure: String, suite: String, facts: String, results: [PreflightResult]) {
        self.procedure = procedure
        self.suite = suite
        self.facts = facts
        self.results = results
    }

    /// Runs every check of `suite` on `facts` and lines the outcomes up with the steps of `procedure`.
    public init<Facts>(
        procedure: Procedure, suite: CheckSuite<Facts>, facts: Facts, factsFile: String,
        options: RenderOptions = RenderOptions()
    ) {
        self.init(
            procedure: procedure, suite: suite.definition, results: suite.evaluate(facts), factsFile: factsFile,
            options: options)
    }

    /// Lines up the outcomes of a suite's checks (run here or by a runner) with the steps of `procedure`;
    /// a check without a result cannot tell.
    ///
    /// - Parameter options: where the documented bodies wrap (they are printed indented, so pass the width
    ///   that is left).
    public init(
        procedure: Procedure, suite: SuiteDefinition, results: [CheckResult], factsFile: String,
        options: RenderOptions = RenderOptions()
    ) {
        let matching = StepCheckMatching(procedure: procedure, suite: suite)
        var byID: [String: CheckOutcome] = [:]
        for result in results where byID[result.checkID] == nil {
            byID[result.checkID] = result.outcome
        }
        let outcomes = suite.checks.map {
            byID[$0.id] ?? .cannotTell(missingFact: "outcome of \($0.id)", reason: "the runner gave no outcome for it")
        }
        let renderer = PlainTextRenderer(options: options)
        var results: [PreflightResult] = []
        for (index, step) in procedure.steps.enumerated() {
            let copy = step.primary
            let number = copy.numberText.isEmpty ? String(index + 1) : copy.numberText
            let documentation = renderer.render(body: copy.body, stepLevel: copy.heading.level)
            let matches = matching.matches(forStep: index)
            if matches.isEmpty {
                results.append(
                    PreflightResult(
                        step: number, stepIndex: index, title: step.titleText, check: nil, outcome: nil,
                        documentation: documentation))
            }
            for match in matches {
                results.append(
                    PreflightResult(
                        step: number, stepIndex: index, title: step.titleText, check: suite.checks[match.check].id,
                        outcome: outcomes[match.check], documentation: documentation))
            }
        }
        for index in matching.unmatchedChecks {
            let check = suite.checks[index]
            results.append(
                PreflightResult(
                    step: nil, stepIndex: nil, title: check.title.raw, check: check.id,
                    outcome: outcomes[index], documentation: ""))
        }
        self.init(procedure: procedure.file, suite: suite.id, facts: factsFile, results: results)
    }

    /// Whether every check passed (steps without a check do not count against it) and at least one
    /// documented step was verified: a run in which no step matched a check proved nothing.
    public var passed: Bool {
        verifiesAStep && results.allSatisfy { $0.status == .pass || $0.status == .noCheck }
    }

    /// Whether some documented step matched a check, so that the run verified something.
    public var verifiesAStep: Bool {
        results.contains { $0.step != nil && $0.status != .noCheck }
    }

    /// How many results have `status`.
    public func count(_ status: PreflightResult.Status) -> Int {
        results.filter { $0.status == status }.count
    }

    /// `all 5 checks passed`, or `3 of 5 checks passed, 1 failed, 1 cannot tell`, with steps that have
    /// no check counted at the end.
    public var summaryLine: String {
        guard verifiesAStep else {
            let steps = results.filter { $0.step != nil }.count
            let checks = results.filter { $0.step == nil }.count
            return "no documented step matched a check of suite \(suite), so nothing was verified ("
                + (steps == 1 ? "1 step" : "\(steps) steps") + ", "
                + (checks == 1 ? "1 check" : "\(checks) checks")
                + " without a match): is the procedure bound to the right suite?"
        }
        let checks = results.count - count(.noCheck)
        let checkWord = checks == 1 ? "check" : "checks"
        var line: String
        if count(.pass) == checks {
            line = checks == 1 ? "the check passed" : "all \(checks) checks passed"
        } else {
            line = "\(count(.pass)) of \(checks) \(checkWord) passed"
            if count(.fail) > 0 { line += ", \(count(.fail)) failed" }
            if count(.cannotTell) > 0 { line += ", \(count(.cannotTell)) cannot tell" }
        }
        let unchecked = count(.noCheck)
        if unchecked > 0 {
            line += unchecked == 1 ? "; 1 step has no check" : "; \(unchecked) steps have no check"
        }
        return line
    }
}
