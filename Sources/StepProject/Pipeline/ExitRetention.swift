import Synchronization

/// Results that a one-shot process keeps until it exits instead of freeing them: `check` and `build`
/// of a 10 MiB file spend 3% of their instructions freeing its model just before the process ends.
/// Off unless the process's entry point turns it on (so in-process callers and tests free as usual).
public enum ExitRetention {
    private static let isEnabled = Atomic<Bool>(false)
    private static let kept = Mutex<[any Sendable]>([])

    /// Keeps every value handed to ``keep(_:)`` from now on until the process exits.
    public static func enable() {
        isEnabled.store(true, ordering: .relaxed)
    }

    /// Keeps `value` alive until exit when enabled; otherwise it goes as usual.
    package static func keep(_ value: some Sendable) {
        guard isEnabled.load(ordering: .relaxed) else { return }
        kept.withLock { $0.append(value) }
    }
}
