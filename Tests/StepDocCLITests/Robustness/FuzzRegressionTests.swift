import Foundation
import StepDocFuzzing
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// Every input the fuzzers ever crashed on (`Fixtures/fuzz-regressions/`), and the committed seeds of
/// `Fuzz/seeds/`, through the same harness `make fuzz` runs, in-process: each must complete.
@Suite struct FuzzRegressionTests {
    static let regressions = Fixtures.directory().appendingPathComponent("fuzz-regressions")
    static let seeds = Fixtures.projectRoot().appendingPathComponent("Fuzz/seeds")

    static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    static let contentInputs =
        files(in: regressions.appendingPathComponent("content"))
        + files(in: seeds.appendingPathComponent("content"))
    static let factsInputs =
        files(in: regressions.appendingPathComponent("facts"))
        + files(in: seeds.appendingPathComponent("facts"))

    @Test func keepsTheRegressionsAndSeeds() {
        #expect(Self.contentInputs.count >= 3, "\(Self.regressions.path) lost its inputs")
        #expect(!Self.factsInputs.isEmpty)
    }

    @Test(arguments: contentInputs)
    func runsContentInputThroughTheWholePipeline(_ input: URL) throws {
        ContentFuzzing.run([UInt8](try Data(contentsOf: input)))
    }

    @Test(arguments: factsInputs)
    func runsFactsInputThroughTheExpressionAndFactsReaders(_ input: URL) throws {
        FactsFuzzing.run([UInt8](try Data(contentsOf: input)))
    }
}
