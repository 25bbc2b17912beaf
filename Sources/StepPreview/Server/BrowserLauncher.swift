import Foundation
import StepProject

/// Opens a URL in the user's browser for `--open`; never fails the command.
package enum BrowserLauncher {
    /// Starts `xdg-open URL` (`open URL` on macOS) when the tool is on the PATH; returns why it did not.
    package static func open(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        #if os(macOS)
            let tool = "open"
        #else
            let tool = "xdg-open"
        #endif
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        guard let executable = folders.map({ "\($0)/\(tool)" }).first(where: FileManager.default.isExecutableFile)
        else { return "\(tool) is not installed; open \(url) yourself" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "cannot run \(executable): \(error.localizedDescription); open \(url) yourself"
        }
        return nil
    }
}
