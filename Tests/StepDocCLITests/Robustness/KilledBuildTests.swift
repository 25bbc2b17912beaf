import Foundation
import StepDocTestSupport
import StepProject
import StepReports
import Testing

/// `stepdoc build` killed at any moment: every output file is either as it was before or complete and
/// new (never torn or empty), the next build leaves no temporary files behind, and an incremental build
/// after a killed one writes what the killed one did not.
@Suite struct KilledBuildTests {
    static let fileCount = 600
    static let rounds = 10
    static let wantedInterruptedWrites = 3

    /// A procedure of two steps whose first title says `verb`, so every output changes with it.
    static func procedure(_ index: Int, verb: String) -> String {
        GizaSource.step("1", "\(verb) server \(index)", ["Run the command on server \(index)."])
            + GizaSource.step("2", "Check the version", ["Read the output."])
    }

    /// The content folder as version `verb` (written off the concurrency pool).
    static func writeContent(_ project: BadInputProject, verb: String) async throws {
        try await inHeavyLane {
            for index in 1...fileCount {
                try project.write(procedure(index, verb: verb), to: "content/p\(index).rst")
            }
        }
    }

    /// Every file under the output's `html/` and `text/` folders (hidden temporaries included), by
    /// path relative to the output folder.
    static func outputFiles(_ project: BadInputProject) async throws -> [String: Data] {
        try await inHeavyLane { outputFilesNow(project) }
    }

    private static func outputFilesNow(_ project: BadInputProject) -> [String: Data] {
        let root = project.directory.appendingPathComponent("out")
        var files: [String: Data] = [:]
        let paths = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        // The pages; `html/_static/` holds the highlighter, the same in every build.
        for path in paths where (path.hasPrefix("html/") || path.hasPrefix("text/")) && !path.hasPrefix("html/_static/")
        {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: url.path) ?? Data()
            }
        }
        return files
    }

    static func isTemporary(_ path: String) -> Bool {
        path.contains(".stepdoc-tmp-")
    }

    /// Starts `stepdoc build` of the content into `out/`, output to /dev/null; without the build cache
    /// unless `cache` (the rounds rewrite outputs behind its back).
    static func startBuild(_ project: BadInputProject, cache: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = try StepDocProcess.executable()
        process.arguments =
            [
                "build", "--jobs", "2", "--templates", Fixtures.projectRoot().appendingPathComponent("templates").path,
                "--output", "out", "content",
            ] + (cache ? [] : ["--no-cache"])
        process.currentDirectoryURL = project.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs a complete build (off the concurrency pool) and returns how long it took.
    static func completeBuild(_ project: BadInputProject, cache: Bool = false) async throws -> Duration {
        let (status, duration) = try await inHeavyLane {
            let clock = ContinuousClock()
            let start = clock.now
            let process = try startBuild(project, cache: cache)
            process.waitUntilExit()
            return (process.terminationStatus, clock.now - start)
        }
        #expect(status == 0, "a complete build failed")
        return duration
    }

    /// Starts a build and kills it with SIGKILL after `delay` seconds (off the concurrency pool).
    static func killedBuild(_ project: BadInputProject, after delay: Double, cache: Bool = false) async throws {
        _ = try await inHeavyLane {
            let process = try startBuild(project, cache: cache)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    @Test func leavesEveryOutputOldOrNewWhenKilledAndNoTemporariesAfterTheNextBuild() async throws {
        let project = try BadInputProject()
        defer { project.remove() }

        // The two versions of every output, each from a complete build.
        try await Self.writeContent(project, verb: "Open")
        let fullBuild = try await Self.completeBuild(project)
        let old = try await Self.outputFiles(project)
        try await Self.writeContent(project, verb: "Close")
        _ = try await Self.completeBuild(project)
        let new = try await Self.outputFiles(project)
        #expect(old.count == 2 * Self.fileCount && new.count == old.count)
        #expect(old.keys.allSatisfy { old[$0] != new[$0] }, "every output must change between the versions")

        // Rounds: outputs reset to the old version, a build of the new content killed after a random
        // delay. The window of delays follows what the rounds see, so that kills land while files are
        // being written (some outputs new, some old) and not only before or after.
        var random = SplitMix64(seed: 0x5EED_0007)
        var window = (low: 0.0, high: fullBuild / .seconds(1) * 1.5)
        var interruptedWrites = 0
        var temporariesSeen = 0
        for round in 1...Self.rounds where interruptedWrites < Self.wantedInterruptedWrites || round <= 4 {
            try await inHeavyLane {
                for (path, data) in old {
                    try data.write(to: project.directory.appendingPathComponent("out").appendingPathComponent(path))
                }
            }
            let delay = Double.random(in: window.low...window.high, using: &random)
            try await Self.killedBuild(project, after: delay)

            var written = 0
            for (path, data) in try await Self.outputFiles(project) {
                if Self.isTemporary(path) {
                    temporariesSeen += 1
                    continue
                }
                if data == new[path] {
                    written += 1
                } else if data != old[path] {
                    Issue.record(
                        "round \(round) (killed after \(delay) s): \(path) is neither the old nor the new output")
                }
            }
            #expect(try await Self.outputFiles(project).keys.filter { !Self.isTemporary($0) }.count == old.count)
            if written == 0 {
                window.low = delay
            } else if written == new.count {
                window.high = delay
            } else {
                interruptedWrites += 1
            }
            if window.high - window.low < 0.05 { window = (max(0, window.low - 0.5), window.high + 0.5) }
        }
        #expect(
            interruptedWrites >= 1,
            "no round killed the build while it was writing (window \(window)); the test proved nothing")

        // The next build completes the new version and removes what killed builds left.
        _ = try await Self.completeBuild(project)
        let final = try await Self.outputFiles(project)
        let temporaries = final.keys.filter(Self.isTemporary)
        #expect(temporaries.isEmpty, "temporary files remain: \(temporaries.prefix(5))")
        #expect(final.count == new.count && final.allSatisfy { new[$0.key] == $0.value })

        // With the build cache: a build of the old content, one of the new content killed while it
        // writes, then an incremental build must bring every output to the new version.
        try await Self.writeContent(project, verb: "Open")
        _ = try await Self.completeBuild(project, cache: true)
        #expect(try await Self.outputFiles(project) == old)
        try await Self.writeContent(project, verb: "Close")
        try await Self.killedBuild(project, after: (window.low + window.high) / 2, cache: true)
        _ = try await Self.completeBuild(project, cache: true)
        let incremental = try await Self.outputFiles(project)
        #expect(incremental.keys.filter(Self.isTemporary).isEmpty)
        let stale = incremental.filter { new[$0.key] != $0.value }.count
        #expect(
            incremental.count == new.count && stale == 0,
            "an incremental build after a killed one left \(stale) outputs stale")
        print(
            "killed builds: \(interruptedWrites) interrupted while writing, \(temporariesSeen) temporaries left behind")
    }
}
