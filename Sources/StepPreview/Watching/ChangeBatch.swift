import StepProject

/// The changes of one burst: what the preview re-renders at once.
package struct ChangeBatch: Sendable, Equatable {
    package var paths: Set<String> = []
    /// A watcher lost events: look at everything again.
    package var rescan = false

    package init(paths: Set<String> = [], rescan: Bool = false) {
        self.paths = paths
        self.rescan = rescan
    }

    package var isEmpty: Bool { paths.isEmpty && !rescan }

    package mutating func add(_ change: FileChange) {
        switch change {
        case .path(let path): paths.insert(path)
        case .rescan: rescan = true
        }
    }
}
