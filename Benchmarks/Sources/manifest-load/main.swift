import Foundation
import StepDocChecks

// Time to read a check manifest of 10,000 checks (issue target: under 100 ms), on a manifest written by
// the library itself: each check with a title placeholder and a bound minimum version, so every value kind
// of the contract's common case is read and validated. Prints the median of 15 reads beside the target.
let checkCount = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 10_000
let declaration = Declaration(file: "Sources/Generated/Checks.swift", line: 1, column: 1)
var checks: [CheckDefinition] = []
checks.reserveCapacity(checkCount)
for index in 0..<checkCount {
    let value = BoundValue(
        name: "minimum version", source: .titlePlaceholder("version"),
        enforced: EnforcedValue(.minimumVersion(Version(major: 1, minor: index % 40, patch: index % 7)), declaration: declaration))
    checks.append(
        CheckDefinition(
            id: "check-\(index)", summary: "generated check \(index)", title: TitlePattern("Step \(index) needs version {version}+"),
            values: [value], declaration: Declaration(file: declaration.file, line: index + 1, column: 9)))
}
let manifest = CheckManifest(suites: [SuiteDefinition(id: "generated", title: "Generated", checks: checks)])
let bytes = Array(manifest.json().utf8)

/// This thread's CPU time in milliseconds: on a machine shared with other builds, wall-clock time measures
/// the neighbours as much as the reader.
func cpuMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

var wall: [Double] = []
var cpu: [Double] = []
for _ in 0..<15 {
    let start = DispatchTime.now().uptimeNanoseconds
    let startCPU = cpuMilliseconds()
    let read = try CheckManifest(json: bytes)
    cpu.append(cpuMilliseconds() - startCPU)
    wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    precondition(read.suites[0].checks.count == checkCount)
}
wall.sort()
cpu.sort()
let median = cpu[cpu.count / 2]
let verdict = median < 100 ? "ok" : "SLOWER THAN TARGET"
print(
    String(
        format: "manifest load: %d checks (%.1f MB): median %.1f ms CPU (best %.1f), %.1f ms wall (target < 100 ms) %@",
        checkCount, Double(bytes.count) / 1e6, median, cpu[0], wall[wall.count / 2], verdict))
