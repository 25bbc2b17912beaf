import Foundation
import StepDocTestSupport
import Testing

/// `stepdoc build` killed at any moment: every output file is either as it was before or complete and
/// new (never torn or empty), and the next build leaves no temporary files behind.
@Suite struct KilledBuildTests {
    static let fileCount = 2000
    static let rounds = 12
    static let wantedInterruptedWrites = 3

    /// A procedure of two steps whose first title says `verb`, so every output changes with it.
    static func procedure(_ index: Int, verb: String) -> String {
        GizaSource.step("1", "\(verb) server \(index)", ["Run the command on server \(index)."])
            + GizaSource.step("2", "Check the version", ["Read the output."])
    }

    /// The content folder as version `verb`.
    static func writeContent(_ project: BadInputProject, verb: String) throws {
        for index in 1...fileCount {
            try project.write(procedure(index, verb: verb), to: "content/p\(index).rst")
        }
    }

    /// Every file under the output folder (hidden temporaries included), by path relative to it.
    static func outputFiles(_ project: BadInputProject) -> [String: Data] {
        let root = project.directory.appendingPathComponent("out")
        var files: [String: Data] = [:]
        let paths = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        for path in paths {
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

    /// Starts `stepdoc build` of the content into `out/`, output to /dev/null.
    static func startBuild(_ project: BadInputProject) throws -> Process {
        let process = Process()
        process.executableURL = try StepDocProcess.executable()
        process.arguments = [
            "build", "--jobs", "2", "--templates", Fixtures.projectRoot().appendingPathComponent("templates").path,
            "--output", "out", "content",
        ]
        process.currentDirectoryURL = project.directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs a complete build and returns how long it took.
    static func completeBuild(_ project: BadInputProject) throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let process = try startBuild(project)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "a complete build failed")
        return clock.now - start
    }

    @Test func leavesEveryOutputOldOrNewWhenKilledAndNoTemporariesAfterTheNextBuild() throws {
        let project = try BadInputProject()
        defer { project.remove() }

        // The two versions of every output, each from a complete build.
        try Self.writeContent(project, verb: "Open")
        let fullBuild = try Self.completeBuild(project)
        let old = Self.outputFiles(project)
        try Self.writeContent(project, verb: "Close")
        _ = try Self.completeBuild(project)
        let new = Self.outputFiles(project)
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
            for (path, data) in old {
                try data.write(to: project.directory.appendingPathComponent("out").appendingPathComponent(path))
            }
            let delay = Double.random(in: window.low...window.high, using: &random)
            let process = try Self.startBuild(project)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            var written = 0
            for (path, data) in Self.outputFiles(project) {
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
            #expect(Self.outputFiles(project).keys.filter { !Self.isTemporary($0) }.count == old.count)
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
        _ = try Self.completeBuild(project)
        let final = Self.outputFiles(project)
        let temporaries = final.keys.filter(Self.isTemporary)
        #expect(temporaries.isEmpty, "temporary files remain: \(temporaries.prefix(5))")
        #expect(final.count == new.count && final.allSatisfy { new[$0.key] == $0.value })
        print(
            "killed builds: \(interruptedWrites) interrupted while writing, \(temporariesSeen) temporaries left behind")
    }
}
