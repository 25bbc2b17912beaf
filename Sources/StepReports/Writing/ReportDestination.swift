import StepModel
import StepProject

/// A `--report FORMAT:PATH` value: a format and the file to write it to.
public struct ReportDestination: Equatable, Sendable {
    public var format: ReportFormat
    public var path: String

    public init(format: ReportFormat, path: String) {
        self.format = format
        self.path = path
    }

    /// Reads `FORMAT:PATH`, splitting at the first colon (so paths may hold colons).
    public init(parsing argument: String) throws(ParseError) {
        guard let colon = argument.firstIndex(of: ":") else { throw .missingColon(argument) }
        let name = String(argument[..<colon])
        let path = String(argument[argument.index(after: colon)...])
        guard let format = ReportFormat(rawValue: name) else { throw .unknownFormat(argument, name) }
        guard !path.isEmpty else { throw .missingPath(argument) }
        self.init(format: format, path: path)
    }

    /// Why a `--report` value was not understood.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case missingColon(String)
        case unknownFormat(String, String)
        case missingPath(String)

        public var description: String {
            switch self {
            case .missingColon(let argument):
                "--report '\(argument)' must be FORMAT:PATH, e.g. sarif:stepdoc.sarif"
            case .unknownFormat(let argument, let name):
                "--report '\(argument)': unknown format '\(name)'"
                    + DidYouMean.phrase(for: name, among: ReportFormat.allCases.map(\.rawValue))
                    + " (formats: \(ReportFormat.list))"
            case .missingPath(let argument):
                "--report '\(argument)' names no file after the colon"
            }
        }
    }
}
