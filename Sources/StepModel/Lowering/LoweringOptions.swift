import StepSyntax

/// What lowering needs beyond the syntax tree: roles, substitutions, and how to read includes.
public struct LoweringOptions: Sendable {
    public var roles: RoleTable
    /// Substitutions the project defines (`|name|` → text), used when the file does not define them.
    public var substitutions: [String: String]
    public var includes: any IncludeResolver
    /// Includes nested deeper than this are reported (`limits.include-depth`) instead of read.
    public var maximumIncludeDepth: Int
    public var parseOptions: ParseOptions
    /// Parse and lower a large file on two threads at once (for callers with a core to spare).
    public var pipelinesLargeFiles: Bool = false

    /// The size from which ``pipelinesLargeFiles`` applies: below it, a second thread costs more
    /// than it saves.
    public static let pipelineThreshold = 512 * 1024

    public init(
        roles: RoleTable = .mongoDB, substitutions: [String: String] = [:],
        includes: any IncludeResolver = NoIncludes(),
        maximumIncludeDepth: Int = 10, parseOptions: ParseOptions = ParseOptions()
    ) {
        self.roles = roles
        self.substitutions = substitutions
        self.includes = includes
        self.maximumIncludeDepth = maximumIncludeDepth
        self.parseOptions = parseOptions
    }
}
