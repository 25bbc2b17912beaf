// phase-profile FILE [--templates DIR]: wall time and live heap after each phase of the pipeline on
// one file, so optimisation work can see where time and memory go. Prints one line per phase.
import Foundation
import StepModel
import StepRender
import StepSyntax

/// Resident and peak resident memory in bytes, from /proc/self/status.
func memory() -> (resident: Int, peak: Int) {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func field(_ name: String) -> Int {
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            return (Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "0") ?? 0) * 1024
        }
        return 0
    }
    return (field("VmRSS:"), field("VmHWM:"))
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: phase-profile FILE\n".utf8))
    exit(2)
}
let megabytes = Double(data.count) / 1_048_576
var last = now()
let baseline = memory().resident
@MainActor func report(_ phase: String) {
    let time = now()
    let elapsed = time - last
    let (resident, peak) = memory()
    print(String(format: "%-10@ %8.1f ms %8.1f MiB/s   RSS %7.1f MiB (peak %7.1f, start %5.1f)", phase as NSString,
                 elapsed * 1000, megabytes / elapsed, Double(resident) / 1_048_576, Double(peak) / 1_048_576,
                 Double(baseline) / 1_048_576))
    last = now()
}

let file = SourceFile(path: arguments[1], bytes: [UInt8](data))
report("lines")
var diagnostics: [Diagnostic] = []
let procedure: Procedure
if arguments.contains("--split") {
    // Parse, then lower: the two costs apart (and the memory of a whole syntax tree).
    let tree = SyntaxTree(parsing: file)
    report("parse")
    diagnostics = tree.diagnostics
    procedure = Procedure(lowering: tree, diagnostics: &diagnostics)
    report("lower")
} else {
    // What stepdoc does: parse and lower in one streaming pass.
    procedure = Procedure(parsing: file, diagnostics: &diagnostics)
    report("read")
}
diagnostics += ProcedureRules.check(procedure, in: file)
report("rules")
let text = PlainTextRenderer().render(procedure, title: "Profile")
report("text")
let markdown = MarkdownRenderer().render(procedure, title: "Profile")
report("markdown")
var templates: TemplateSet? = nil
if let folder = arguments.firstIndex(of: "--templates").map({ arguments[$0 + 1] }) {
    let page = try String(contentsOfFile: folder + "/page.mustache", encoding: .utf8)
    let steps = try String(contentsOfFile: folder + "/procedure.mustache", encoding: .utf8)
    templates = try TemplateSet(
        name: "profile", sources: ["page": (folder + "/page.mustache", page), "procedure": (folder + "/procedure.mustache", steps)],
        stylesheet: "")
}
if let templates {
    last = now()
    let html = HTMLRenderer(templates: templates).render(procedure, title: "Profile")
    report("html")
    print("html \(html.utf8.count) bytes")
}
print("steps \(procedure.steps.count), diagnostics \(diagnostics.count), text \(text.utf8.count) bytes, markdown \(markdown.utf8.count) bytes")
