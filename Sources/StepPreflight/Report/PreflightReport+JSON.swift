import Foundation
import StepProject

extension PreflightReport {
    /// The version of the JSON schema ``json`` writes; it changes only when a key changes meaning or goes.
    public static let jsonSchemaVersion = 1

    /// The report as JSON for machines, keys sorted, every key always present (null when it does not
    /// apply):
    ///
    /// ```json
    /// {
    ///   "facts": "facts.json",
    ///   "passed": false,
    ///   "procedure": "content/atlas-live-migration-prerequisites.rst",
    ///   "results": [
    ///     {"check": "server-version", "detail": null, "missingFact": null, "outcome": "fail",
    ///      "reason": "MongoDB 2.4.14 is older than 2.6", "remedy": "upgrade …", "step": "2",
    ///      "title": "Your current MongoDB database is running MongoDB 2.6+"}
    ///   ],
    ///   "suite": "atlas-live-migration-prerequisites",
    ///   "version": 1
    /// }
    /// ```
    ///
    /// `outcome` is `pass`, `fail`, `cannot-tell` or `no-check`; `step` is null for a check no step
    /// documents, `check` null for a step no check implements.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(JSONReport(self)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

private struct JSONReport: Encodable {
    var report: PreflightReport

    init(_ report: PreflightReport) {
        self.report = report
    }

    enum CodingKeys: String, CodingKey {
        case version, facts, procedure, suite, passed, results
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(PreflightReport.jsonSchemaVersion, forKey: .version)
        try container.encode(report.facts, forKey: .facts)
        try container.encode(report.procedure, forKey: .procedure)
        try container.encode(report.suite, forKey: .suite)
        try container.encode(report.passed, forKey: .passed)
        try container.encode(report.results.map(JSONResult.init), forKey: .results)
    }
}

private struct JSONResult: Encodable {
    var result: PreflightResult

    init(_ result: PreflightResult) {
        self.result = result
    }

    enum CodingKeys: String, CodingKey {
        case step, title, check, outcome, reason, missingFact, remedy, detail
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Optionals are encoded explicitly so that absent values are null, not missing keys.
        try container.encode(result.step, forKey: .step)
        try container.encode(result.title, forKey: .title)
        try container.encode(result.check, forKey: .check)
        try container.encode(result.status.rawValue, forKey: .outcome)
        try container.encode(result.reason, forKey: .reason)
        try container.encode(result.missingFact, forKey: .missingFact)
        try container.encode(result.remedy, forKey: .remedy)
        try container.encode(result.detail, forKey: .detail)
    }
}
