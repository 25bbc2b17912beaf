import Foundation

/// The process's resident memory from /proc/self/status (Linux); zero elsewhere.
struct ResidentMemory {
    /// VmRSS: resident now.
    var current: Int
    /// VmHWM: the most that was ever resident.
    var peak: Int

    static func now() -> ResidentMemory {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
            return ResidentMemory(current: 0, peak: 0)
        }
        func field(_ name: String) -> Int {
            for line in status.split(separator: "\n") where line.hasPrefix(name) {
                return (Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? "0") ?? 0) * 1024
            }
            return 0
        }
        return ResidentMemory(current: field("VmRSS:"), peak: field("VmHWM:"))
    }

    static func mebibytes(_ bytes: Int) -> String {
        String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
