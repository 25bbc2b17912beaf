/// A problem found in the content, with where it is and what to do about it.
///
/// Modelled on swift-docc's diagnostic: a severity, a stable id users type to configure the rule, a
/// one-line summary (lowercase start, no final period), an optional longer explanation, the range it
/// concerns, notes with their own ranges, and fix-its. Message text lives next to the rule that emits it.
public struct Diagnostic: Sendable, Equatable {
    public var severity: Severity
    /// Stable identifier, such as `steps.numbering` or `rst.unknown-role`.
    public var id: RuleID
    public var summary: String
    public var explanation: String?
    public var location: DiagnosticLocation?
    public var notes: [DiagnosticNote]
    public var fixIts: [FixIt]

    public init(
        severity: Severity, id: RuleID, summary: String, explanation: String? = nil,
        location: DiagnosticLocation?, notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        self.severity = severity
        self.id = id
        self.summary = summary
        self.explanation = explanation
        self.location = location
        self.notes = notes
        self.fixIts = fixIts
    }

    /// How much a finding matters; ordered so that `error` is the greatest.
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case note
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }
    }
}

/// A file and a range in it.
public struct DiagnosticLocation: Sendable, Equatable, Hashable {
    public var file: String
    public var range: SourceRange

    public init(file: String, range: SourceRange) {
        self.file = file
        self.range = range
    }
}

/// A secondary message attached to a diagnostic, such as "the other copy is here".
public struct DiagnosticNote: Sendable, Equatable {
    public var message: String
    public var location: DiagnosticLocation?

    public init(message: String, location: DiagnosticLocation?) {
        self.message = message
        self.location = location
    }
}

/// A suggested edit: replace the text in `location` with `replacement`.
public struct FixIt: Sendable, Equatable {
    public var message: String
    public var location: DiagnosticLocation
    public var replacement: String

    public init(message: String, location: DiagnosticLocation, replacement: String) {
        self.message = message
        self.location = location
        self.replacement = replacement
    }
}

extension Diagnostic {
    /// Whether this diagnostic concerns `file` at `line` (used by ignore comments).
    public func isOnLine(_ line: Int, of file: String) -> Bool {
        location?.file == file && location?.range.lowerBound.line == line
    }
}
