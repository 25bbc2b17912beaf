import ArgumentParser
import CorpusGen
import Foundation
import StepDocCLI

/// `preview-latency`: starts the preview on a generated project and measures, over a number of saves of
/// one file, the time from the write to the reload event reaching an open page; then the memory the
/// server holds once it is steady.
@main
struct PreviewLatencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview-latency",
        abstract: "Time from saving a step file to the preview's reload event, and the preview's memory.")

    @Option(help: "Step files in the project (corpus-gen's files/step-0001 … with --seed).")
    var files = 200

    @Option(help: "Saves to time.")
    var writes = 20

    @Option(help: "The corpus seed.")
    var seed: UInt64 = 1

    @Option(help: "The templates folder (default: the project's templates/).")
    var templates: String?

    @Option(help: "The preview's debounce window in milliseconds.")
    var debounce = 30

    @Flag(help: "Watch by polling every 250 ms instead of inotify.")
    var poll = false

    func validate() throws {
        guard files >= 1, writes >= 1 else { throw ValidationError("--files and --writes must be at least 1") }
    }

    func run() async throws {
        let baseline = ResidentMemory.now()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "preview-latency-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var layout = CorpusLayout(fileCount: files)
        layout.inputs.removeAll { !$0.name.hasPrefix("files/") }
        _ = try CorpusWriter(layout: layout, seed: seed, markdown: false).write(to: folder)
        let content = folder.appendingPathComponent("files").path
        let templatesFolder = templates ?? Self.projectTemplates()

        var settings = PreviewSettings(
            config: StepDocConfig(), contentPaths: [content], templatesFolder: templatesFolder, templateName: "default")
        settings.port = 0
        settings.jobs = ProcessInfo.processInfo.activeProcessorCount
        settings.debounce = .milliseconds(debounce)
        settings.watchMode = poll ? .polling : .automatic
        let clock = ContinuousClock()
        let startedAt = clock.now
        let server = try PreviewServer(settings: settings)
        let url = try await server.start()
        let startup = clock.now - startedAt
        let port = UInt16(url.split(separator: ":").last?.prefix { $0.isNumber } ?? "") ?? 0

        let listener = try ReloadListener(port: port)
        defer { listener.close() }
        let connectDeadline = clock.now + .seconds(5)
        while !listener.isConnected, clock.now < connectDeadline { try await Task.sleep(for: .milliseconds(1)) }
        guard listener.isConnected else { throw BenchmarkFailure("the event stream did not open") }

        // The file in the middle of the project; each save changes one word, as a writer would.
        let page = "step-" + String(format: "%04d", (files + 1) / 2)
        let path = content + "/" + page + ".rst"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        guard
            let paragraph = original.range(
                of: "\n\n   ", options: [],
                range: original.index(original.startIndex, offsetBy: 200)..<original.endIndex)
        else { throw BenchmarkFailure("\(path) has no paragraph to edit") }

        var latencies: [Duration] = []
        for round in 0..<(writes + 3) {
            var edited = original
            edited.insert(contentsOf: "edit\(round) ", at: paragraph.upperBound)
            let skip = listener.count
            let written = clock.now
            try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
            guard let arrival = await listener.arrival(of: page, after: skip, timeout: .seconds(5)) else {
                throw BenchmarkFailure(
                    "no reload event for \(page) within 5 s of save \(round) (\(listener.count) events: \(listener.pages))"
                )
            }
            if round >= 3 { latencies.append(arrival - written) }  // the first saves warm caches up
            try await Task.sleep(for: .milliseconds(100))  // separate saves, not one burst
        }
        try await Task.sleep(for: .milliseconds(500))
        let memory = ResidentMemory.now()
        await server.stop()

        let sorted = latencies.sorted()
        let median = sorted[sorted.count / 2]
        let p95 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
        print(
            "preview-latency: \(files) files, \(writes) saves of \(page).rst, \(poll ? "polling" : "inotify"), debounce \(debounce) ms"
        )
        print("  start (read + check all):   \(Self.milliseconds(startup))")
        print(
            "  save → reload event:        median \(Self.milliseconds(median)), p95 \(Self.milliseconds(p95)), "
                + "min \(Self.milliseconds(sorted[0])), max \(Self.milliseconds(sorted[sorted.count - 1]))")
        print(
            "  resident memory, steady:    \(ResidentMemory.mebibytes(memory.current)) "
                + "(peak \(ResidentMemory.mebibytes(memory.peak)), before the server \(ResidentMemory.mebibytes(baseline.current)))"
        )
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    /// `templates/` of the stepdoc package this benchmark package sits in.
    private static func projectTemplates(file: String = #filePath) -> String {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates").path
    }
}
