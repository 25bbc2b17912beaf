import StepProject

/// Why a watcher could not start; the preview then falls back to scanning.
package struct WatcherFailure: Error, Sendable, CustomStringConvertible {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}
