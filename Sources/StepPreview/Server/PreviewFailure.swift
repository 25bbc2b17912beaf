import StepProject

/// Why the preview could not start.
public enum PreviewFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The project could not be read (missing content, broken templates or configuration).
    case project(StepDocFailure)
    /// `--host` is not an IP address or `localhost`.
    case invalidHost(String)
    /// The address could not be bound (in use, not local, not permitted).
    case cannotListen(address: String, reason: String)

    public var description: String {
        switch self {
        case .project(let failure): failure.description
        case .invalidHost(let host): "--host '\(host)' is not an IP address (use 127.0.0.1, ::1, 0.0.0.0 or localhost)"
        case .cannotListen(let address, let reason): "cannot listen on \(address): \(reason)"
        }
    }
}
