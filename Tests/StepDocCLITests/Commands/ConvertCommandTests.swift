import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// `stepdoc convert` run as a process: file names, round trips and giza's own output.
@Suite struct ConvertCommandTests {
    @Test func convertsGizaToAProcedureAndBackByteForByte() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let seed = try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
        try folder.write(Array(seed.utf8), to: "steps.rst")
        let there = try folder.run(["convert", "--to", "procedure", "steps.rst"])
        #expect(there.status == 0, "\(there.standardError)")
        #expect(there.standardOutput == "wrote steps.procedure.rst\n")
        #expect(folder.contents(of: "steps.rst") == seed)
        let procedure = try #require(folder.contents(of: "steps.procedure.rst"))
        #expect(procedure.hasPrefix(".. stepdoc: giza era=2017 heading=`\n\n.. procedure::\n"))
        let back = try folder.run(["convert", "--to", "giza", "steps.procedure.rst", "--output", "back"])
        #expect(back.status == 0, "\(back.standardError)")
        #expect(back.standardOutput == "wrote back/steps.rst\n")
        #expect(folder.contents(of: "back/steps.rst") == seed)
    }

    @Test func writesYAMLBesideTheInputWithGizasName() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array(try String(contentsOf: Fixtures.seedFile(), encoding: .utf8).utf8), to: "docs/setup.rst")
        let outcome = try folder.run(["convert", "--to", "yaml", "docs/setup.rst"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "wrote docs/steps-setup.yaml\n")
        let check = try folder.run(["check", "docs/steps-setup.yaml"])
        #expect(check.status == 0, "\(check.standardError)")
    }

    @Test func neverOverwritesTheInput() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        let seed = try String(contentsOf: Fixtures.seedFile(), encoding: .utf8)
        try folder.write(Array(seed.utf8), to: "steps.rst")
        let outcome = try folder.run(["convert", "--to", "giza", "steps.rst"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "wrote steps.giza.rst\n")
        #expect(folder.contents(of: "steps.rst") == seed)
        #expect(folder.contents(of: "steps.giza.rst") == seed)
    }

    @Test(.needsShared) func reproducesWhatGizaGeneratedFromTheYAMLSample() throws {
        guard let shared = Fixtures.sharedDirectory() else {
            Issue.record("the trait said ../shared was here, but it is not")
            return
        }
        let samples = shared.appendingPathComponent("corpus/yaml")
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(
            [UInt8](Data(contentsOf: samples.appendingPathComponent("steps-setup-cr.yaml"))), to: "steps-setup-cr.yaml")
        let outcome = try folder.run(["convert", "--to", "giza", "steps-setup-cr.yaml"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let expected = try String(contentsOf: samples.appendingPathComponent("steps-setup-cr.rst"), encoding: .utf8)
        let written = try #require(folder.contents(of: "steps-setup-cr.rst"))
        #expect(written == expected, "\(lineDiff(expected, written))")
    }

    @Test func refusesAStepWithoutATitleAndExitsWith1() throws {
        let folder = try StepDocProcess()
        defer { folder.remove() }
        try folder.write(Array("ref: untitled\ncontent: Body.\n".utf8), to: "steps-bad.yaml")
        let outcome = try folder.run(["convert", "--to", "giza", "steps-bad.yaml"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("step 1 has no title"), "\(outcome.standardError)")
        #expect(folder.contents(of: "steps-bad.rst") == nil)
    }
}
